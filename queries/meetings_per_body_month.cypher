// name: meetings_per_body_month (Cypher twin of meetings_per_body_month.rq)
MATCH (b:Body)-[:CONVENED]->(m:Meeting)
WHERE b.label CONTAINS $body AND m.date IS NOT NULL
RETURN b.label AS body_name, substring(toString(m.date), 0, 7) AS month, count(DISTINCT m) AS meetings
ORDER BY body_name, month
