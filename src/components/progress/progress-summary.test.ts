import { describe, expect, it } from 'vitest';
import { parseProgress } from '../../course/progress.ts';
import { summarize } from './progress-summary.ts';

const course = {
  lessons: ['understanding-span-relationships', 'parent-child', 'span-links'],
  exercises: ['order-children', 'link-the-batch'],
  quizzes: ['parent-child', 'span-links'],
};

describe('summarize', () => {
  it('counts nothing done for a new reader', () => {
    expect(summarize(course, parseProgress(null))).toEqual({
      lessonsRead: 0,
      exercisesPassed: 0,
      quizzesTaken: 0,
      quizPoints: { best: 0, total: 0 },
    });
  });

  it('counts lessons read, exercises passed (not merely tried) and quizzes taken, with their best points', () => {
    const progress = parseProgress(
      JSON.stringify({
        lessonsRead: ['parent-child', 'span-links', 'a-lesson-since-removed'],
        exercises: { 'order-children': { passed: true }, 'link-the-batch': { passed: false }, gone: { passed: true } },
        quizzes: { 'span-links': { score: 2, total: 5, best: 4 }, all: { score: 9, total: 10, best: 9 } },
      }),
    );
    expect(summarize(course, progress)).toEqual({
      lessonsRead: 2,
      exercisesPassed: 1,
      quizzesTaken: 1,
      quizPoints: { best: 4, total: 5 },
    });
  });
});
