import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { quizBankSchema } from '../../../course/quiz-schema.ts';
import { plainTitle, prepareQuestion } from './prepare-question.ts';

const bank = quizBankSchema.parse(
  parse(readFileSync(new URL('../fixtures/sample-bank.yaml', import.meta.url), 'utf8')),
);

describe('prepareQuestion', () => {
  it('gives a flowchart question its right walk and rendered Markdown', () => {
    const prepared = prepareQuestion('sample', bank.questions[0]!);
    expect(prepared.data).toEqual({
      id: 'fixture-batch-flowchart',
      bank: 'sample',
      kind: 'flowchart',
      path: [
        { node: 'started', answer: 'yes' },
        { node: 'only', answer: 'no' },
      ],
    });
    expect(prepared.promptHtml).toContain('<strong>three messages</strong>');
    expect(prepared.promptHtml).toContain('<code>process-message-batch</code>');
    expect(prepared.code).toContain("startActiveSpan('process-message-batch'");
    expect(prepared.tryIt).toBe('batch-consumer');
  });

  it('gives a choice the index of its right option, and each option its why', () => {
    const prepared = prepareQuestion('sample', bank.questions[2]!);
    expect(prepared.data.correct).toBe(0);
    expect(prepared.options?.map((option) => [option.html, option.correct, option.whyHtml !== undefined])).toEqual([
      ['At <code>startSpan</code>, in its options', true, true],
      ['Any time before <code>end()</code>', false, true],
      ['Only after <code>end()</code>', false, false],
    ]);
  });

  it('gives a spot-the-mistake question its trace and rule', () => {
    const prepared = prepareQuestion('sample', bank.questions[3]!);
    expect([prepared.data.kind, prepared.data.trace, prepared.rule, prepared.data.correct]).toEqual([
      'spot-the-mistake',
      'retry-nested',
      'retry-nested',
      0,
    ]);
  });
});

describe('plainTitle', () => {
  it('keeps the first sentence, without Markdown, cut to length', () => {
    expect(plainTitle('A consumer takes **three messages** off a `queue`. Then more.')).toBe(
      'A consumer takes three messages off a queue.',
    );
    expect(plainTitle('See [the spec](https://x.test) now')).toBe('See the spec now');
    expect(plainTitle('Query `span_links` by _source_span_id_ or __name__.')).toBe(
      'Query span_links by source_span_id or name.',
    );
    expect(plainTitle('word '.repeat(40), 20)).toBe('word word word word…');
  });
});
