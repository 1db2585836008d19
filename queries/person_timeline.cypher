// name: person_timeline (Cypher twin of person_timeline.rq)
MATCH (p:Person {name: $person})
CALL (p) {
  MATCH (p)-[r:CHAIRED|ATTENDED|SAT_IN|SPOKE_AT]->(x:Meeting)
  WITH x, toLower(type(r)) AS role, coalesce(toString(x.date), '') AS day
  RETURN x, 'meeting' AS what, role, day AS first, day AS last
  UNION
  MATCH (p)-[r:HOLDS_POST]->(x:Post)
  WITH x, [d IN coalesce(r.ev_observed, []) WHERE d <> ''] AS days
  RETURN x, 'post' AS what, 'holds_post' AS role,
         coalesce(reduce(m = null, d IN days | CASE WHEN m IS NULL OR d < m THEN d ELSE m END), '') AS first,
         coalesce(reduce(m = null, d IN days | CASE WHEN m IS NULL OR d > m THEN d ELSE m END), '') AS last
}
RETURN DISTINCT first AS date, last AS last_seen, what, x.label AS label, role, x.id AS id, p.id AS person_id
ORDER BY date = '', date, what, label, role, id, person_id
