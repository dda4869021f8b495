import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spanDuration } from './model.ts';
import { toOtlpJson, toOtlpJsonText } from './otlp-export.ts';
import { fromOtlpJson } from './otlp-import.ts';
import { parseJsonDocuments } from './otlp-json-text.ts';

const FIXTURES = new URL('../../../tests/fixtures/traces/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const object = (value: unknown): Json => (value !== null && typeof value === 'object' ? (value as Json) : {});

/** An id as protobuf JSON means it: hex or base64 bytes, as lower-case hex; absent or empty is ''. */
function hex(id: unknown): string {
  if (typeof id !== 'string' || id === '') return '';
  if (/^[0-9a-fA-F]+$/.test(id) && (id.length === 16 || id.length === 32)) return id.toLowerCase();
  return Buffer.from(id.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('hex');
}

/** A value as protobuf JSON means it, written independently of the code under test. */
function value(input: unknown): unknown {
  const v = object(input);
  if ('stringValue' in v) return { s: v['stringValue'] };
  if ('boolValue' in v) return { b: v['boolValue'] };
  if ('intValue' in v) return { i: BigInt(v['intValue'] as string).toString() };
  if ('doubleValue' in v) return { d: String(v['doubleValue']) };
  if ('bytesValue' in v) return { y: v['bytesValue'] };
  if ('arrayValue' in v) return { a: list(object(v['arrayValue'])['values']).map(value) };
  if ('kvlistValue' in v) return { k: attributes(object(v['kvlistValue'])['values']) };
  return {};
}

function attributes(input: unknown): unknown[] {
  return list(input).map((kv) => [kv['key'], value(kv['value'])]);
}

const ENUM = (prefix: string, names: string[]) => (input: unknown) =>
  typeof input === 'string' ? names.indexOf(input.replace(prefix, '')) : ((input as number | undefined) ?? 0);
const kind = ENUM('SPAN_KIND_', ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER']);
const code = ENUM('STATUS_CODE_', ['UNSET', 'OK', 'ERROR']);
const nanos = (input: unknown): string => BigInt((input as string | number | undefined) ?? 0).toString();
const count = (input: unknown): number => Number(input ?? 0);

/** Every span of some requests, field by field with proto3 defaults filled in, keyed by resource, scope and id. */
function canonical(requests: unknown[]): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const request of requests) {
    for (const rs of list(object(request)['resourceSpans'])) {
      const resource = object(rs['resource']);
      const resourceKey = JSON.stringify([
        attributes(resource['attributes']),
        count(resource['droppedAttributesCount']),
        rs['schemaUrl'] ?? '',
      ]);
      for (const ss of list(rs['scopeSpans'])) {
        const scope = object(ss['scope']);
        const scopeKey = JSON.stringify([
          scope['name'] ?? '',
          scope['version'] ?? '',
          attributes(scope['attributes']),
          count(scope['droppedAttributesCount']),
          ss['schemaUrl'] ?? '',
        ]);
        for (const span of list(ss['spans'])) {
          const status = object(span['status']);
          out.push([
            `${resourceKey} ${scopeKey} ${hex(span['traceId'])}/${hex(span['spanId'])}`,
            {
              traceState: span['traceState'] ?? '',
              parentSpanId: hex(span['parentSpanId']),
              flags: count(span['flags']),
              name: span['name'] ?? '',
              kind: kind(span['kind']),
              start: nanos(span['startTimeUnixNano']),
              end: nanos(span['endTimeUnixNano']),
              attributes: attributes(span['attributes']),
              droppedAttributesCount: count(span['droppedAttributesCount']),
              events: list(span['events']).map((e) => [
                nanos(e['timeUnixNano']),
                e['name'] ?? '',
                attributes(e['attributes']),
                count(e['droppedAttributesCount']),
              ]),
              droppedEventsCount: count(span['droppedEventsCount']),
              links: list(span['links']).map((l) => [
                hex(l['traceId']),
                hex(l['spanId']),
                l['traceState'] ?? '',
                attributes(l['attributes']),
                count(l['droppedAttributesCount']),
                count(l['flags']),
              ]),
              droppedLinksCount: count(span['droppedLinksCount']),
              status: [code(status['code']), status['message'] ?? ''],
            },
          ]);
        }
      }
    }
  }
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Import, then `--format otlp` export, compared field by field with the input. */
function roundTrip(text: string): { input: Array<[string, unknown]>; output: Array<[string, unknown]> } {
  const read = fromOtlpJson(text);
  if (!read.ok) throw new Error(read.error);
  const exported = JSON.parse(toOtlpJsonText(read.spans).text) as unknown;
  return { input: canonical(parseJsonDocuments(text).map((d) => d.value)), output: canonical([exported]) };
}

// Every field the proto has, with the values a double or the SDK's serializer would have changed.
const EVERY_FIELD = JSON.stringify({
  resourceSpans: [
    {
      resource: {
        attributes: [{ key: 'service.name', value: { stringValue: 'inventory' } }],
        droppedAttributesCount: 2,
      },
      schemaUrl: 'https://opentelemetry.io/schemas/1.26.0',
      scopeSpans: [
        {
          scope: {
            name: 'io.opentelemetry.jdbc',
            version: '2.1.0',
            attributes: [{ key: 'pool', value: { stringValue: 'main' } }],
            droppedAttributesCount: 1,
          },
          schemaUrl: 'https://opentelemetry.io/schemas/1.24.0',
          spans: [
            {
              traceId: 'S/kvNXezTaajzpKdDg5HNg==',
              spanId: 'APBnqgupArc=',
              traceState: 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE',
              parentSpanId: 'b7ad6b7169203331',
              flags: 257,
              name: 'SELECT stock',
              kind: 'SPAN_KIND_CLIENT',
              startTimeUnixNano: '1735689600123456789',
              endTimeUnixNano: '1735689600123461789',
              attributes: [
                { key: 'max', value: { intValue: '9223372036854775807' } },
                { key: 'min', value: { intValue: '-9223372036854775808' } },
                { key: 'row', value: { bytesValue: 'AAEC/w==' } },
                { key: 'params', value: { kvlistValue: { values: [{ key: 'sku', value: { stringValue: 'A-1' } }] } } },
                { key: 'dims', value: { arrayValue: { values: [{ doubleValue: 1.5 }, { doubleValue: 'NaN' }] } } },
                { key: '__proto__', value: { stringValue: 'kept' } },
              ],
              droppedAttributesCount: 3,
              events: [
                { timeUnixNano: '1735689600123457000', name: 'retry', attributes: [], droppedAttributesCount: 4 },
              ],
              droppedEventsCount: 5,
              links: [
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: '00f067aa0ba902b7',
                  traceState: 'vendor=x',
                  attributes: [{ key: 'link.type', value: { stringValue: 'follows' } }],
                  droppedAttributesCount: 6,
                  flags: 769,
                },
              ],
              droppedLinksCount: 7,
              status: { code: 'STATUS_CODE_ERROR', message: 'timeout' },
            },
            {
              traceId: 'S/kvNXezTaajzpKdDg5HNg==',
              spanId: 'b7ad6b7169203331',
              name: 'load stock',
              startTimeUnixNano: '1735689600123000000',
              endTimeUnixNano: '1735689600124000000',
            },
          ],
        },
      ],
    },
  ],
});

describe('import → --format otlp export', () => {
  it.each([
    ['the OTLP proto example (open-telemetry/opentelemetry-proto examples/trace.json)', 'otel-proto-trace.json'],
    ['a Jaeger api/v3 answer (jaegertracing/jaeger GetTrace snapshot)', 'jaeger-apiv3-GetTrace.json'],
    ["JSON Lines as the collector's file exporter writes them (.ndjson)", 'file-exporter-lines.ndjson'],
  ])('gives back %s field by field, nanoseconds included', (_label, name) => {
    const { input, output } = roundTrip(fixture(name));
    expect(output.length).toBeGreaterThan(0);
    expect(output).toEqual(input);
  });

  it('gives back every field: trace state, flags as given, scope attributes, schema URLs, dropped counts, bytes, kvlists, int64', () => {
    const { input, output } = roundTrip(EVERY_FIELD);
    expect(output).toHaveLength(2);
    expect(output).toEqual(input);
  });

  it('keeps times exact: a 5 µs span lasts 5 µs, not 4.883', () => {
    const read = fromOtlpJson(EVERY_FIELD);
    const span = read.ok ? read.spans.find((s) => s.name === 'SELECT stock') : undefined;
    expect(span && spanDuration(span)).toBe(0.005);
    expect(span?.exact?.startTimeUnixNano).toBe('1735689600123456789');
  });

  it('keeps flags as given: 257 stays 257, a span without flags gains none', () => {
    const read = fromOtlpJson(EVERY_FIELD);
    if (!read.ok) throw new Error(read.error);
    const spans = toOtlpJson(read.spans).request.resourceSpans[0]?.scopeSpans[0]?.spans ?? [];
    expect(spans.map((s) => s.flags)).toEqual([undefined, 257]);
    expect(spans[1]?.links[0]?.flags).toBe(769);
  });

  it('exports a Zipkin or Jaeger file as OTLP that reads back to the same spans', () => {
    for (const name of ['zipkin-lens-yelp.json', 'jaeger-ui_01.json']) {
      const read = fromOtlpJson(fixture(name));
      if (!read.ok) throw new Error(read.error);
      const again = fromOtlpJson(toOtlpJsonText(read.spans).text);
      expect(again.ok && again.format).toBe('otlp-json');
      expect(again.ok && again.spans).toEqual(read.spans);
    }
  });
});
