// name: meetings_chaired_by (Cypher twin of meetings_chaired_by.rq)
MATCH (p:Person {name: $person})-[:CHAIRED]->(m:Meeting)
OPTIONAL MATCH (b:Body)-[:CONVENED]->(m)
WITH DISTINCT coalesce(toString(m.date), '') AS date, m, b, p
RETURN date, m.label AS meeting_name, b.label AS body_name, m.id AS meeting_id, b.id AS body_id, p.id AS person_id
ORDER BY date = '', date, meeting_name, meeting_id, body_id
