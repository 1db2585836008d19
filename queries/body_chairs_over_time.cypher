// name: body_chairs_over_time (Cypher twin of body_chairs_over_time.rq)
MATCH (b:Body)-[:CONVENED]->(m:Meeting)<-[:CHAIRED]-(p:Person)
WHERE b.label CONTAINS $body AND m.date IS NOT NULL
RETURN DISTINCT toString(m.date) AS date, b.label AS body_name, p.name AS person, m.label AS meeting_name
ORDER BY date, body_name, person
