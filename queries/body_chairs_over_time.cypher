// name: body_chairs_over_time (Cypher twin of body_chairs_over_time.rq)
MATCH (b:Body)-[:CONVENED]->(m:Meeting)<-[:CHAIRED]-(p:Person)
WHERE b.label CONTAINS $body
RETURN coalesce(toString(m.date), '') AS date, b.label AS body_name, p.name AS person, m.label AS meeting_name,
       m.id AS meeting_id, b.id AS body_id, p.id AS person_id
ORDER BY date = '', date, body_name, person, meeting_id, person_id
