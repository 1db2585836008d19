// name: meetings_chaired_by (Cypher twin of meetings_chaired_by.rq)
MATCH (p:Person {name: $person})-[:CHAIRED]->(m:Meeting)
OPTIONAL MATCH (b:Body)-[:CONVENED]->(m)
RETURN DISTINCT m.label AS meeting, toString(m.date) AS date, b.label AS body
ORDER BY date, meeting
