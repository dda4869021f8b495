/** The words the overview shows for the state of a lesson, an exercise or a quiz. */
import type { CourseProgress } from '../../course/progress.ts';

/** A state: done or not, and how to say it. */
export interface ItemState {
  done: boolean;
  text: string;
}

/** A lesson: read or not. */
export function lessonState(progress: CourseProgress, slug: string): ItemState {
  const done = progress.lessonsRead.includes(slug);
  return { done, text: done ? 'Read' : 'Not read yet' };
}

/** An exercise: passed, tried, or not tried. */
export function exerciseState(progress: CourseProgress, id: string): ItemState {
  const kept = progress.exercises[id];
  if (kept?.passed) return { done: true, text: 'Passed' };
  return { done: false, text: kept ? 'Tried, not passed yet' : 'Not tried yet' };
}

/** A quiz: its best and last score, or not taken. */
export function quizState(progress: CourseProgress, bank: string): ItemState {
  const kept = progress.quizzes[bank];
  if (!kept) return { done: false, text: 'Not taken yet' };
  const best = `Best ${String(kept.best)} of ${String(kept.total)}`;
  return { done: true, text: kept.score === kept.best ? best : `${best}, last ${String(kept.score)}` };
}
