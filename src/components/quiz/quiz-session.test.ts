import { describe, expect, it } from 'vitest';
import { QuizSession } from './quiz-session.ts';

describe('QuizSession', () => {
  it('asks each question in turn, counts first answers, and finishes after the last', () => {
    const session = new QuizSession(['a', 'b', 'c']);
    expect(session.position).toEqual({ number: 1, total: 3, finished: false });
    expect(session.answer(true)).toBe(true);
    expect(session.answer(false)).toBe(false); // a second try does not change the score
    expect(session.next()).toBe(true);
    expect(session.current).toBe('b');
    session.answer(false);
    session.next();
    session.answer(true);
    expect(session.next()).toBe(false);
    expect(session.position).toEqual({ number: 3, total: 3, finished: true });
    expect(session.score).toBe(2);
    expect([session.result('a'), session.result('b'), session.result('c')]).toEqual([true, false, true]);
  });

  it('refuses to move past an unanswered question, and an empty quiz', () => {
    expect(() => new QuizSession(['a']).next()).toThrow(/Answer the question/);
    expect(() => new QuizSession([])).toThrow(/at least one/);
  });
});
