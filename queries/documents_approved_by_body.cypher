// name: documents_approved_by_body (Cypher twin of documents_approved_by_body.rq)
MATCH (b:Body)-[:CONVENED]->(m:Meeting)-[:APPROVED]->(d:Document)
WHERE b.label CONTAINS $body AND m.date >= $from AND m.date <= $to
RETURN DISTINCT d.label AS document, m.label AS meeting_name, toString(m.date) AS date
ORDER BY date, document
