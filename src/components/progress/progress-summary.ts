/** The overview's numbers: how much of the course the reader's progress covers. */
import type { CourseProgress } from '../../course/progress.ts';

/** What the course holds, by id: the items the overview lists. */
export interface CourseIds {
  lessons: readonly string[];
  exercises: readonly string[];
  /** The quizzes closing the lessons (the full quiz is counted apart). */
  quizzes: readonly string[];
}

/** Counts of what is done, each out of how many there are. */
export interface ProgressSummary {
  lessonsRead: number;
  exercisesPassed: number;
  quizzesTaken: number;
  /** The sum of the best scores of the quizzes taken, out of the sum of their totals. */
  quizPoints: { best: number; total: number };
}

/** Counts what of `course` the reader has done; progress on items the course no longer has is left out. */
export function summarize(course: CourseIds, progress: CourseProgress): ProgressSummary {
  const taken = course.quizzes.flatMap((id) => progress.quizzes[id] ?? []);
  return {
    lessonsRead: course.lessons.filter((slug) => progress.lessonsRead.includes(slug)).length,
    exercisesPassed: course.exercises.filter((id) => progress.exercises[id]?.passed === true).length,
    quizzesTaken: taken.length,
    quizPoints: {
      best: taken.reduce((sum, quiz) => sum + quiz.best, 0),
      total: taken.reduce((sum, quiz) => sum + quiz.total, 0),
    },
  };
}
