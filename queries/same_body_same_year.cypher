// name: same_body_same_year (Cypher twin of same_body_same_year.rq)
// two MATCH clauses, not one pattern: two people may hold the very same post (two 副市长)
MATCH (a:Person)-[ra:HOLDS_POST]->(:Post)-[:POST_IN]->(o:Body)
MATCH (b:Person)-[rb:HOLDS_POST]->(:Post)-[:POST_IN]->(o)
WHERE o.label CONTAINS $body AND a.id < b.id
UNWIND ra.ev_observed AS da
UNWIND rb.ev_observed AS db
WITH o, a, b, da, db WHERE da <> '' AND substring(da, 0, 4) = substring(db, 0, 4)
RETURN DISTINCT o.label AS body_name, substring(da, 0, 4) AS year, a.name AS person_a, b.name AS person_b
ORDER BY body_name, year, person_a, person_b
