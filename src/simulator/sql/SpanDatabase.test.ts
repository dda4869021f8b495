import { readFileSync } from 'node:fs';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../platform/node/run-in-node.ts';
import type { RunResult } from '../trace/model.ts';
import { BATCH_SPANS_QUERY, LINKED_SPANS_QUERY, linkedSpansQuery } from './seed-queries.ts';
import { SpanDatabase } from './SpanDatabase.ts';

const BATCH = new URL('../../content/scenarios/batch-consumer.ts', import.meta.url);

let sqlJs: SqlJsStatic;
let run: RunResult;
let db: SpanDatabase;

beforeAll(async () => {
  sqlJs = await initSqlJs();
  run = await runScenario(readFileSync(BATCH, 'utf8'), { seed: 1 });
  db = new SpanDatabase(sqlJs, run.spans);
});

function rows(sql: string): Array<Record<string, unknown>> {
  const outcome = db.query(sql);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.rows.map((row) => Object.fromEntries(outcome.columns.map((column, i) => [column, row[i]])));
}

describe('SpanDatabase on the batch-consumer scenario', () => {
  it("runs the seed's batch query unchanged: the batch span with its 3 links", () => {
    const batch = run.spans.find((span) => span.name === 'process-message-batch')!;
    expect(rows(BATCH_SPANS_QUERY)).toEqual([{ span_id: batch.spanId, name: 'process-message-batch', link_count: 3 }]);
  });

  it("runs the seed's linked-spans query: no rows for 'abc123', the three producers for the batch span", () => {
    expect(rows(LINKED_SPANS_QUERY)).toEqual([]);
    const batch = run.spans.find((span) => span.name === 'process-message-batch')!;
    const linked = rows(linkedSpansQuery(batch.spanId));
    expect(linked.map((row) => row['name'])).toEqual(['send orders', 'send orders', 'send orders']);
    expect(new Set(linked.map((row) => row['span_id']))).toEqual(new Set(batch.links.map((link) => link.spanId)));
    expect(Object.keys(linked[0]!)).toEqual([
      'span_id',
      'trace_id',
      'parent_span_id',
      'name',
      'kind',
      'service',
      'start_ms',
      'duration_ms',
      'status',
      'attributes',
    ]);
  });

  it('fills traces and keeps attributes as JSON', () => {
    expect(rows('SELECT count(*) AS n, sum(span_count) AS spans FROM traces')).toEqual([{ n: 4, spans: 7 }]);
    expect(
      rows(`SELECT json_extract(attributes, '$."messaging.message.id"') AS id FROM span_links ORDER BY id`).map(
        (row) => row['id'],
      ),
    ).toEqual(['m1', 'm2', 'm3']);
    expect(rows('SELECT min(start_ms) AS first FROM spans')).toEqual([{ first: 0 }]);
  });

  it('gives a clear error with the position SQLite points at', () => {
    const outcome = db.query('SELECT name\nFORM spans');
    expect(outcome).toEqual({
      ok: false,
      error: 'near "spans": syntax error',
      position: { offset: 17, line: 2, column: 6 },
    });
    expect(db.query('SELECT nope FROM spans')).toMatchObject({
      ok: false,
      error: 'no such column: nope',
      position: { line: 1, column: 8 },
    });
    expect(db.query('SELECT 1;\nSELECT * FROM')).toMatchObject({ ok: false, error: 'incomplete input' });
  });

  it('is read-only, keeps the last result of several statements, and caps rows', () => {
    expect(db.query('DELETE FROM spans')).toMatchObject({ ok: false, error: 'attempt to write a readonly database' });
    expect(rows('SELECT 1 AS a; SELECT 2 AS b')).toEqual([{ b: 2 }]);
    const big = db.query('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 5000) SELECT x FROM c');
    expect(big.ok && [big.rows.length, big.truncated]).toEqual([1000, true]);
  });
});
