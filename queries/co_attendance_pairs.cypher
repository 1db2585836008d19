// name: co_attendance_pairs (Cypher twin of co_attendance_pairs.rq)
MATCH (a:Person {name: $person})-[c:CO_ATTENDED]-(b:Person)
WHERE c.meetings >= $min_count AND a <> b
RETURN DISTINCT a.name AS person_a, b.name AS person_b, c.meetings AS meetings, a.id AS person_a_id,
       b.id AS person_b_id
ORDER BY meetings DESC, person_b, person_b_id, person_a_id
