import { describe, expect, it } from 'vitest';
import { flaggedSpans, type Problem } from './problems.ts';
import type { IndexedSpan } from './RunIndex.ts';

const span = (key: string) => ({ key }) as IndexedSpan;
const problem = (source: Problem['source'], severity: Problem['severity'], title: string, keys: string[]): Problem => ({
  source,
  severity,
  title,
  message: '',
  spans: keys.map(span),
  moreSpans: 0,
});

describe('flaggedSpans', () => {
  it('marks each span a finding names with its worst severity and every rule', () => {
    const flags = flaggedSpans([
      problem('finding', 'warning', 'batch-without-links', ['a']),
      problem('finding', 'error', 'batch-parented-to-producer', ['a', 'b']),
      problem('runtime', 'error', 'Error', ['c']),
    ]);
    expect(Object.fromEntries(flags)).toEqual({
      a: { severity: 'error', rules: ['batch-without-links', 'batch-parented-to-producer'] },
      b: { severity: 'error', rules: ['batch-parented-to-producer'] },
    });
  });
});
