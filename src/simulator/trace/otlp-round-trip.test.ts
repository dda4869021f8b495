import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spanDuration } from './model.ts';
import { toOtlpJson, toOtlpJsonText } from './otlp-export.ts';
import { fromOtlpJson } from './otlp-import.ts';
import { canonical } from '../testing/otlp-canonical.ts';
import { parseJsonDocuments } from './otlp-json-text.ts';

const FIXTURES = new URL('../../../tests/fixtures/traces/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

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
    ["a Tempo /api/v2/traces answer (perses/plugins' Tempo mock)", 'perses-tempo-v2-trace.json'],
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
