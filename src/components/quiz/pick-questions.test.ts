import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickRound, shuffled } from './pick-questions.ts';

const ids = Array.from({ length: 43 }, (_, i) => `q${String(i)}`);

describe('the full quiz picks its questions', () => {
  it('shuffles the same way for the same seed, differently for another', () => {
    expect(shuffled(ids, 7)).toEqual(shuffled(ids, 7));
    expect(shuffled(ids, 7)).not.toEqual(shuffled(ids, 8));
    expect([...shuffled(ids, 7)].sort()).toEqual([...ids].sort());
  });

  it('reaches every question in as many rounds as it takes to deal them all', () => {
    const seen = new Set<string>();
    for (let round = 0; round < Math.ceil(ids.length / 10); round++)
      for (const id of pickRound(ids, 10, 3, round)) seen.add(id);
    expect(seen.size).toBe(ids.length);
  });

  it('never asks a question twice in one round, and asks as many as there are when fewer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(),
        fc.nat(50),
        (n, count, seed, round) => {
          const items = ids.slice(0, Math.min(n, ids.length));
          const picked = pickRound(items, count, seed, round);
          expect(new Set(picked).size).toBe(picked.length);
          expect(picked.length).toBe(Math.min(count, items.length));
        },
      ),
    );
  });
});
