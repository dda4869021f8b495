import { describe, expect, it } from 'vitest';
import type { SpanRecord } from './model.ts';
import { toOtlpJsonText } from './otlp-export.ts';
import { fromOtlpJson } from './otlp-import.ts';
import type { OtlpImportResult } from './otlp-import.ts';
import { EPOCH, TRACE_A, TRACE_B, makeSpan, sampleRun } from './otlp-test-spans.ts';

/** The spans read, without what the file said exactly (`exact`, tested in otlp-round-trip.test.ts). */
function spansOf(result: OtlpImportResult): SpanRecord[] {
  if (!result.ok) throw new Error(`import failed: ${result.error}`);
  return result.spans.map(({ exact: _exact, ...span }) => span);
}

function errorOf(input: string | Uint8Array, maxBytes?: number): string {
  const result = fromOtlpJson(input, maxBytes === undefined ? {} : { maxBytes });
  if (result.ok) throw new Error('expected the import to fail');
  return result.error;
}

/** A request with one span built from `span` (its fields override a valid span's). */
function requestWith(span: Record<string, unknown>, position = { scopes: 1, spans: 1 }): string {
  const valid = {
    traceId: TRACE_A,
    spanId: '00f067aa0ba902b7',
    name: 'ok',
    startTimeUnixNano: '1735689600000000000',
    endTimeUnixNano: '1735689600001000000',
  };
  const scopeSpans = Array.from({ length: position.scopes }, (_, s) => ({
    scope: { name: `scope-${s}` },
    spans: Array.from({ length: position.spans }, (_, i) =>
      s === position.scopes - 1 && i === position.spans - 1
        ? { ...valid, ...span }
        : { ...valid, spanId: `${s}${i}`.padStart(16, 'a') },
    ),
  }));
  return JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans }] });
}

/**
 * What an OpenTelemetry Collector's file exporter might write, as a tool using the protobuf JSON
 * mapping spells it: one request per line, base64 ids, enum names, 64-bit integers as strings or
 * numbers, null and empty fields.
 */
const COLLECTOR_JSONL = [
  JSON.stringify({
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: 'frontend' } },
            { key: 'host.cpu.count', value: { intValue: '8' } },
          ],
        },
        scopeSpans: [
          {
            scope: { name: 'io.opentelemetry.http', version: '1.2.0' },
            spans: [
              {
                traceId: 'CvdlGRbNQ92ESOshHIAxnA==',
                spanId: 'APBnqgupArc=',
                parentSpanId: '',
                name: 'GET /',
                kind: 'SPAN_KIND_SERVER',
                startTimeUnixNano: '1735689600123456789',
                endTimeUnixNano: 1735689600200000000,
                attributes: [
                  { key: 'http.response.status_code', value: { intValue: '200' } },
                  { key: 'ratio', value: { doubleValue: 'Infinity' } },
                  { key: 'cached', value: { boolValue: true } },
                  { key: 'ids', value: { arrayValue: { values: [{ intValue: '1' }, { intValue: 2 }, {}] } } },
                  { key: 'payload', value: { bytesValue: 'aGk=' } },
                  {
                    key: 'headers',
                    value: { kvlistValue: { values: [{ key: 'accept', value: { stringValue: '*/*' } }] } },
                  },
                  { key: 'nothing', value: {} },
                ],
                droppedAttributesCount: null,
                events: [],
                status: { code: 'STATUS_CODE_OK' },
                flags: 257,
              },
            ],
          },
        ],
      },
    ],
  }),
  JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'worker' } }] },
        scopeSpans: [
          {
            scope: { name: 'worker-app' },
            spans: [
              {
                traceId: 'S_kvNXezTaajzpKdDg5HNg',
                spanId: 't61rcWkgMzE=',
                parentSpanId: 'AAAAAAAAAAA=',
                name: 'process order',
                kind: 5,
                startTimeUnixNano: '1735689614000000000',
                endTimeUnixNano: '1735689614050000000',
                events: [
                  {
                    name: 'retry',
                    timeUnixNano: 1735689614010000000,
                    attributes: [{ key: 'attempt', value: { intValue: 2 } }],
                  },
                ],
                links: [
                  {
                    traceId: 'CvdlGRbNQ92ESOshHIAxnA',
                    spanId: 'APBnqgupArc',
                    attributes: [{ key: 'messaging.message.id', value: { stringValue: 'm-1' } }],
                  },
                ],
                droppedLinksCount: '3',
                status: { code: 'STATUS_CODE_ERROR', message: 'poison message' },
              },
            ],
          },
        ],
      },
    ],
  }),
].join('\n');

