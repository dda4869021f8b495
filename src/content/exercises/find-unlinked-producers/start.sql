-- Every producer span of the run. Some of them a consumer
-- links to: leave those out.
SELECT s.span_id, s.name, s.trace_id
FROM spans AS s
WHERE s.kind = 'producer';
