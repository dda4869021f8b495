/**
 * Test support: what a trace file's spans are, read the way the protobuf JSON mapping defines them
 * and written independently of the import under test, so an import → export round trip can be
 * compared field by field with its input.
 */
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

/**
 * Every span of some requests (OTLP, or Tempo's and Jaeger's API answers around one), field by field
 * with proto3 defaults filled in, keyed by resource, scope and id.
 */
export function canonical(requests: unknown[]): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const document of requests) {
    const answer = object(document);
    const request = object(answer['trace'] ?? answer['result'] ?? answer);
    for (const rs of list(request['resourceSpans'] ?? request['batches'])) {
      const resource = object(rs['resource']);
      const resourceKey = JSON.stringify([
        attributes(resource['attributes']),
        count(resource['droppedAttributesCount']),
        rs['schemaUrl'] ?? '',
      ]);
      // Pre-1.0 OTLP names them instrumentationLibrarySpans and instrumentationLibrary.
      for (const ss of list(rs['scopeSpans'] ?? rs['instrumentationLibrarySpans'])) {
        const scope = object(ss['scope'] ?? ss['instrumentationLibrary']);
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
