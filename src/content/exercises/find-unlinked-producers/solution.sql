-- Every producer span of the run that no link points at.
SELECT s.span_id, s.name, s.trace_id
FROM spans AS s
LEFT JOIN span_links AS l ON l.linked_span_id = s.span_id
WHERE s.kind = 'producer'
  AND l.source_span_id IS NULL;
