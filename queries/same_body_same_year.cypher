// name: same_body_same_year (Cypher twin of same_body_same_year.rq)
// two MATCH clauses, not one pattern: two people may hold the very same post (two 副市长)
MATCH (a:Person)-[ra:HOLDS_POST]->(:Post)-[:POST_IN]->(o:Body)
WHERE o.label CONTAINS $body
MATCH (b:Person)-[rb:HOLDS_POST]->(:Post)-[:POST_IN]->(o)
WHERE a.id < b.id
UNWIND ra.years AS year
WITH o, a, b, year WHERE year IN rb.years
RETURN DISTINCT o.label AS body_name, year, a.name AS person_a, b.name AS person_b, o.id AS body_id,
       a.id AS person_a_id, b.id AS person_b_id
ORDER BY body_name, body_id, year = '', year, person_a, person_b, person_a_id, person_b_id
