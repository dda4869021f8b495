import { describe, expect, it } from 'vitest';
import { parseProgress } from '../../course/progress.ts';
import { exerciseState, lessonState, quizState } from './state-text.ts';

const progress = parseProgress(
  JSON.stringify({
    lessonsRead: ['parent-child'],
    exercises: { 'order-children': { passed: true }, 'link-the-batch': { passed: false } },
    quizzes: { 'parent-child': { score: 3, total: 5, best: 4 }, 'span-links': { score: 5, total: 5, best: 5 } },
  }),
);

describe('the words for each state', () => {
  it('says whether a lesson is read', () => {
    expect([lessonState(progress, 'parent-child'), lessonState(progress, 'span-links')]).toEqual([
      { done: true, text: 'Read' },
      { done: false, text: 'Not read yet' },
    ]);
  });

  it('tells a passed exercise from a tried one and an untried one', () => {
    expect(['order-children', 'link-the-batch', 'retry-links'].map((id) => exerciseState(progress, id))).toEqual([
      { done: true, text: 'Passed' },
      { done: false, text: 'Tried, not passed yet' },
      { done: false, text: 'Not tried yet' },
    ]);
  });

  it('gives the best quiz score, and the last when it is lower', () => {
    expect(['parent-child', 'span-links', 'best-practices'].map((id) => quizState(progress, id).text)).toEqual([
      'Best 4 of 5, last 3',
      'Best 5 of 5',
      'Not taken yet',
    ]);
  });
});
