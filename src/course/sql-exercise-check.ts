/**
 * The check of the SQL exercise of Visualization and analysis, "find the producer spans that no
 * consumer linked to": it reads the query's result, not its text, and says what is wrong with a
 * plausible half-answer. A `kind: sql` exercise names its check by id (`SQL_CHECKS`).
 */
import { joinWords, type SpanRecord } from '@spanlab/engine';
import type { SqlOutcome } from '@spanlab/engine/sql';

/** A verdict on the query's result. */
export type SqlCheckVerdict = { passed: true; message: string } | { passed: false; message: string };

/** The producer spans no consumer span links to: the answer the result must hold. */
export function unlinkedProducers(spans: readonly SpanRecord[]): Set<string> {
  const linked = new Set(
    spans.filter((span) => span.kind === 'consumer').flatMap((span) => span.links.map((link) => link.spanId)),
  );
  return new Set(spans.filter((span) => span.kind === 'producer' && !linked.has(span.spanId)).map((s) => s.spanId));
}

const producerSpans = (n: number): string => `${n} producer span${n === 1 ? '' : 's'}`;

/** Spans as the result table and the views show them: name and span id. */
function named(ids: readonly string[], byId: ReadonlyMap<string, SpanRecord>): string {
  return joinWords(ids.map((id) => `\`${byId.get(id)?.name ?? '?'}\` (span ${id})`));
}

/** Checks a query's outcome against the run's spans: its `span_id` column must hold exactly the unlinked producers. */
export function checkUnlinkedProducers(outcome: SqlOutcome, spans: readonly SpanRecord[]): SqlCheckVerdict {
  if (!outcome.ok) return { passed: false, message: `The query failed: ${outcome.error}` };
  const column = outcome.columns.indexOf('span_id');
  if (column < 0)
    return { passed: false, message: 'Select the spans’ `span_id` column, so the result says which spans.' };
  const got = new Set(outcome.rows.map((row) => String(row[column])));
  const expected = unlinkedProducers(spans);
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const extra = [...got].filter((id) => !expected.has(id));
  if (extra.some((id) => byId.get(id)?.kind !== 'producer')) {
    return { passed: false, message: "The result holds spans that are not producers: keep only `kind = 'producer'`." };
  }
  if (extra.length > 0) {
    return {
      passed: false,
      message: `The result holds ${producerSpans(extra.length)} a consumer links to: keep those with no row in \`span_links\` pointing at them (a LEFT JOIN … IS NULL, or NOT EXISTS).`,
    };
  }
  const missing = [...expected].filter((id) => !got.has(id));
  if (missing.length > 0) {
    return {
      passed: false,
      message: `The result misses ${producerSpans(missing.length)} that no consumer links to: ${named(missing, byId)}.`,
    };
  }
  return {
    passed: true,
    message: `${producerSpans(expected.size)} no consumer links to: ${named([...expected], byId)}.`,
  };
}

/** The checks a SQL exercise may name (`check:` in its exercise.yaml), by id. */
export const SQL_CHECKS = {
  'unlinked-producers': checkUnlinkedProducers,
} as const satisfies Record<string, (outcome: SqlOutcome, spans: readonly SpanRecord[]) => SqlCheckVerdict>;

/** A SQL check's id. */
export type SqlCheckId = keyof typeof SQL_CHECKS;

/** The ids of the SQL checks. */
export const SQL_CHECK_IDS = Object.keys(SQL_CHECKS) as [SqlCheckId, ...SqlCheckId[]];
