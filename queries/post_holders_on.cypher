// name: post_holders_on (Cypher twin of post_holders_on.rq)
MATCH (p:Person)-[r:HOLDS_POST]->(x:Post)
WHERE x.label CONTAINS $post
WITH p, x, [d IN coalesce(r.ev_observed, []) WHERE d <> ''] AS dated
WITH p, x, dated, [d IN dated WHERE date(d) <= $on] AS ok
WHERE size(ok) > 0 OR size(dated) = 0
WITH p, x, coalesce(reduce(m = null, d IN ok | CASE WHEN m IS NULL OR d < m THEN d ELSE m END), '') AS first_seen,
     coalesce(reduce(m = null, d IN ok | CASE WHEN m IS NULL OR d > m THEN d ELSE m END), '') AS last_seen
RETURN DISTINCT p.name AS person, x.label AS post_name, first_seen, last_seen, p.id AS person_id, x.id AS post_id
ORDER BY last_seen = '', last_seen DESC, person, post_name, person_id, post_id
