import { describe, expect, it } from 'vitest';
import {
  readAnyValue,
  readAttributes,
  readCount,
  readId,
  readKind,
  readNanos,
  readParentId,
  readStatusCode,
  readTime,
} from './otlp-import-values.ts';
import { msToUnixNanos, unixNanosToMs } from './otlp-time.ts';

describe('readId', () => {
  it.each([
    ['0af7651916cd43dd8448eb211c80319c', 16, '0af7651916cd43dd8448eb211c80319c'],
    ['0AF7651916CD43DD8448EB211C80319C', 16, '0af7651916cd43dd8448eb211c80319c'],
    ['CvdlGRbNQ92ESOshHIAxnA==', 16, '0af7651916cd43dd8448eb211c80319c'],
    ['CvdlGRbNQ92ESOshHIAxnA', 16, '0af7651916cd43dd8448eb211c80319c'],
    ['S/kvNXezTaajzpKdDg5HNg==', 16, '4bf92f3577b34da6a3ce929d0e0e4736'],
    ['S_kvNXezTaajzpKdDg5HNg', 16, '4bf92f3577b34da6a3ce929d0e0e4736'],
    ['00f067aa0ba902b7', 8, '00f067aa0ba902b7'],
    ['APBnqgupArc=', 8, '00f067aa0ba902b7'],
    ['//79/Pv6+fg=', 8, 'fffefdfcfbfaf9f8'],
    ['__79_Pv6-fg', 8, 'fffefdfcfbfaf9f8'],
  ] as const)('reads %s', (input, bytes, hex) => {
    expect(readId(input, bytes)).toEqual({ ok: true, value: hex });
  });

  it.each([['xyz'], ['0af7651916cd43dd8448eb211c80319'], ['APBnqgupArc=='], ['APBnqgup!rc='], [42], [null]])(
    'refuses %j',
    (input) => {
      expect(readId(input, 8).ok).toBe(false);
    },
  );

  it('reads an absent, empty or zero parent as no parent', () => {
    for (const input of [undefined, null, '', '0000000000000000', 'AAAAAAAAAAA=']) {
      expect(readParentId(input)).toEqual({ ok: true, value: null });
    }
  });
});

describe('readTime and the ms/ns conversions', () => {
  it('converts whole milliseconds exactly, both ways', () => {
    expect(msToUnixNanos(1735689600123)).toBe(1735689600123000000n);
    expect(unixNanosToMs(1735689600123000000n)).toBe(1735689600123);
    expect(msToUnixNanos(1735689600123.5)).toBe(1735689600123500000n);
  });

  it('reads an absent time as proto3 JSON means it: zero', () => {
    expect(readTime(undefined)).toEqual({ ok: true, value: 0 });
    expect(readNanos(undefined)).toEqual({ ok: true, value: '0' });
    expect(readNanos('1735689600123456789')).toEqual({ ok: true, value: '1735689600123456789' });
  });

  it('reads strings and numbers, and refuses the rest', () => {
    expect(readTime('1735689600123000000')).toEqual({ ok: true, value: 1735689600123 });
    expect(readTime(1735689614010000000)).toEqual({ ok: true, value: 1735689614010 });
    for (const bad of ['-1', '1.5e18', '', 1.5, -1, 1e21, '18446744073709551616']) {
      expect(readTime(bad).ok, String(bad)).toBe(false);
    }
  });
});

describe('enums and counts', () => {
  it('reads kinds as integers or names, unspecified as internal', () => {
    const kinds = [0, 1, 2, 3, 4, 5, 'SPAN_KIND_CLIENT', 'span_kind_producer', undefined].map((k) => readKind(k));
    expect(kinds.map((read) => read.ok && read.value)).toEqual([
      'internal',
      'internal',
      'server',
      'client',
      'producer',
      'consumer',
      'client',
      'producer',
      'internal',
    ]);
    expect(readKind(6).ok).toBe(false);
  });

  it('reads status codes as integers or names', () => {
    expect([2, 'STATUS_CODE_OK', null].map((c) => readStatusCode(c))).toEqual([
      { ok: true, value: 'error' },
      { ok: true, value: 'ok' },
      { ok: true, value: 'unset' },
    ]);
    expect(readStatusCode('STATUS_CODE_FINE').ok).toBe(false);
  });

  it('reads counts as numbers or strings', () => {
    expect([readCount(3), readCount('4'), readCount(undefined)]).toEqual([
      { ok: true, value: 3 },
      { ok: true, value: 4 },
      { ok: true, value: 0 },
    ]);
    expect(readCount(-1).ok).toBe(false);
  });
});

describe('readAnyValue', () => {
  it('reads every kind of value', () => {
    const values = [
      { stringValue: 's' },
      { intValue: '-9007199254740993' },
      { doubleValue: '-Infinity' },
      { doubleValue: 1.5 },
      { boolValue: false },
      { arrayValue: { values: [{ stringValue: 'a' }, { arrayValue: { values: [{ intValue: 1 }] } }] } },
      { kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } },
      { arrayValue: {} },
      {},
    ].map((value) => readAnyValue(value));
    expect(values.map((read) => read.ok && read.value)).toEqual([
      's',
      '-9007199254740993',
      -Infinity,
      1.5,
      false,
      ['a', '[1]'],
      '{"k":true}',
      [],
      null,
    ]);
  });

  it('keeps every value exactly beside the plain one: int64 max and min, bytes, key-value lists', () => {
    const input = [
      { key: 'max', value: { intValue: '9223372036854775807' } },
      { key: 'min', value: { intValue: '-9223372036854775808' } },
      { key: 'small', value: { intValue: 42 } },
      { key: 'raw', value: { bytesValue: 'AAEC/w==' } },
      {
        key: 'kv',
        value: { kvlistValue: { values: [{ key: 'a', value: { arrayValue: { values: [{ doubleValue: 'NaN' }] } } }] } },
      },
      { key: '__proto__', value: { stringValue: 'kept' } },
    ];
    const read = readAttributes(input);
    expect(read.ok && read.value.plain.map((kv) => kv.value)).toEqual([
      '9223372036854775807',
      '-9223372036854775808',
      42,
      'AAEC/w==',
      '{"a":[null]}',
      'kept',
    ]);
    expect(read.ok && read.value.exact).toEqual([
      { key: 'max', value: { intValue: '9223372036854775807' } },
      { key: 'min', value: { intValue: '-9223372036854775808' } },
      { key: 'small', value: { intValue: '42' } },
      { key: 'raw', value: { bytesValue: 'AAEC/w==' } },
      {
        key: 'kv',
        value: { kvlistValue: { values: [{ key: 'a', value: { arrayValue: { values: [{ doubleValue: 'NaN' }] } } }] } },
      },
      { key: '__proto__', value: { stringValue: 'kept' } },
    ]);
    expect(readAnyValue({ intValue: '9223372036854775808' }).ok).toBe(false);
  });

  it('says where in a value the problem is', () => {
    expect(readAnyValue({ arrayValue: { values: [{ stringValue: 'a' }, { boolValue: 'yes' }] } })).toEqual({
      ok: false,
      message: 'expected true or false, got "yes"',
      path: ['arrayValue', 'values', 1, 'boolValue'],
    });
    expect(readAnyValue('plain').ok).toBe(false);
  });
});
