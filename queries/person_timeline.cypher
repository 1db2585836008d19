// name: person_timeline (Cypher twin of person_timeline.rq)
MATCH (p:Person {name: $person})
CALL (p) {
  MATCH (p)-[r:CHAIRED|ATTENDED|SAT_IN|SPOKE_AT]->(x:Meeting)
  WHERE x.date IS NOT NULL
  RETURN toString(x.date) AS date, 'meeting' AS what, x.label AS label, toLower(type(r)) AS role
  UNION
  MATCH (p)-[r:HOLDS_POST]->(x:Post)
  UNWIND r.ev_observed AS d
  WITH x, d WHERE d <> ''
  RETURN d AS date, 'post' AS what, x.label AS label, 'holds_post' AS role
}
RETURN DISTINCT date, what, label, role
ORDER BY date, what, label, role
