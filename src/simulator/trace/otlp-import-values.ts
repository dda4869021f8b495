/**
 * Readers for OTLP/JSON's leaf values as other tools write them (hex or base64 ids, times as
 * strings or numbers, enums as integers or names, `AnyValue`s), each failing with a message that
 * says what was expected and what was found.
 */
import type { AttributeValue, SpanKindName, SpanStatusRecord } from './model.ts';
import type { OtlpAnyValue, OtlpKeyValue } from './otlp-types.ts';
import { unixNanosToMs } from './otlp-time.ts';

/** A value read, or what is wrong with it (and where, below the field being read). */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string; path?: Array<string | number> };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string, path?: Array<string | number>): Read<never> =>
  path ? { ok: false, message, path } : { ok: false, message };

/** How a found value reads in a message: `"xyz"`, `42`, `an object`, `missing`. */
export function describe(input: unknown): string {
  if (input === undefined) return 'nothing (the field is missing)';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string') return JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input);
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') return String(input);
  return `a ${typeof input}`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A trace id (16 bytes) or span id (8 bytes) as lower-case hex, from hex or base64 (the protobuf JSON mapping). */
export function readId(input: unknown, bytes: 8 | 16): Read<string> {
  const expected = `${bytes * 2} hex digits (or ${Math.ceil(bytes / 3) * 4} base64 characters)`;
  // The collector's own samples write spans whose ids were never set as "".
  if (input === undefined || input === '') return fail(`expected ${expected}, got no id (empty)`);
  if (typeof input !== 'string') return fail(`expected ${expected}, got ${describe(input)}`);
  const id =
    input.length === bytes * 2 && /^[0-9a-fA-F]+$/.test(input) ? input.toLowerCase() : base64ToHex(input, bytes);
  if (id === null) return fail(`expected ${expected}, got ${describe(input)}`);
  if (/^0+$/.test(id))
    return fail(`expected a valid id, got all zeros (${describe(input)}), which OpenTelemetry treats as no id`);
  return ok(id);
}

/** A link's trace or span id: as `readId`, but absent, empty or all zeros read as the invalid all-zero id (the linter names such links). */
export function readLinkId(input: unknown, bytes: 8 | 16): Read<string> {
  if (input === undefined || input === null || input === '') return ok('0'.repeat(bytes * 2));
  const read = readId(input, bytes);
  if (!read.ok && typeof input === 'string' && /^(0+|A+=*)$/.test(input)) return ok('0'.repeat(bytes * 2));
  return read;
}

/** A parent span id: absent, empty or all zeros mean "no parent". */
export function readParentId(input: unknown): Read<string | null> {
  if (input === undefined || input === null || input === '') return ok(null);
  if (typeof input === 'string' && /^(0{16}|A{11}=?)$/.test(input)) return ok(null);
  return readId(input, 8);
}

function base64ToHex(text: string, bytes: number): string | null {
  const body = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  const padded = Math.ceil(body.length / 4) * 4;
  if (body.length !== Math.ceil((bytes * 4) / 3) || (text.length !== body.length && text.length !== padded))
    return null;
  let hex = '';
  let acc = 0;
  let bits = 0;
  for (const ch of body) {
    const digit = BASE64.indexOf(ch);
    if (digit < 0) return null;
    acc = ((acc << 6) | digit) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      hex += ((acc >> bits) & 0xff).toString(16).padStart(2, '0');
    }
  }
  return hex;
}

/** Unix nanoseconds (a decimal string, or a number) as unix milliseconds; absent (proto3's zero) is 0. */
export function readTime(input: unknown): Read<number> {
  const read = readNanos(input);
  return read.ok ? ok(unixNanosToMs(BigInt(read.value))) : read;
}

/** Unix nanoseconds (a decimal string, or a number) as an exact decimal string; absent (proto3's zero) is "0". */
export function readNanos(input: unknown): Read<string> {
  let digits: string;
  if (input === undefined || input === null) return ok('0');
  if (typeof input === 'string' && /^[0-9]{1,20}$/.test(input)) digits = input;
  // A JSON number this large is already rounded to a double; its shortest decimal form is what the
  // writer most likely wrote (1735689614010000000, not 1735689614009999872).
  else if (typeof input === 'number' && Number.isInteger(input) && input >= 0 && input < 1e20) digits = String(input);
  else
    return fail(`expected unix nanoseconds as a decimal string such as "1735689600123000000", got ${describe(input)}`);
  const ns = BigInt(digits);
  if (ns >= 2n ** 64n) return fail(`expected unix nanoseconds that fit in 64 bits, got ${describe(input)}`);
  return ok(ns.toString());
}

/** Unix nanoseconds, exact and as milliseconds. */
export interface TimeRead {
  ms: number;
  ns: string;
}

/** A time both ways: the exact nanoseconds and the model's milliseconds. */
export function readTimeExact(input: unknown): Read<TimeRead> {
  const read = readNanos(input);
  return read.ok ? ok({ ns: read.value, ms: unixNanosToMs(BigInt(read.value)) }) : read;
}

