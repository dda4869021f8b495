import { beforeAll, describe, expect, it } from 'vitest';
import { fromOtlpJson } from '../../../trace/otlp-import.ts';
import { makeSpan } from '../../../trace/otlp-test-spans.ts';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { childOutlivesParent as rule } from './child-outlives-parent.ts';

const source = `${PRELUDE}
const work = (name, ms) => tracer.startActiveSpan(name, async (span) => { await sleep(ms); span.end(); });

broker.topic('orders').subscribe(async () => {
  await tracer.startActiveSpan('process orders', { kind: SpanKind.CONSUMER }, async (span) => { await sleep(50); span.end(); });
}, { service: 'good-worker' });

export default async function main() {
  await service('bad').run(() => tracer.startActiveSpan('place-order', async (order) => {
    void work('send-email', 120); // fire-and-forget: nobody waits for it
    await sleep(10);
    order.end();
  }));
  await service('good').run(() => tracer.startActiveSpan('place-order', async (order) => {
    await work('save-order', 20);
    await tracer.startActiveSpan('send orders', { kind: SpanKind.PRODUCER }, async (send) => {
      await broker.topic('orders').publish({});
      send.end();
    });
    order.end();
  }));
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('child-outlives-parent', () => {
  it('fires on fire-and-forget work that ends after the span that started it', () => {
    expect(lintWith(rule, cases('bad'))).toEqual([
      {
        rule: 'child-outlives-parent',
        severity: 'info',
        message:
          '`send-email` ends 110 ms after its parent `place-order`: work that outlives its caller ran on its own — wait for it, or start it in its own trace with a link',
        spans: ['send-email', 'place-order'],
      },
    ]);
  });

  it('does not fire on awaited children, nor on a message consumed after its producer ended', () => {
    expect(lintWith(rule, cases('good'))).toEqual([]);
  });

  it('does not compare spans of two services, whose clocks may disagree (an imported trace)', () => {
    const client = makeSpan({ spanId: 'aaaaaaaaaaaaaaaa', name: 'GET /x', kind: 'client', service: 'web', end: 1000 });
    const server = makeSpan({
      spanId: 'bbbbbbbbbbbbbbbb',
      parentSpanId: client.spanId,
      kind: 'server',
      service: 'api',
      end: 1003,
    });
    expect(lintWith(rule, [client, server])).toEqual([]);
  });

  // The JS SDK's own JSON: start times in whole milliseconds (Date.now), durations exact (performance.now).
  const sdkFile = (childEndNs: string) =>
    JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'checkout' } }] },
          scopeSpans: [
            {
              scope: { name: 'checkout-app' },
              spans: [
                {
                  traceId: 'a'.repeat(32),
                  spanId: 'a'.repeat(16),
                  name: 'place-order',
                  kind: 1,
                  startTimeUnixNano: '1735689600000000000',
                  endTimeUnixNano: '1735689600012718750',
                },
                {
                  traceId: 'a'.repeat(32),
                  spanId: 'b'.repeat(16),
                  parentSpanId: 'a'.repeat(16),
                  name: 'save-order',
                  kind: 1,
                  startTimeUnixNano: '1735689600001000000',
                  endTimeUnixNano: childEndNs,
                },
              ],
            },
          ],
        },
      ],
    });
  const spansOf = (text: string) => {
    const read = fromOtlpJson(text);
    if (!read.ok) throw new Error(read.error);
    return read.spans;
  };

  it("does not fire on a child that ended first but looks later by less than the SDK's 1 ms granularity", () => {
    // The child started 0.66 ms late on the whole-ms clock: it seems to end 0.34 ms after its parent.
    expect(lintWith(rule, spansOf(sdkFile('1735689600013058349')))).toEqual([]);
  });

  it('fires past the granularity, with the duration rounded', () => {
    expect(lintWith(rule, spansOf(sdkFile('1735689600017008056')))).toEqual([
      {
        rule: 'child-outlives-parent',
        severity: 'info',
        message:
          '`save-order` ends 4.29 ms after its parent `place-order`: work that outlives its caller ran on its own — wait for it, or start it in its own trace with a link',
        spans: ['save-order', 'place-order'],
      },
    ]);
  });
});