describe('fromOtlpJson', () => {
  it('reads back what toOtlpJson wrote', () => {
    const spans = sampleRun();
    expect(spansOf(fromOtlpJson(toOtlpJsonText(spans).text))).toEqual(spans);
  });

  it('round-trips awkward values: NaN, ±Infinity, big integers, nulls in arrays, sub-millisecond times', () => {
    const span = makeSpan({
      spanId: 'aaaaaaaaaaaaaaaa',
      name: 'naïve 名前 "quoted"\n',
      scope: { name: '' },
      start: EPOCH + 0.5,
      end: EPOCH + 1.25,
      attributes: {
        nan: Number.NaN,
        inf: Infinity,
        ninf: -Infinity,
        big: 2 ** 60,
        arr: [1, null, 3],
        ['__proto__']: 'kept',
      },
      resource: { 'service.name': 'checkout', 'process.pid': 4242 },
    });
    const [read] = spansOf(fromOtlpJson(toOtlpJsonText([span]).text));
    // Beyond 2^53 a double would round an integer: the model shows its exact digits.
    expect(read).toEqual({ ...span, attributes: { ...span.attributes, big: '1152921504606846976' } });
    expect(Object.keys(read?.attributes ?? {})).toContain('__proto__');
  });

  it('reads a collector file exporter JSONL file with base64 ids and enum names', () => {
    const result = fromOtlpJson(COLLECTOR_JSONL);
    expect({ ...result, spans: spansOf(result) }).toEqual({
      ok: true,
      warnings: [],
      format: 'otlp-json-lines',
      spans: [
        {
          traceId: TRACE_A,
          spanId: '00f067aa0ba902b7',
          parentSpanId: null,
          name: 'GET /',
          kind: 'server',
          service: 'frontend',
          scope: { name: 'io.opentelemetry.http', version: '1.2.0' },
          start: 1735689600123.4568,
          end: 1735689600200,
          attributes: {
            'http.response.status_code': 200,
            ratio: Infinity,
            cached: true,
            ids: [1, 2, null],
            payload: 'aGk=',
            headers: '{"accept":"*/*"}',
          },
          events: [],
          links: [],
          status: { code: 'ok' },
          dropped: { attributes: 0, events: 0, links: 0 },
          resource: { 'service.name': 'frontend', 'host.cpu.count': 8 },
        },
        {
          traceId: TRACE_B,
          spanId: 'b7ad6b7169203331',
          parentSpanId: null,
          name: 'process order',
          kind: 'consumer',
          service: 'worker',
          scope: { name: 'worker-app' },
          start: 1735689614000,
          end: 1735689614050,
          attributes: {},
          events: [{ name: 'retry', time: 1735689614010, attributes: { attempt: 2 } }],
          links: [{ traceId: TRACE_A, spanId: '00f067aa0ba902b7', attributes: { 'messaging.message.id': 'm-1' } }],
          status: { code: 'error', message: 'poison message' },
          dropped: { attributes: 0, events: 0, links: 3 },
          resource: { 'service.name': 'worker' },
        },
      ],
    });
  });

  it('converts nanoseconds to the nearest double of milliseconds', () => {
    const [span] = spansOf(fromOtlpJson(requestWith({ startTimeUnixNano: '1735689600123456789' })));
    expect(span?.start).toBe(Number('1735689600123.456789'));
  });

  it("reads Jaeger's api/v3 wrapper, UTF-8 bytes with a byte-order mark, and upper-case hex", () => {
    const text = `{"result":${requestWith({ traceId: TRACE_A.toUpperCase() })}}`;
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(spansOf(fromOtlpJson(bytes))[0]?.traceId).toBe(TRACE_A);
  });

  it('orders spans by start time and keeps the first of duplicates, with a warning', () => {
    const late = makeSpan({ spanId: 'bbbbbbbbbbbbbbbb', start: EPOCH + 50, end: EPOCH + 60 });
    const early = makeSpan({ spanId: 'cccccccccccccccc', start: EPOCH + 5, end: EPOCH + 6 });
    const line = toOtlpJsonText([late, early]).text;
    const result = fromOtlpJson(`${line}\n${line}\n`);
    expect(spansOf(result).map((span) => span.spanId)).toEqual(['cccccccccccccccc', 'bbbbbbbbbbbbbbbb']);
    expect(result.ok && result.warnings).toEqual([
      '2 spans appeared more than once (same trace and span id); the first copy of each was kept.',
    ]);
  });

  it('gives unknown_service to spans whose resource has no service.name, and warns about no spans', () => {
    expect(spansOf(fromOtlpJson(requestWith({})))[0]?.service).toBe('unknown_service');
    expect(fromOtlpJson('{"resourceSpans":[]}')).toEqual({
      ok: true,
      spans: [],
      warnings: ['The file holds no spans.'],
      format: 'otlp-json',
    });
  });
});