/** A count (`dropped…Count`): a whole number ≥ 0, absent meaning 0. */
export function readCount(input: unknown): Read<number> {
  if (input === undefined || input === null) return ok(0);
  const n = typeof input === 'string' && /^[0-9]+$/.test(input) ? Number(input) : input;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return ok(n);
  return fail(`expected a whole number ≥ 0, got ${describe(input)}`);
}

const KINDS: readonly SpanKindName[] = ['internal', 'internal', 'server', 'client', 'producer', 'consumer'];
const KIND_NAMES = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];

/** A span kind: 0–5 or `"SPAN_KIND_SERVER"`…; absent or unspecified reads as internal (as the spec allows). */
export function readKind(input: unknown): Read<SpanKindName> {
  return readEnum(input, KINDS, KIND_NAMES, 'SPAN_KIND_', 'internal');
}

/** A span kind as the OTLP number and the model's name: 0 (unspecified, absent) is kept as 0 and read as internal. */
export function readKindExact(input: unknown): Read<{ name: SpanKindName; number: number }> {
  const numbers = [0, 1, 2, 3, 4, 5];
  const read = readEnum(input, numbers, KIND_NAMES, 'SPAN_KIND_', 0);
  return read.ok ? ok({ number: read.value, name: KINDS[read.value] ?? 'internal' }) : read;
}

/** Trace flags (`flags`, a fixed32): kept as given when present. */
export function readFlags(input: unknown): Read<number | undefined> {
  if (input === undefined || input === null) return ok(undefined);
  if (typeof input === 'number' && Number.isInteger(input) && input >= 0 && input < 2 ** 32) return ok(input);
  return fail(`expected flags as a whole number 0–4294967295, got ${describe(input)}`);
}

const STATUS_CODES: ReadonlyArray<SpanStatusRecord['code']> = ['unset', 'ok', 'error'];

/** A status code: 0–2 or `"STATUS_CODE_ERROR"`…; absent reads as unset. */
export function readStatusCode(input: unknown): Read<SpanStatusRecord['code']> {
  return readEnum(input, STATUS_CODES, ['UNSET', 'OK', 'ERROR'], 'STATUS_CODE_', 'unset');
}

function readEnum<T>(input: unknown, values: readonly T[], names: string[], prefix: string, absent: T): Read<T> {
  if (input === undefined || input === null) return ok(absent);
  const index =
    typeof input === 'number'
      ? input
      : typeof input === 'string'
        ? names.indexOf(input.toUpperCase().replace(prefix, ''))
        : -1;
  const value = Number.isInteger(index) ? values[index] : undefined;
  if (value !== undefined) return ok(value);
  const choices = `0–${values.length - 1} or "${prefix}${names[1] ?? ''}"…`;
  return fail(`expected ${choices}, got ${describe(input)}`);
}

/** How deep arrays and key-value lists may nest inside one attribute value. */
const MAX_DEPTH = 32;

/**
 * An `AnyValue` as a model attribute value; `null` for an empty value. Arrays of arrays and
 * key-value lists, which the model cannot hold, become their JSON text; bytes stay base64.
 */
export function readAnyValue(input: unknown): Read<AttributeValue | null> {
  const read = readPlain(input, 0);
  if (!read.ok) return read;
  const value = read.value;
  if (value === null || typeof value !== 'object') return ok(value);
  if (Array.isArray(value)) return ok(value.map(flatten));
  return ok(JSON.stringify(value));
}

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

function flatten(item: Plain): string | number | boolean | null {
  return item !== null && typeof item === 'object' ? JSON.stringify(item) : item;
}

function readPlain(input: unknown, depth: number): Read<Plain> {
  if (input === undefined || input === null) return ok(null);
  if (typeof input !== 'object' || Array.isArray(input)) {
    return fail(`expected an AnyValue such as {"stringValue": "…"}, got ${describe(input)}`);
  }
  if (depth > MAX_DEPTH) return fail(`expected values nested at most ${MAX_DEPTH} deep`);
  const value = input as Record<string, unknown>;
  if ('stringValue' in value)
    return readField(value, 'stringValue', (v) => (typeof v === 'string' ? v : undefined), 'a string');
  if ('boolValue' in value)
    return readField(value, 'boolValue', (v) => (typeof v === 'boolean' ? v : undefined), 'true or false');
  if ('intValue' in value) return readField(value, 'intValue', readInt, 'a whole number (as a decimal string)');
  if ('doubleValue' in value) return readField(value, 'doubleValue', readDouble, 'a number');
  if ('bytesValue' in value) return readField(value, 'bytesValue', readBase64, 'base64 text');
  if ('arrayValue' in value) return readList(value.arrayValue, 'arrayValue', depth, false);
  if ('kvlistValue' in value) return readList(value.kvlistValue, 'kvlistValue', depth, true);
  return ok(null);
}

