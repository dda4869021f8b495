import { describe, expect, it } from 'vitest';
import { toOtlpJson, toOtlpJsonText } from './otlp-export.ts';
import type { OtlpAnyValue, OtlpSpan } from './otlp-types.ts';
import { EPOCH, TRACE_A, makeSpan, sampleRun, unendedSpan } from './otlp-test-spans.ts';

function onlySpan(spans = [makeSpan({ spanId: 'aaaaaaaaaaaaaaaa' })]): OtlpSpan {
  const span = toOtlpJson(spans).request.resourceSpans[0]?.scopeSpans[0]?.spans[0];
  if (!span) throw new Error('no span exported');
  return span;
}

function attribute(value: unknown): OtlpAnyValue | undefined {
  const span = onlySpan([makeSpan({ spanId: 'aaaaaaaaaaaaaaaa', attributes: { v: value as never } })]);
  return span.attributes[0]?.value;
}

describe('toOtlpJson', () => {
  it('writes one span in the OTLP/JSON encoding', () => {
    const [, , payments] = sampleRun();
    expect(onlySpan([payments!])).toEqual({
      traceId: TRACE_A,
      spanId: '2222222222222222',
      parentSpanId: '1111111111111111',
      name: 'charge card',
      kind: 2,
      startTimeUnixNano: '1735689600140000000',
      endTimeUnixNano: '1735689600290000000',
      attributes: [],
      droppedAttributesCount: 0,
      events: [
        {
          name: 'exception',
          timeUnixNano: '1735689600289000000',
          attributes: [{ key: 'exception.type', value: { stringValue: 'CardDeclined' } }],
          droppedAttributesCount: 0,
        },
      ],
      droppedEventsCount: 0,
      status: { code: 2, message: 'card declined' },
      links: [],
      droppedLinksCount: 0,
      // Sampled; whether the parent is remote is unknown: it is not among the exported spans.
      flags: 0x001,
    });
  });

  it('writes times as exact decimal nanoseconds', () => {
    const span = onlySpan([makeSpan({ spanId: 'aaaaaaaaaaaaaaaa', start: 1735689600123, end: 1735689600123.5 })]);
    expect(span.startTimeUnixNano).toBe('1735689600123000000');
    expect(span.endTimeUnixNano).toBe('1735689600123500000');
    // What float multiplication would have written:
    expect(BigInt(1735689600123 * 1e6).toString()).not.toBe('1735689600123000000');
  });

  it('groups spans by resource (service), then by scope, in order of first appearance', () => {
    const { request } = toOtlpJson(sampleRun());
    const outline = request.resourceSpans.map((resourceSpans) => ({
      resource: resourceSpans.resource.attributes.map(({ key, value }) => `${key}=${value.stringValue ?? ''}`),
      scopes: resourceSpans.scopeSpans.map(({ scope, spans }) => ({ scope, spans: spans.map((span) => span.name) })),
    }));
    expect(outline).toEqual([
      {
        resource: ['service.name=checkout', 'deployment.environment.name=lab'],
        scopes: [
          { scope: { name: 'checkout-app', version: '1.0.0' }, spans: ['POST /checkout', 'orders publish'] },
          { scope: { name: '@opentelemetry/instrumentation-http' }, spans: ['POST /pay'] },
        ],
      },
      { resource: ['service.name=payments'], scopes: [{ scope: { name: 'payments-app' }, spans: ['charge card'] }] },
      {
        resource: ['service.name=worker'],
        scopes: [{ scope: { name: 'worker-app', version: '2.1.0' }, spans: ['orders process'] }],
      },
    ]);
  });

  it('writes kinds and status codes as the OTLP integers', () => {
    const kinds = (['internal', 'server', 'client', 'producer', 'consumer'] as const).map(
      (kind) => onlySpan([makeSpan({ spanId: 'aaaaaaaaaaaaaaaa', kind })]).kind,
    );
    expect(kinds).toEqual([1, 2, 3, 4, 5]);
    const codes = (['unset', 'ok', 'error'] as const).map(
      (code) => onlySpan([makeSpan({ spanId: 'aaaaaaaaaaaaaaaa', status: { code } })]).status,
    );
    expect(codes).toEqual([{ code: 0 }, { code: 1 }, { code: 2 }]);
  });

  it('encodes attribute values, 64-bit integers as decimal strings', () => {
    expect(attribute('x')).toEqual({ stringValue: 'x' });
    expect(attribute(42)).toEqual({ intValue: '42' });
    expect(attribute(-7)).toEqual({ intValue: '-7' });
    expect(attribute(2 ** 60)).toEqual({ intValue: '1152921504606846976' });
    expect(attribute(0.25)).toEqual({ doubleValue: 0.25 });
    expect(attribute(1e300)).toEqual({ doubleValue: 1e300 });
    expect(attribute(Number.NaN)).toEqual({ doubleValue: 'NaN' });
    expect(attribute(-Infinity)).toEqual({ doubleValue: '-Infinity' });
    expect(attribute(true)).toEqual({ boolValue: true });
    expect(attribute([1, 2.5, null])).toEqual({
      arrayValue: { values: [{ intValue: '1' }, { doubleValue: 2.5 }, {}] },
    });
    expect(attribute(['a', 'b'])).toEqual({ arrayValue: { values: [{ stringValue: 'a' }, { stringValue: 'b' }] } });
  });

  it('keeps links with their attributes, and dropped counts', () => {
    const worker = toOtlpJson(sampleRun()).request.resourceSpans[2]?.scopeSpans[0]?.spans[0];
    expect(worker?.links).toEqual([
      {
        traceId: TRACE_A,
        spanId: '3333333333333333',
        attributes: [{ key: 'messaging.message.id', value: { stringValue: 'm-1' } }],
        droppedAttributesCount: 0,
        flags: 0x001,
      },
    ]);
    expect([worker?.droppedAttributesCount, worker?.droppedEventsCount, worker?.droppedLinksCount]).toEqual([2, 0, 1]);
  });

  it("writes a link's flags as its context had them: not sampled when the span it points to was not kept", () => {
    const run = sampleRun();
    const worker = run.find((span) => span.links.length > 0)!;
    worker.links = [{ ...worker.links[0]!, sampled: false }];
    const links = toOtlpJson(run)
      .request.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))
      .flatMap((span) => span.links);
    expect(links.map((link) => link.flags)).toEqual([0x000]);
  });

  it('sets flags: sampled, and a parent in another service as remote', () => {
    const { request } = toOtlpJson(sampleRun());
    const flags = Object.fromEntries(
      request.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans.map((span) => [span.name, span.flags]))),
    );
    expect(flags).toEqual({
      'POST /checkout': 0x101, // a root: the parent is known not to be remote
      'POST /pay': 0x001, // parent in the same service: remote or not is unknown
      'charge card': 0x301, // parent in another service: remote
      'orders publish': 0x001,
      'orders process': 0x101,
    });
  });

  it('adds service.name to a resource that lacks it', () => {
    const { request } = toOtlpJson([
      makeSpan({ spanId: 'aaaaaaaaaaaaaaaa', service: 'svc', resource: { 'host.name': 'h' } }),
    ]);
    expect(request.resourceSpans[0]?.resource.attributes).toEqual([
      { key: 'host.name', value: { stringValue: 'h' } },
      { key: 'service.name', value: { stringValue: 'svc' } },
    ]);
  });

  it('leaves out spans that never ended and returns them', () => {
    const forgotten = unendedSpan();
    const { request, skippedUnended } = toOtlpJson([...sampleRun(), forgotten]);
    expect(skippedUnended).toEqual([forgotten]);
    const names = request.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans.map((span) => span.name)));
    expect(names).not.toContain('forgotten');
    expect(names).toHaveLength(5);
  });

  it('writes nothing but an empty list for no spans', () => {
    expect(toOtlpJson([])).toEqual({ request: { resourceSpans: [] }, skippedUnended: [] });
  });
});

describe('toOtlpJsonText', () => {
  it('gives the same bytes for the same spans, and parses back to the request', () => {
    const first = toOtlpJsonText(sampleRun());
    expect(toOtlpJsonText(sampleRun()).text).toBe(first.text);
    expect(JSON.parse(first.text)).toEqual(toOtlpJson(sampleRun()).request);
    expect(first.text.startsWith('{"resourceSpans":[{"resource":{"attributes":[')).toBe(true);
  });

  it('indents on request and reports skipped spans', () => {
    const { text, skippedUnended } = toOtlpJsonText([unendedSpan()], 2);
    expect(text).toBe('{\n  "resourceSpans": []\n}');
    expect(skippedUnended).toHaveLength(1);
  });

  // How fast is `npm run bench`'s question (the 10,000-span row); this checks that all of them come out.
  it('exports 10,000 spans', () => {
    const spans = Array.from({ length: 10_000 }, (_, i) =>
      makeSpan({ spanId: i.toString(16).padStart(16, '0'), start: EPOCH + i, end: EPOCH + i + 1, attributes: { i } }),
    );
    const { request } = toOtlpJson(spans);
    expect(request.resourceSpans[0]?.scopeSpans[0]?.spans).toHaveLength(10_000);
  });
});