describe('fromOtlpJson on bad input', () => {
  it('places a JSON syntax error by line and column', () => {
    const result = fromOtlpJson('{\n  "resourceSpans": [\n    {"resource": }\n  ]\n}');
    expect(result).toEqual({
      ok: false,
      error: 'Not valid JSON at line 3, column 18: expected a value, got "}".',
      problems: ['Not valid JSON at line 3, column 18: expected a value, got "}".'],
      position: { line: 3, column: 18 },
    });
  });

  it('names the field of the wrong shape', () => {
    expect(errorOf('{"resourceSpans": {}}')).toBe(
      'Not an OTLP trace file: resourceSpans: expected an array, got an object.',
    );
    expect(errorOf('{"resourceSpans": [{"scopeSpans": [{"spans": "none"}]}]}')).toBe(
      'Not an OTLP trace file: resourceSpans[0].scopeSpans[0].spans: expected an array, got "none".',
    );
    expect(errorOf('[1, 2]')).toBe('Not an OTLP trace file: expected an object {"resourceSpans": […]}, got an array.');
  });

  it('leaves out a span with a bad id, naming it and where it is, and shows the rest', () => {
    const result = fromOtlpJson(requestWith({ traceId: 'xyz' }, { scopes: 2, spans: 4 }));
    expect(result.ok && result.spans).toHaveLength(7);
    expect(result.ok && result.warnings).toEqual([
      '1 span left out, the rest shown: span "ok" (resourceSpans[0].scopeSpans[1].spans[3]): traceId: ' +
        'expected 32 hex digits (or 24 base64 characters), got "xyz".',
    ]);
  });

  it('refuses a file whose every span is bad, naming the first problem', () => {
    expect(errorOf(requestWith({ spanId: '0000000000000000' }))).toBe(
      "The file's only span could not be read: resourceSpans[0].scopeSpans[0].spans[0].spanId: " +
        'expected a valid id, got all zeros ("0000000000000000"), which OpenTelemetry treats as no id.',
    );
  });

  it('reads a field omitted by proto3 JSON as its zero value', () => {
    const [span] = spansOf(fromOtlpJson(requestWith({ startTimeUnixNano: undefined, kind: undefined })));
    expect(span?.start).toBe(0);
    expect(span?.kind).toBe('internal');
  });

  it('names bad values inside attributes, kinds and times', () => {
    expect(errorOf(requestWith({ attributes: [{ key: 'n', value: { intValue: 'many' } }] }))).toBe(
      "The file's only span could not be read: resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue: " +
        'expected a whole number (as a decimal string), got "many".',
    );
    expect(errorOf(requestWith({ kind: 'SPAN_KIND_BOSS' }))).toBe(
      "The file's only span could not be read: resourceSpans[0].scopeSpans[0].spans[0].kind: " +
        'expected 0–5 or "SPAN_KIND_INTERNAL"…, got "SPAN_KIND_BOSS".',
    );
    expect(errorOf(requestWith({ endTimeUnixNano: -5 }))).toMatch(
      /spans\[0\]\.endTimeUnixNano: expected unix nanoseconds/,
    );
  });

  it('counts the other problems, and lists up to 20', () => {
    const result = fromOtlpJson(requestWith({ traceId: 1, spanId: 2, kind: 'x' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(
      /^The file's only span could not be read: resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\.traceId: .* \(and 2 more problems\)\.$/,
    );
    expect(result.problems).toHaveLength(3);
  });

  it('names the line of a bad span or request in a JSON Lines file', () => {
    const good = requestWith({});
    const other = requestWith({ spanId: 'b7ad6b7169203331' });
    const result = fromOtlpJson(`${good}\n${other}\n${requestWith({ spanId: 'nope' })}\n`);
    expect(result.ok && result.warnings[0]).toMatch(
      /^1 span left out, the rest shown: line 3: span "ok" \(resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\): spanId: expected 16 hex digits/,
    );
    expect(errorOf(`${good}\n{"resourceSpans": {}}\n`)).toBe(
      'Not an OTLP trace file: line 2: resourceSpans: expected an array, got an object.',
    );
  });

  it('costs a line of a JSON Lines file that is not JSON only that line, with a warning naming it', () => {
    const good = requestWith({});
    const other = requestWith({ spanId: 'b7ad6b7169203331' });
    // A writer that crashed mid-line and was restarted: the cut line runs into the next document.
    const result = fromOtlpJson(`${good}\n${good.slice(0, 40)}${other}\n${other}\n`);
    expect(result.ok && result.spans.map((span) => span.spanId)).toEqual(['00f067aa0ba902b7', 'b7ad6b7169203331']);
    expect(result.ok && result.format).toBe('otlp-json-lines');
    expect(result.ok && result.warnings[0]).toMatch(
      /^Line 2 is not valid JSON \(column \d+: .*\), as after a writer that stopped mid-line and went on; it was left out and the other lines were read\.$/,
    );
    // One document over several lines is not JSON Lines: its error stands, with its place.
    expect(errorOf(`${JSON.stringify(JSON.parse(good), null, 2)}\n{"resourceSpans": [}\n${good}\n`)).toMatch(
      /^Not valid JSON at line \d+, column 20: expected a value, got "}"\.$/,
    );
  });

  it('costs a cut-off last line only that line, with a warning naming it', () => {
    const good = requestWith({});
    const other = requestWith({ spanId: 'b7ad6b7169203331' });
    const result = fromOtlpJson(`${good}\n${other}\n${good.slice(0, 40)}`);
    expect(result.ok && result.spans).toHaveLength(2);
    expect(result.ok && result.format).toBe('otlp-json-lines');
    expect(result.ok && result.warnings).toEqual([
      'The last line (line 3) is cut short, as in a file still being written, and was left out: at column 32, unterminated string.',
    ]);
  });

  it('says what a file that is not OTLP looks like instead', () => {
    expect(errorOf('{"name": "span-lab", "version": "0.1.0"}')).toBe(
      'Not an OTLP trace file: resourceSpans: missing; expected an OTLP ExportTraceServiceRequest ' +
        '{"resourceSpans": […]}, got an object with "name", "version".',
    );
    expect(errorOf('{"data": [{"id": 1}]}')).toMatch(/or Jaeger's JSON \{"data": \[\{"traceID": …, "spans"/);
    expect(errorOf('{"resource_spans": []}')).toMatch(/"resourceSpans", not "resource_spans"/);
  });

  it('refuses a file over the size cap before reading it', () => {
    expect(errorOf('x'.repeat(60 * 1024 * 1024))).toBe(
      'The file is too large (60 MB); Span Lab opens trace files up to 50 MB.',
    );
    expect(errorOf(new Uint8Array(2048), 1024)).toBe(
      'The file is too large (0 MB); Span Lab opens trace files up to 0 MB.',
    );
  });

  it('refuses empty input and bytes that are not UTF-8', () => {
    expect(errorOf(' \n')).toBe('The file is empty.');
    expect(errorOf(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toBe(
      'The file is not UTF-8 text, so it is not OTLP JSON.',
    );
  });

  it('survives pathological nesting in an attribute value', () => {
    const deep = `${'{"arrayValue":{"values":['.repeat(50_000)}{"intValue":1}${']}}'.repeat(50_000)}`;
    const text = requestWith({ attributes: [{ key: 'deep', value: '__DEEP__' }] }).replace('"__DEEP__"', deep);
    expect(errorOf(text)).toMatch(
      /attributes\[0\]\.value(\.arrayValue\.values\[0\])+: expected values nested at most 32 deep\.$/,
    );
  });
});
