import { describe, expect, it } from 'vitest';
import { CORPUS } from './cases.ts';
import { scoreCorpus } from './score.ts';

describe('the linter on its corpus', () => {
  const score = scoreCorpus();

  it('has at least 40 realistic traces, fire and clean, and the real files from other projects', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(CORPUS.filter((c) => c.fires.length === 0).length).toBeGreaterThanOrEqual(15);
    expect(score.cases.length).toBeGreaterThan(CORPUS.length);
  });

  it('finds at least 95% of the errors and warnings it should (recall)', () => {
    const missed = score.cases.filter((c) => c.missed.length > 0).map((c) => `${c.id}: ${c.missed.join(', ')}`);
    expect(score.recall, missed.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('raises no false alarm (precision 1)', () => {
    expect(score.cases.filter((c) => c.falseAlarms.length > 0).map((c) => [c.id, c.falseAlarms])).toEqual([]);
    expect(score.precision).toBe(1);
  });
});
