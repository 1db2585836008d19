// name: meetings_per_body_month (Cypher twin of meetings_per_body_month.rq)
MATCH (b:Body)-[:MEETINGS_IN]->(c:MonthCount)
WHERE b.label CONTAINS $body
RETURN b.label AS body_name, c.month AS month, c.meetings AS meetings, b.id AS body_id
ORDER BY body_name, body_id, month = '', month
