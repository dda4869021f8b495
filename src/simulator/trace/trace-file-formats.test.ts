import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintTrace } from '../checks/lint/lint-trace.ts';
import type { SpanRecord } from './model.ts';
import { fromOtlpJson, looksLikeTraceFile } from './otlp-import.ts';

const FIXTURES = new URL('../../../tests/fixtures/traces/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

function read(text: string) {
  const result = fromOtlpJson(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}
const named = (spans: SpanRecord[], name: string, service?: string): SpanRecord => {
  const span = spans.find((s) => s.name === name && (service === undefined || s.service === service));
  if (!span) throw new Error(`no span ${name}`);
  return span;
};

const SPAN = {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  startTimeUnixNano: '1735689600000000000',
  endTimeUnixNano: '1735689600001000000',
};

describe('Zipkin v2 JSON', () => {
  it("maps a span as OpenTelemetry's translator does: service, kind, parent, tags, annotations, status, endpoints", () => {
    const { spans, format, warnings } = read(fixture('collector-zipkin-sample3.json'));
    expect(format).toBe('zipkin-v2');
    expect(warnings).toEqual([]);
    const [span] = spans;
    expect(span).toMatchObject({
      traceId: '4d1e00c0db9010db86154a4ba6e91385',
      spanId: '4d1e00c0db9010db',
      parentSpanId: '86154a4ba6e91385',
      name: 'get',
      kind: 'client',
      service: 'unknown_service',
      start: 1472470996199,
      end: 1472470996406,
      status: { code: 'error', message: 'Something failed' },
      attributes: {
        'http.path': '/api',
        'clnt/finagle.version': '6.45.0',
        'net.host.ip': '7::0.128.128.127',
        'peer.service': 'backend',
        'net.peer.ip': '192.168.99.101',
        'net.peer.port': 9000,
      },
      events: [
        { name: 'foo', time: 1472470996238, attributes: {} },
        { name: 'bar', time: 1472470996403, attributes: {} },
      ],
    });
    expect(span?.exact?.startTimeUnixNano).toBe('1472470996199000000');
  });

  it('pads 64-bit trace ids, reads localEndpoint.serviceName as the service, and gives a shared server span its own id under its client', () => {
    const { spans, warnings } = read(fixture('zipkin-lens-skew.json'));
    expect(spans.map((s) => s.traceId)).toEqual(Array(4).fill('00000000000000001e223ff1f80f1c69'));
    const client = named(spans, 'post', 'servicea');
    const server = named(spans, 'post', 'serviceb');
    expect(client.kind).toBe('client');
    expect(server).toMatchObject({ kind: 'server', parentSpanId: '74280ae0c10d8062' });
    expect(server.spanId).not.toBe(client.spanId);
    expect(named(spans, 'async').parentSpanId).toBe(server.spanId);
    expect(warnings).toEqual([
      "1 shared server span has the id of its client (Zipkin's shared span): each was given an id of its own and made the client span's child.",
    ]);
  });
});

describe('Zipkin v1 JSON', () => {
  it('is refused with a message saying what it is and where v2 comes from, not read as v2 without its services', () => {
    const v1 = [
      {
        traceId: '5af7183fb1d4cf5f',
        id: '6b221d5bc9e6496c',
        name: 'get',
        timestamp: 1472470996199000,
        duration: 207000,
        annotations: [{ timestamp: 1472470996199000, value: 'cs', endpoint: { serviceName: 'frontend' } }],
        binaryAnnotations: [{ key: 'http.path', value: '/api', endpoint: { serviceName: 'frontend' } }],
      },
    ];
    const result = fromOtlpJson(JSON.stringify(v1));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      /\[0\]: this is Zipkin v1 JSON .* Zipkin's \/api\/v2\/trace\/\{traceId\} gives v2 JSON\.$/,
    );
  });
});

describe("Jaeger's own JSON", () => {
  it('maps processes to services, the first CHILD_OF in the trace to the parent, other references to links, logs to events', () => {
    const { spans, format, warnings } = read(fixture('jaeger-ui_01.json'));
    expect(format).toBe('jaeger-json');
    expect(warnings).toEqual([
      '1 span appeared more than once (same trace and span id); the first copy of each was kept.',
    ]);
    const root = named(spans, 'test-general-conversion');
    expect(root).toMatchObject({
      traceId: '00000000000000000000000000000001',
      spanId: '0000000000000002',
      service: 'service-x',
      parentSpanId: null,
      events: [
        { name: 'some-event', time: 1485467191639.875, attributes: {} },
        { name: '', time: 1485467191639.875, attributes: { x: 'y' } },
      ],
    });
    const refs = named(spans, 'reference-test');
    expect(refs.service).toBe('service-y');
    expect(refs.parentSpanId).toBe('0000000000000002');
    expect(refs.links).toEqual([
      {
        traceId: '000000000000000000000000000000ff',
        spanId: '00000000000000ff',
        attributes: { 'opentracing.ref_type': 'child_of' },
      },
      {
        traceId: '00000000000000000000000000000001',
        spanId: '0000000000000002',
        attributes: { 'opentracing.ref_type': 'follows_from' },
      },
    ]);
    expect(spanDurationNs(refs)).toBe('5000');
  });

  it('reads the {"data": […]} wrapper of Download Results and Trace JSON, typed tags and the error tag', () => {
    const trace = JSON.parse(fixture('jaeger-ui_01.json')) as { spans: unknown[] };
    const { spans } = read(JSON.stringify({ data: [{ ...trace, spans: trace.spans.slice(1, 2) }] }));
    expect(spans[0]).toMatchObject({
      name: 'some-operation',
      status: { code: 'error' },
      attributes: { 'peer.service': 'service-y', 'peer.ipv4': 23456, temperature: 72.5, blob: 'AAAwOQ==' },
    });
    expect(spans[0]?.exact?.attributes.find((kv) => kv.key === 'blob')?.value).toEqual({ bytesValue: 'AAAwOQ==' });
  });
});

describe("Jaeger's FOLLOWS_FROM", () => {
  it('is a link, not a parent, when it is the only reference (so the linter sees no link to a parent)', () => {
    const span = (spanID: string, operationName: string, references: object[]) => ({
      traceID: '4bf92f3577b34da6',
      spanID,
      operationName,
      references,
      startTime: 1735689600000000,
      duration: 1500,
      processID: 'p1',
    });
    const trace = {
      traceID: '4bf92f3577b34da6',
      spans: [
        span('00f067aa0ba902b7', 'POST /orders', []),
        span('b7ad6b7169203331', 'send confirmation email', [
          { refType: 'FOLLOWS_FROM', traceID: '4bf92f3577b34da6', spanID: '00f067aa0ba902b7' },
        ]),
      ],
      processes: { p1: { serviceName: 'orders', tags: [] } },
    };
    const { spans } = read(JSON.stringify({ data: [trace] }));
    const email = named(spans, 'send confirmation email');
    expect(email.parentSpanId).toBeNull();
    expect(email.links).toEqual([
      {
        traceId: '00000000000000004bf92f3577b34da6',
        spanId: '00f067aa0ba902b7',
        attributes: { 'opentracing.ref_type': 'follows_from' },
      },
    ]);
    expect(lintTrace(spans).map((f) => f.rule)).not.toContain('link-to-ancestor');
  });
});

const spanDurationNs = (span: SpanRecord): string =>
  String(BigInt(span.exact?.endTimeUnixNano ?? 0) - BigInt(span.exact?.startTimeUnixNano ?? 0));

describe('older and wrapped OTLP', () => {
  it("reads pre-1.0 OTLP's instrumentationLibrarySpans and Tempo's batches", () => {
    const old = {
      resource: { attributes: [] },
      instrumentationLibrarySpans: [
        {
          instrumentationLibrary: { name: 'io.opentelemetry.kafka', version: '1.2' },
          spans: [{ ...SPAN, spanId: 'aaaaaaaaaaaaaaaa', name: 'orders process' }],
        },
      ],
    };
    const legacy = read(JSON.stringify({ resourceSpans: [old] }));
    expect(legacy.spans.map((s) => [s.name, s.scope])).toEqual([
      ['orders process', { name: 'io.opentelemetry.kafka', version: '1.2' }],
    ]);
    const tempo = read(JSON.stringify({ batches: [old] }));
    expect(tempo.format).toBe('tempo');
    expect(tempo.spans).toHaveLength(1);
  });
});

describe("Tempo's API answers", () => {
  it('reads /api/v2/traces ({"trace": …}) and /api/traces ({"batches": […]}) to the same spans', () => {
    const v2 = read(fixture('perses-tempo-v2-trace.json'));
    expect(v2.format).toBe('tempo');
    expect(v2.warnings).toEqual([]);
    expect(v2.spans).toHaveLength(10);
    expect(named(v2.spans, 'article-to-cart')).toMatchObject({ service: 'shop-backend', kind: 'server' });
    const { trace } = JSON.parse(fixture('perses-tempo-v2-trace.json')) as { trace: { resourceSpans: unknown } };
    const v1 = read(JSON.stringify({ batches: trace.resourceSpans }));
    expect(v1.format).toBe('tempo');
    expect(v1.spans).toEqual(v2.spans);
  });

  it("names a bad span by where it is in Tempo's answer, not in a request it never wrote", () => {
    const bad = { ...SPAN, spanId: 'nope', name: 'checkout' };
    const good = { ...SPAN, spanId: 'aaaaaaaaaaaaaaaa', name: 'cart' };
    const spans = [{ scopeSpans: [{ spans: [bad, good] }] }];
    expect(read(JSON.stringify({ batches: spans })).warnings[0]).toMatch(
      /^1 span left out, the rest shown: span "checkout" \(batches\[0\]\.scopeSpans\[0\]\.spans\[0\]\)/,
    );
    expect(read(JSON.stringify({ trace: { resourceSpans: spans } })).warnings[0]).toMatch(
      /\(trace\.resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\)/,
    );
  });
});

describe('spans with empty ids', () => {
  // The OpenTelemetry specification's file exporter example: every span's ids are "".
  const example = fixture('otel-spec-file-exporter.jsonl');

  it('refuses a file in which no span has ids, saying so rather than that it is not OTLP', () => {
    const result = fromOtlpJson(example);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBe(
      "None of the file's 8 spans could be read: line 1: resourceSpans[0].scopeSpans[0].spans[0].traceId: " +
        'expected 32 hex digits (or 24 base64 characters), got no id (empty) (and 15 more problems).',
    );
  });

  it('leaves them out of a file that has good spans too, naming each, and shows the rest', () => {
    const result = read(`${example}${fixture('file-exporter-lines.ndjson')}`);
    expect(result.spans.map((s) => s.name)).toEqual(["I'm a server span", 'foobar']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^8 spans left out, the rest shown: line 1: span "operationA" \(resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\): traceId: expected 32 hex digits \(or 24 base64 characters\), got no id \(empty\); line 1: span "operationB" /,
    );
  });
});

describe('spans the tree cannot hold as given', () => {
  it('shows a span named as its own parent, and the earliest span of a parent cycle, as roots, with warnings', () => {
    const spans = [
      { ...SPAN, spanId: 'aaaaaaaaaaaaaaaa', parentSpanId: 'bbbbbbbbbbbbbbbb', name: 'post entry' },
      {
        ...SPAN,
        spanId: 'bbbbbbbbbbbbbbbb',
        parentSpanId: 'aaaaaaaaaaaaaaaa',
        name: 'balance',
        startTimeUnixNano: '1735689600000500000',
      },
      { ...SPAN, spanId: 'cccccccccccccccc', parentSpanId: 'cccccccccccccccc', name: 'audit' },
    ];
    const result = read(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] }));
    expect(result.spans.map((s) => [s.name, s.parentSpanId])).toEqual([
      ['post entry', null],
      ['audit', null],
      ['balance', 'aaaaaaaaaaaaaaaa'],
    ]);
    expect(result.warnings).toEqual([
      '1 span named as its own parent, shown as root: "audit" (cccccccccccccccc).',
      '1 parent cycle (spans that are each other\'s ancestors): the earliest span of each is shown as a root: "post entry" (aaaaaaaaaaaaaaaa).',
    ]);
    expect(result.spans.find((s) => s.name === 'audit')?.exact?.parentSpanId).toBe('cccccccccccccccc');
  });
});

describe('looksLikeTraceFile', () => {
  it('tells trace files from code by their content', () => {
    expect(looksLikeTraceFile('{"resourceSpans":[]}\n')).toBe(true);
    expect(looksLikeTraceFile('\uFEFF\n  [{"traceId":"a"}]')).toBe(true);
    expect(looksLikeTraceFile("import { trace } from '@opentelemetry/api';")).toBe(false);
  });
});
