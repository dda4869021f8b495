import { describe, expect, it } from 'vitest';
import { formatIssues } from '@spanlab/engine';
import { codeExerciseSchema, exerciseSchema, sqlExerciseSchema } from './exercise-schema.ts';

const valid = {
  title: 'Link the batch to its messages',
  lesson: 'span-links',
  goal: 'Make `process-message-batch` a **root** with one link per message.',
  hints: ['Which span is the batch’s parent now?', 'Pass `links` to `startSpan`.'],
  expectations: [{ span: 'process-message-batch', root: true, links: { count: 3 } }],
};

const issues = (data: unknown): string[] => {
  const parsed = exerciseSchema.safeParse(data);
  return parsed.success ? [] : formatIssues(parsed.error).split('\n');
};

describe('exercise schema', () => {
  it('accepts a valid sample and fills in seed 1 and the async context', () => {
    expect(exerciseSchema.parse(valid)).toEqual({ ...valid, kind: 'code', seed: 1, context: 'async' });
    expect(exerciseSchema.parse({ ...valid, kind: 'code' }).kind).toBe('code');
    expect(exerciseSchema.parse({ ...valid, seed: 7 })).toMatchObject({ seed: 7 });
    expect(exerciseSchema.parse({ ...valid, context: 'stack', sampler: 'ratio:0.50' })).toMatchObject({
      context: 'stack',
      sampler: 'ratio:0.5',
    });
  });

  it('says what is wrong with a run setting', () => {
    expect(issues({ ...valid, context: 'zone', sampler: 'ratio:2' })).toEqual([
      'context: Invalid option: expected one of "async"|"stack"',
      'sampler: "ratio:2": the ratio must be a number from 0 to 1 (the share of traces kept), e.g. ratio:0.25',
    ]);
  });

  it('rejects an invalid sample with paths a reader can follow', () => {
    expect(
      issues({
        ...valid,
        lesson: 'links',
        hints: ['only one'],
        seed: 1.5,
        expectations: [{ span: 'batch', links: { count: 'three' } }],
        solution: 'inline',
      }),
    ).toEqual([
      expect.stringMatching(/^lesson: Invalid option: expected one of "understanding-span-relationships"\|/),
      'hints: Too small: expected array to have >=2 items',
      'seed: Invalid input: expected int, received number',
      'expectations.0.links.count: Invalid input: expected number, received string',
      'Unrecognized key: "solution"',
    ]);
  });

  it('asks for at most four hints and at least one expectation', () => {
    expect(issues({ ...valid, hints: ['a', 'b', 'c', 'd', 'e'], expectations: [] })).toEqual([
      'hints: Too big: expected array to have <=4 items',
      'expectations: Too small: expected array to have >=1 items',
    ]);
  });

  it('accepts a SQL exercise: a scenario, a check, no expectations', () => {
    const sql = {
      kind: 'sql',
      title: 'Find the messages no consumer picked up',
      lesson: 'visualization-and-analysis',
      goal: 'Return the producer spans no consumer links to.',
      hints: ['Start from the producers.', 'LEFT JOIN span_links.'],
      scenario: 'orders-left-waiting',
      check: 'unlinked-producers',
    };
    expect(exerciseSchema.parse(sql)).toEqual(sql);
    expect(issues({ ...sql, check: 'links', expectations: [{ span: 'x' }], seed: 2 })).toEqual([
      'check: Invalid input: expected "unlinked-producers"',
      'Unrecognized keys: "expectations", "seed"',
    ]);
    expect(issues({ ...sql, kind: 'python' })).toEqual([
      'kind: an exercise is `kind: code` (the default: leave it out) or `kind: sql`',
    ]);
  });

  it('documents every field', () => {
    const fields = [...Object.entries(codeExerciseSchema.shape), ...Object.entries(sqlExerciseSchema.shape)];
    const undocumented = fields.filter(([, field]) => !field.description).map(([name]) => name);
    expect(undocumented).toEqual([]);
  });
});
