import { describe, expect, it } from 'vitest';
import { SeededIdGenerator } from './SeededIdGenerator.ts';

describe('SeededIdGenerator', () => {
  it('gives the ids every earlier run of the same seed gave', () => {
    const one = new SeededIdGenerator(1);
    expect([one.generateTraceId(), one.generateSpanId(), one.generateSpanId()]).toEqual([
      'bdc7577d9e020e9468fe301861d5b16e',
      'a42e49d588d63d4e',
      '9ec9fa2def54da0b',
    ]);
    const seven = new SeededIdGenerator(7);
    expect([seven.generateTraceId(), seven.generateSpanId()]).toEqual([
      'f401fe7f73a98b1c9da7ba9ec5e486da',
      '46c71088cce9eb61',
    ]);
  });

  it('gives lower-case hex ids of the right length, never all zeros', () => {
    const ids = new SeededIdGenerator(42);
    for (let i = 0; i < 2_000; i++) {
      expect(ids.generateTraceId()).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
      expect(ids.generateSpanId()).toMatch(/^(?!0{16})[0-9a-f]{16}$/);
    }
  });
});
