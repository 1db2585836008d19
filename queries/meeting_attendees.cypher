// name: meeting_attendees (Cypher twin of meeting_attendees.rq)
MATCH (p:Person)-[r:CHAIRED|ATTENDED|SAT_IN|SPOKE_AT]->(m:Meeting)
WHERE m.label CONTAINS $meeting
RETURN DISTINCT m.label AS meeting_name, p.name AS person, toLower(type(r)) AS role
ORDER BY meeting_name, role, person