function readField(
  value: Record<string, unknown>,
  field: string,
  read: (input: unknown) => Plain | undefined,
  expected: string,
): Read<Plain> {
  const result = read(value[field]);
  return result === undefined ? fail(`expected ${expected}, got ${describe(value[field])}`, [field]) : ok(result);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function readInt(input: unknown): number | string | undefined {
  if (typeof input === 'number' && Number.isInteger(input)) return input;
  if (typeof input !== 'string' || !/^-?[0-9]{1,19}$/.test(input)) return undefined;
  const big = BigInt(input);
  if (big < INT64_MIN || big > INT64_MAX) return undefined;
  // Beyond ±2^53 a double would round it: the model shows the exact digits as text.
  return Number.isSafeInteger(Number(input)) ? Number(input) : big.toString();
}

function readBase64(input: unknown): string | undefined {
  return typeof input === 'string' && /^[A-Za-z0-9+/_-]*={0,2}$/.test(input) ? input : undefined;
}

function readDouble(input: unknown): number | undefined {
  if (typeof input === 'number') return input;
  if (input === 'NaN' || input === 'Infinity' || input === '-Infinity') return Number(input);
  if (typeof input === 'string' && input.trim() !== '' && Number.isFinite(Number(input))) return Number(input);
  return undefined;
}

function readList(list: unknown, field: string, depth: number, keyed: boolean): Read<Plain> {
  if (list === undefined || list === null) return ok(keyed ? {} : []);
  if (typeof list !== 'object' || Array.isArray(list))
    return fail(`expected {"values": […]}, got ${describe(list)}`, [field]);
  const items = (list as { values?: unknown }).values ?? [];
  if (!Array.isArray(items)) return fail(`expected an array, got ${describe(items)}`, [field, 'values']);
  const out: Plain[] = [];
  const entries: Array<[string, Plain]> = [];
  for (const [i, item] of items.entries()) {
    if (keyed) {
      const { key, value } = (item !== null && typeof item === 'object' ? item : {}) as {
        key?: unknown;
        value?: unknown;
      };
      if (typeof key !== 'string')
        return fail(`expected a string key, got ${describe(key)}`, [field, 'values', i, 'key']);
      const read = readPlain(value, depth + 1);
      if (!read.ok) return fail(read.message, [field, 'values', i, 'value', ...(read.path ?? [])]);
      entries.push([key, read.value]);
    } else {
      const read = readPlain(item, depth + 1);
      if (!read.ok) return fail(read.message, [field, 'values', i, ...(read.path ?? [])]);
      out.push(read.value);
    }
  }
  return ok(keyed ? Object.fromEntries(entries) : out);
}

/**
 * An `AnyValue` in Span Lab's canonical OTLP/JSON (after `readAnyValue` accepted it): the one field
 * set, `intValue` as a decimal string, NaN and ±Infinity spelt out, bytes as given, lists nested.
 */
export function exactAnyValue(input: unknown): OtlpAnyValue {
  if (input === null || typeof input !== 'object') return {};
  const value = input as Record<string, unknown>;
  if ('stringValue' in value) return { stringValue: value.stringValue as string };
  if ('boolValue' in value) return { boolValue: value.boolValue as boolean };
  if ('intValue' in value) {
    const int = value.intValue;
    return { intValue: typeof int === 'number' ? BigInt(int).toString() : BigInt(int as string).toString() };
  }
  if ('doubleValue' in value) {
    const double = readDouble(value.doubleValue) ?? 0;
    return { doubleValue: Number.isFinite(double) ? double : String(double) };
  }
  if ('bytesValue' in value) return { bytesValue: value.bytesValue as string };
  if ('arrayValue' in value) return { arrayValue: { values: listItems(value.arrayValue).map(exactAnyValue) } };
  if ('kvlistValue' in value) return { kvlistValue: { values: exactKeyValues(listItems(value.kvlistValue)) } };
  return {};
}

/** Key-value pairs in canonical OTLP/JSON (after they were accepted). */
export function exactKeyValues(list: unknown): OtlpKeyValue[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: { key?: unknown; value?: unknown }) => ({
    key: String(item.key),
    value: exactAnyValue(item.value),
  }));
}

function listItems(list: unknown): unknown[] {
  const items = list !== null && typeof list === 'object' ? (list as { values?: unknown }).values : undefined;
  return Array.isArray(items) ? items : [];
}

/** Attributes read both ways: the model's plain values (null for an empty value) and the exact OTLP key-values. */
export interface AttributesRead {
  plain: Array<{ key: string; value: AttributeValue | null }>;
  exact: OtlpKeyValue[];
}

/** A `KeyValue` list (absent or null is empty), read both ways. */
export function readAttributes(input: unknown): Read<AttributesRead> {
  if (input === undefined || input === null) return ok({ plain: [], exact: [] });
  if (!Array.isArray(input)) return fail(`expected an array, got ${describe(input)}`);
  const plain: AttributesRead['plain'] = [];
  for (const [i, item] of input.entries()) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return fail(`expected an object {"key": …, "value": …}, got ${describe(item)}`, [i]);
    }
    const { key, value } = item as { key?: unknown; value?: unknown };
    if (typeof key !== 'string') return fail(`expected a string, got ${describe(key)}`, [i, 'key']);
    const read = readAnyValue(value);
    if (!read.ok) return fail(read.message, [i, 'value', ...(read.path ?? [])]);
    plain.push({ key, value: read.value });
  }
  return ok({ plain, exact: exactKeyValues(input) });
}
