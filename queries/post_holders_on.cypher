// name: post_holders_on (Cypher twin of post_holders_on.rq)
MATCH (p:Person)-[r:HOLDS_POST]->(x:Post)
WHERE x.label CONTAINS $post
UNWIND r.ev_observed AS d
WITH p, x, d WHERE d <> '' AND date(d) <= $on
WITH p, x, min(d) AS first_seen, max(d) AS last_seen
RETURN p.name AS person, x.label AS post_name, first_seen, last_seen
ORDER BY last_seen DESC, person, post_name
