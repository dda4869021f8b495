/** What the Zipkin and Jaeger readers share: OTLP/JSON pieces built from other formats' fields. */
import type { OtlpAnyValue, OtlpKeyValue } from './otlp-types.ts';

/** A converted document: an OTLP/JSON request for the OTLP reader, or what is wrong with it. */
export type Converted = { ok: true; request: unknown; warnings: string[] } | { ok: false; problems: string[] };

/** An id left-padded with zeros to `digits` hex digits (64-bit trace ids, ids written without leading zeros). */
export function padId(id: unknown, digits: 16 | 32): unknown {
  return typeof id === 'string' && /^[0-9a-fA-F]{1,32}$/.test(id) && id.length < digits ? id.padStart(digits, '0') : id;
}

/** Microseconds (a number or decimal string) as unix nanoseconds in a decimal string; what is not one stays as it is. */
export function microsToNanos(micros: unknown): unknown {
  if (typeof micros === 'number' && Number.isSafeInteger(micros) && micros >= 0) return `${micros}000`;
  if (typeof micros === 'string' && /^[0-9]{1,17}$/.test(micros)) return `${BigInt(micros) * 1000n}`;
  return micros;
}

/** The end in nanoseconds of a span that starts at `start` (µs) and lasts `duration` (µs). */
export function endNanos(start: unknown, duration: unknown): unknown {
  const from = microsToNanos(start ?? 0);
  const length = microsToNanos(duration ?? 0);
  return typeof from === 'string' && typeof length === 'string' ? `${BigInt(from) + BigInt(length)}` : from;
}

/** A string attribute. */
export function stringAttribute(key: string, value: string): OtlpKeyValue {
  return { key, value: { stringValue: value } };
}

/** An integer attribute. */
export function intAttribute(key: string, value: number): OtlpKeyValue {
  return { key, value: { intValue: String(value) } };
}

/** A value of a typed tag (`string`, `bool`, `int64`, `float64`, `binary`, as Jaeger writes them). */
export function typedValue(type: unknown, value: unknown): OtlpAnyValue {
  switch (typeof type === 'string' ? type.toLowerCase() : type) {
    case 'bool':
    case 'boolean':
      return { boolValue: value === true || value === 'true' };
    case 'int64':
      return typeof value === 'number' || (typeof value === 'string' && /^-?[0-9]+$/.test(value))
        ? { intValue: String(value) }
        : { stringValue: String(value) };
    case 'float64':
      return { doubleValue: typeof value === 'number' ? value : Number(value) };
    case 'binary':
      return { bytesValue: String(value) };
    default:
      return { stringValue: typeof value === 'string' ? value : JSON.stringify(value) };
  }
}

/** Resource attribute namespaces: tags under these describe the process, not the span (as the collector's Zipkin translator sorts them). */
const RESOURCE_PREFIXES = [
  'service.',
  'host.',
  'process.',
  'telemetry.sdk.',
  'os.',
  'container.',
  'k8s.',
  'cloud.',
  'deployment.',
];

/** Whether a tag belongs to the resource. */
export function isResourceKey(key: string): boolean {
  return RESOURCE_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** OTLP status code from an `otel.status_code` tag (`OK`, `ERROR`, or `STATUS_CODE_…`), or undefined. */
export function statusCodeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.toUpperCase().replace('STATUS_CODE_', '');
  return name === 'OK' ? 1 : name === 'ERROR' ? 2 : name === 'UNSET' ? 0 : undefined;
}
