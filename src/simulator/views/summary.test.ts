import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunResult, SpanRecord } from '../trace/model.ts';
import { fromOtlpJson } from '../trace/otlp-import.ts';
import { toSummary } from './summary.ts';

const FIXTURES = new URL('../../../tests/fixtures/traces/', import.meta.url);

/** A trace file's spans as the CLI gives them to the summary. */
function fileRun(text: string): RunResult {
  const read = fromOtlpJson(text);
  if (!read.ok) throw new Error(read.error);
  const spans: SpanRecord[] = read.spans;
  const n = spans.length;
  const stats = { virtualMs: 0, wallMs: 0, spansStarted: n, spansKept: n, spansDropped: 0, consoleDropped: 0 };
  return { spans, console: [], errors: [], limits: [], stats, seed: 1 };
}

describe('toSummary of a trace file', () => {
  it('names a 64-bit trace id, padded to 128 bits, by the digits that tell it apart', () => {
    const run = fileRun(readFileSync(new URL('zipkin-lens-skew.json', FIXTURES), 'utf8'));
    const summary = toSummary(run, 'skew.json', {}, 'Zipkin v2 JSON');
    expect(summary).toContain('Trace 1e223ff1 — 4 spans, 161.718 ms');
    expect(summary).not.toContain('Trace 00000000');
  });

  it('says what it read instead of a seed and virtual time, which a file does not have', () => {
    const run = fileRun(readFileSync(new URL('zipkin-lens-skew.json', FIXTURES), 'utf8'));
    const [header, next] = toSummary(run, 'skew.json', {}, 'Zipkin v2 JSON').split('\n');
    expect(header).toBe('skew.json: 1 trace, 4 spans, 0 links, read as Zipkin v2 JSON');
    expect(next).toBe('');
  });

  it('keeps a span whose parent id is its own id in the tree, as a root', () => {
    const span = (spanId: string, parentSpanId: string, name: string) => ({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId,
      parentSpanId,
      name,
      startTimeUnixNano: '1735689600000000000',
      endTimeUnixNano: '1735689600002000000',
    });
    const text = JSON.stringify({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                span('00f067aa0ba902b7', '00f067aa0ba902b7', 'reconcile ledger'),
                span('b7ad6b7169203331', '00f067aa0ba902b7', 'SELECT entries'),
              ],
            },
          ],
        },
      ],
    });
    const summary = toSummary(fileRun(text), 'ledger.json', {}, 'OTLP JSON');
    expect(summary).toContain(
      [
        'Trace 4bf92f35 — 2 spans, 2 ms',
        '  "reconcile ledger" [unknown_service, internal] 0 ms → 2 ms',
        '  └─ "SELECT entries" [unknown_service, internal] 0 ms → 2 ms',
      ].join('\n'),
    );
  });
});
