// name: documents_approved_by_body (Cypher twin of documents_approved_by_body.rq)
MATCH (b:Body)-[:CONVENED]->(m:Meeting)-[:APPROVED]->(d:Document)
WHERE b.label CONTAINS $body AND (m.date IS NULL OR (m.date >= $from AND m.date <= $to))
WITH DISTINCT coalesce(toString(m.date), '') AS date, d, m, b
RETURN date, d.label AS document, m.label AS meeting_name, b.label AS body_name, d.id AS document_id,
       m.id AS meeting_id, b.id AS body_id
ORDER BY date = '', date, document, meeting_id, body_id
