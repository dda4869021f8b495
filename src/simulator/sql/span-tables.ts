import { groupByTrace, spanDuration, type SpanRecord } from '../trace/model.ts';

/**
 * The tables a run's spans are loaded into. Times are milliseconds from the start of the run's
 * first span; attributes are JSON text (read them with `json_extract(attributes, '$."key"')`).
 *
 * - `spans`: `span_id`, `trace_id`, `parent_span_id` (null for a root), `name`, `kind` (internal,
 *   server, client, producer, consumer), `service` (its `service.name`), `start_ms`,
 *   `duration_ms` (null if the span never ended), `status` (unset, ok, error), `attributes`.
 * - `span_links`: one row per link: `source_span_id` (the span that holds the link),
 *   `linked_span_id`, `linked_trace_id`, `attributes`.
 * - `traces`: `trace_id`, `root_span_id` (its first span without a parent in the trace),
 *   `span_count`, `start_ms`, `duration_ms` (first start to last end; null if no span ended).
 */
export const SPAN_TABLES_DDL = `
CREATE TABLE spans (
  span_id TEXT NOT NULL,
  trace_id TEXT NOT NULL,
  parent_span_id TEXT,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  service TEXT NOT NULL,
  start_ms REAL NOT NULL,
  duration_ms REAL,
  status TEXT NOT NULL,
  attributes TEXT NOT NULL
);
CREATE TABLE span_links (
  source_span_id TEXT NOT NULL,
  linked_span_id TEXT NOT NULL,
  linked_trace_id TEXT NOT NULL,
  attributes TEXT NOT NULL
);
CREATE TABLE traces (
  trace_id TEXT NOT NULL PRIMARY KEY,
  root_span_id TEXT,
  span_count INTEGER NOT NULL,
  start_ms REAL NOT NULL,
  duration_ms REAL
);
CREATE INDEX spans_span_id ON spans (span_id);
CREATE INDEX span_links_source ON span_links (source_span_id);
CREATE INDEX span_links_linked ON span_links (linked_span_id);
`;

/** One row to insert: the table's columns in DDL order. */
export type TableRow = Array<string | number | null>;

/** The rows of each table for a run's spans. */
export interface SpanTableRows {
  spans: TableRow[];
  span_links: TableRow[];
  traces: TableRow[];
}

/** The rows of `spans`, `span_links` and `traces` for these spans. */
export function toTableRows(spans: readonly SpanRecord[]): SpanTableRows {
  const origin = spans.reduce((min, span) => Math.min(min, span.start), Infinity);
  const at = (time: number): number => time - origin;
  const rows: SpanTableRows = { spans: [], span_links: [], traces: [] };
  for (const span of spans) {
    rows.spans.push([
      span.spanId,
      span.traceId,
      span.parentSpanId,
      span.name,
      span.kind,
      span.service,
      at(span.start),
      spanDuration(span),
      span.status.code,
      JSON.stringify(span.attributes),
    ]);
    for (const link of span.links) {
      rows.span_links.push([span.spanId, link.spanId, link.traceId, JSON.stringify(link.attributes)]);
    }
  }
  for (const [traceId, members] of groupByTrace(spans)) {
    const ids = new Set(members.map((span) => span.spanId));
    const root = members.find((span) => span.parentSpanId === null || !ids.has(span.parentSpanId));
    const start = Math.min(...members.map((span) => span.start));
    const ends = members.flatMap((span) => (span.end === null ? [] : [span.end]));
    rows.traces.push([
      traceId,
      root?.spanId ?? null,
      members.length,
      at(start),
      ends.length > 0 ? Math.max(...ends) - start : null,
    ]);
  }
  return rows;
}
