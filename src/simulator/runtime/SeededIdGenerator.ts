import type { IdGenerator } from '@opentelemetry/sdk-trace-base';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** Trace and span ids from a seeded generator, so the same seed gives the same ids. */
export class SeededIdGenerator implements IdGenerator {
  readonly #random: RandomGenerator;

  constructor(seed: number) {
    this.#random = xoroshiro128plus(seed);
    // Small seeds start xoroshiro in a low-entropy state; its first outputs are skipped.
    for (let i = 0; i < 64; i++) this.#random.next();
  }

  generateTraceId(): string {
    return this.#hex(4);
  }

  generateSpanId(): string {
    return this.#hex(2);
  }

  #hex(words: number): string {
    let id = '';
    let any = 0;
    // All zeros is not a valid id: draw again.
    while (any === 0) {
      id = '';
      for (let i = 0; i < words; i++) {
        const word = this.#random.next() >>> 0;
        any |= word;
        id += HEX[word >>> 24]! + HEX[(word >>> 16) & 0xff]! + HEX[(word >>> 8) & 0xff]! + HEX[word & 0xff]!;
      }
    }
    return id;
  }
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
