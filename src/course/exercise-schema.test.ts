import { describe, expect, it } from 'vitest';
import { formatIssues } from '@spanlab/engine';
import { exerciseSchema } from './exercise-schema.ts';

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
    expect(exerciseSchema.parse(valid)).toEqual({ ...valid, seed: 1, context: 'async' });
    expect(exerciseSchema.parse({ ...valid, seed: 7 }).seed).toBe(7);
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

  it('documents every field', () => {
    const undocumented = Object.entries(exerciseSchema.shape)
      .filter(([, field]) => !field.description)
      .map(([name]) => name);
    expect(undocumented).toEqual([]);
  });
});
