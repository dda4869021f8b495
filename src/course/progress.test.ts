// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  markLessonRead,
  onProgressChange,
  parseProgress,
  PROGRESS_EVENT,
  PROGRESS_KEY,
  progressIsKept,
  readProgress,
  recordExercise,
  recordQuiz,
  resetProgress,
  type CourseProgress,
} from './progress.ts';

beforeEach(() => {
  window.localStorage.clear();
  resetProgress(); // leaves no in-memory progress from a test that blocked storage
  window.localStorage.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function stored(): unknown {
  return JSON.parse(window.localStorage.getItem(PROGRESS_KEY) ?? 'null');
}

describe('parseProgress', () => {
  it('reads nothing as no progress', () => {
    expect(parseProgress(null)).toEqual({ lessonsRead: [], exercises: {}, quizzes: {} });
  });

  it.each(['', '{', 'null', '42', '"text"', '[1,2]', 'true'])('reads %j as no progress', (text) => {
    expect(parseProgress(text)).toEqual({ lessonsRead: [], exercises: {}, quizzes: {} });
  });

  it('keeps the well-formed parts of a hand-edited value and drops the rest', () => {
    const text = JSON.stringify({
      lessonsRead: ['parent-child', 7, null, 'parent-child', '', 'span-links'],
      exercises: { 'order-children': { passed: true }, 'link-the-batch': { passed: 'yes' }, broken: null, x: 1 },
      quizzes: {
        'span-links': { score: 3, total: 5, best: 4 },
        negative: { score: -1, total: 5, best: 0 },
        overfull: { score: 9, total: 5, best: 9 },
        text: { score: 1, total: '5', best: 1 },
        missing: { score: 1 },
        worse: { score: 4, total: 5, best: 2 },
      },
      extra: 'ignored',
    });
    expect(parseProgress(text)).toEqual({
      lessonsRead: ['parent-child', 'span-links'],
      exercises: { 'order-children': { passed: true } },
      quizzes: { 'span-links': { score: 3, total: 5, best: 4 }, worse: { score: 4, total: 5, best: 4 } },
    } satisfies CourseProgress);
  });

  it('cannot be made to rewrite the prototype of what it returns', () => {
    const progress = parseProgress(
      '{"exercises":{"__proto__":{"passed":true}},"quizzes":{"__proto__":{"score":1,"total":1,"best":1}}}',
    );
    expect(Object.getPrototypeOf(progress.exercises)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(progress.quizzes)).toBe(Object.prototype);
    expect(Object.keys(progress.exercises)).toEqual([]);
  });

  it('survives a bad value in storage: the page reads no progress and records over it', () => {
    window.localStorage.setItem(PROGRESS_KEY, '{"lessonsRead": "not an array"');
    expect(readProgress().lessonsRead).toEqual([]);
    markLessonRead('parent-child');
    expect(stored()).toEqual({ lessonsRead: ['parent-child'], exercises: {}, quizzes: {} });
  });
});

describe('the progress store', () => {
  it('records a lesson read once, in storage, and fires the progress event', () => {
    const events: CourseProgress[] = [];
    const listen = (event: Event): void => void events.push((event as CustomEvent<CourseProgress>).detail);
    window.addEventListener(PROGRESS_EVENT, listen);
    markLessonRead('parent-child');
    markLessonRead('parent-child');
    markLessonRead('span-links');
    window.removeEventListener(PROGRESS_EVENT, listen);
    expect(readProgress().lessonsRead).toEqual(['parent-child', 'span-links']);
    expect(events.map((progress) => progress.lessonsRead)).toEqual([['parent-child'], ['parent-child', 'span-links']]);
  });

  it('keeps an exercise passed after a later failed Check', () => {
    recordExercise('link-the-batch', false);
    expect(readProgress().exercises).toEqual({ 'link-the-batch': { passed: false } });
    recordExercise('link-the-batch', true);
    recordExercise('link-the-batch', false);
    expect(readProgress().exercises).toEqual({ 'link-the-batch': { passed: true } });
    expect(stored()).toMatchObject({ exercises: { 'link-the-batch': { passed: true } } });
  });

  it('keeps the last and the best quiz score', () => {
    recordQuiz('span-links', 3, 5);
    recordQuiz('span-links', 5, 5);
    recordQuiz('span-links', 2, 5);
    expect(readProgress().quizzes['span-links']).toEqual({ score: 2, total: 5, best: 5 });
  });

  it('scales the best to a quiz of another length, rounding down, so a good result is not lost', () => {
    recordQuiz('all', 10, 10);
    recordQuiz('all', 2, 5);
    expect(readProgress().quizzes['all']).toEqual({ score: 2, total: 5, best: 5 });
    recordQuiz('all', 9, 20);
    expect(readProgress().quizzes['all']).toEqual({ score: 9, total: 20, best: 20 });
    resetProgress();
    recordQuiz('all', 9, 10);
    recordQuiz('all', 3, 5);
    expect(readProgress().quizzes['all']).toEqual({ score: 3, total: 5, best: 4 });
  });

  it('ignores a score that makes no sense and ids that are not ids', () => {
    recordQuiz('span-links', 6, 5);
    recordQuiz('span-links', Number.NaN, 5);
    recordQuiz('span-links', -1, 5);
    recordQuiz('__proto__', 1, 1);
    recordExercise('', true);
    markLessonRead('__proto__');
    expect(readProgress()).toEqual({ lessonsRead: [], exercises: {}, quizzes: {} });
    expect(window.localStorage.getItem(PROGRESS_KEY)).toBeNull();
  });

  it('forgets everything on reset', () => {
    markLessonRead('parent-child');
    recordExercise('order-children', true);
    recordQuiz('parent-child', 4, 4);
    resetProgress();
    expect(readProgress()).toEqual({ lessonsRead: [], exercises: {}, quizzes: {} });
    expect(stored()).toEqual({ lessonsRead: [], exercises: {}, quizzes: {} });
  });
});

describe('storage that is blocked or full', () => {
  it('keeps progress in memory for the page when storage is blocked, and says it is not kept', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(progressIsKept()).toBe(false);
    expect(readProgress().lessonsRead).toEqual([]);
    markLessonRead('parent-child');
    recordQuiz('parent-child', 2, 3);
    expect(readProgress()).toEqual({
      lessonsRead: ['parent-child'],
      exercises: {},
      quizzes: { 'parent-child': { score: 2, total: 3, best: 2 } },
    });
  });

  it('keeps progress in memory when storage is full, and goes back to storage once a write succeeds', () => {
    expect(progressIsKept()).toBe(true);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    markLessonRead('span-links');
    expect(readProgress().lessonsRead).toEqual(['span-links']);
    expect(progressIsKept()).toBe(false);
    setItem.mockRestore();
    markLessonRead('parent-child');
    expect(progressIsKept()).toBe(true);
    expect(stored()).toMatchObject({ lessonsRead: ['span-links', 'parent-child'] });
  });
});

describe('onProgressChange', () => {
  it('hears changes in this page and in other tabs, until it stops listening', () => {
    const heard: string[][] = [];
    const stop = onProgressChange((progress) => heard.push(progress.lessonsRead));
    markLessonRead('parent-child');
    // Another tab: storage changes underneath, then the browser fires `storage` here.
    window.localStorage.setItem(PROGRESS_KEY, JSON.stringify({ lessonsRead: ['span-links'] }));
    window.dispatchEvent(new StorageEvent('storage', { key: PROGRESS_KEY }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'starlight-theme' }));
    window.localStorage.clear();
    window.dispatchEvent(new StorageEvent('storage', { key: null }));
    stop();
    markLessonRead('best-practices');
    expect(heard).toEqual([['parent-child'], ['span-links'], []]);
  });
});
