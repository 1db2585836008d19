// name: co_attendance_pairs (Cypher twin of co_attendance_pairs.rq)
MATCH (a:Person)-[:CHAIRED|ATTENDED]->(m:Meeting)<-[:CHAIRED|ATTENDED]-(b:Person)
WHERE a.id < b.id
WITH a, b, count(DISTINCT m) AS meetings
WHERE meetings >= $min_count
RETURN a.name AS person_a, b.name AS person_b, meetings
ORDER BY meetings DESC, person_a, person_b
