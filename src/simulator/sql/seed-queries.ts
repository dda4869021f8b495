/** One ready-made query the SQL panel offers. */
export interface ExampleQuery {
  /** The button's label. */
  label: string;
  /** The query text. */
  sql: string;
  /** A line to show beside it, if the reader should know something before running it. */
  note?: string;
}

/** The article's first query, unchanged: the spans a given span links to. */
export const LINKED_SPANS_QUERY = `-- Find all spans linked to a specific span
SELECT linked.*
FROM spans AS linked
JOIN span_links AS link ON link.linked_span_id = linked.span_id
WHERE link.source_span_id = 'abc123'`;

/** The article's second query, unchanged: spans with several links, as batch processing makes. */
export const BATCH_SPANS_QUERY = `-- Find spans with multiple links (batch processing)
SELECT s.span_id, s.name, COUNT(l.linked_span_id) as link_count
FROM spans s
JOIN span_links l ON l.source_span_id = s.span_id
GROUP BY s.span_id, s.name
HAVING COUNT(l.linked_span_id) > 1
ORDER BY link_count DESC`;

/** The article's first query with a real span id in place of 'abc123'. */
export function linkedSpansQuery(spanId: string): string {
  return LINKED_SPANS_QUERY.replace("'abc123'", `'${spanId.replace(/'/g, "''")}'`);
}

/** The examples for a run: the article's two queries, and the first with the id of a span of this run that has links. */
export function exampleQueries(spanWithLinks?: { spanId: string; name: string }): ExampleQuery[] {
  const examples: ExampleQuery[] = [
    {
      label: 'Linked spans (the article)',
      sql: LINKED_SPANS_QUERY,
      note: "Replace 'abc123' with a span id of your run: as it stands it finds no rows.",
    },
  ];
  if (spanWithLinks) {
    examples.push({ label: `Spans linked from ${spanWithLinks.name}`, sql: linkedSpansQuery(spanWithLinks.spanId) });
  }
  examples.push({ label: 'Batch spans (the article)', sql: BATCH_SPANS_QUERY });
  return examples;
}
