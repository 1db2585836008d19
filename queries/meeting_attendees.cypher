// name: meeting_attendees (Cypher twin of meeting_attendees.rq)
MATCH (p:Person)-[r:CHAIRED|ATTENDED|SAT_IN|SPOKE_AT]->(m:Meeting {id: $meeting})
RETURN DISTINCT m.label AS meeting_name, p.name AS person, toLower(type(r)) AS role, p.id AS person_id
ORDER BY role, person, person_id
