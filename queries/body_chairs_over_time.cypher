// name: body_chairs_over_time (Cypher twin of body_chairs_over_time.rq)
MATCH (b:Body)-[:CONVENED]->(m:Meeting)<-[:CHAIRED]-(p:Person)
WHERE b.label CONTAINS $body
WITH b, p, count(DISTINCT m) AS meetings, min(toString(m.date)) AS first, max(toString(m.date)) AS last
RETURN b.label AS body_name, p.name AS person, coalesce(first, '') AS first_chaired,
       coalesce(last, '') AS last_chaired, meetings, b.id AS body_id, p.id AS person_id
ORDER BY first_chaired = '', first_chaired, body_name, person, person_id, body_id
