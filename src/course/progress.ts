/**
 * The reader's progress through the course, kept in the browser: lessons read, exercises passed,
 * best quiz scores. Plain data behind a small store; storage that is blocked or full degrades to
 * memory for this page, never to an error.
 */

/** What is kept. */
export interface CourseProgress {
  /** Lesson slugs the reader has read. */
  lessonsRead: string[];
  /** Exercise id → whether Check has passed (once passed, it stays passed). */
  exercises: Record<string, { passed: boolean }>;
  /** Quiz bank id → the last and best score. */
  quizzes: Record<string, { score: number; total: number; best: number }>;
}

/** The storage key; the version changes if the shape does. */
export const PROGRESS_KEY = 'span-lab:progress:v1';
/** The event fired on `window` when progress changes in this page. */
export const PROGRESS_EVENT = 'span-lab:progress';

function empty(): CourseProgress {
  return { lessonsRead: [], exercises: {}, quizzes: {} };
}

let memory: CourseProgress | undefined;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // a SecurityError where storage is blocked
  }
}

/** Parses stored progress, keeping only well-formed parts (a hand-edited value must not break the page). */
export function parseProgress(text: string | null): CourseProgress {
  const progress = empty();
  if (text === null) return progress;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return progress;
  }
  if (typeof data !== 'object' || data === null) return progress;
  const { lessonsRead, exercises, quizzes } = data as Partial<Record<keyof CourseProgress, unknown>>;
  if (Array.isArray(lessonsRead)) progress.lessonsRead = lessonsRead.filter((s): s is string => typeof s === 'string');
  if (typeof exercises === 'object' && exercises !== null) {
    for (const [id, value] of Object.entries(exercises)) {
      if (typeof value === 'object' && value !== null && typeof (value as { passed?: unknown }).passed === 'boolean') {
        progress.exercises[id] = { passed: (value as { passed: boolean }).passed };
      }
    }
  }
  if (typeof quizzes === 'object' && quizzes !== null) {
    for (const [id, value] of Object.entries(quizzes)) {
      const { score, total, best } = (value ?? {}) as Record<string, unknown>;
      if ([score, total, best].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)) {
        progress.quizzes[id] = { score: score as number, total: total as number, best: best as number };
      }
    }
  }
  return progress;
}

/** The progress kept so far. */
export function readProgress(): CourseProgress {
  if (memory) return structuredClone(memory);
  try {
    return parseProgress(storage()?.getItem(PROGRESS_KEY) ?? null);
  } catch {
    return empty();
  }
}

function write(progress: CourseProgress): void {
  try {
    const store = storage();
    if (!store) throw new Error('no storage');
    store.setItem(PROGRESS_KEY, JSON.stringify(progress));
    memory = undefined;
  } catch {
    memory = structuredClone(progress); // blocked or full: keep it for this page
  }
  globalThis.dispatchEvent?.(new CustomEvent(PROGRESS_EVENT, { detail: structuredClone(progress) }));
}

/** Records that the reader has read a lesson. */
export function markLessonRead(slug: string): void {
  const progress = readProgress();
  if (progress.lessonsRead.includes(slug)) return;
  progress.lessonsRead.push(slug);
  write(progress);
}

/** Records a Check of an exercise; a pass is kept even if a later Check fails. */
export function recordExercise(id: string, passed: boolean): void {
  const progress = readProgress();
  const before = progress.exercises[id]?.passed ?? false;
  if (before && !passed) return;
  progress.exercises[id] = { passed: before || passed };
  write(progress);
}

/** Records a finished quiz: its score out of its total, keeping the best. */
export function recordQuiz(bank: string, score: number, total: number): void {
  const progress = readProgress();
  const best = Math.max(score, progress.quizzes[bank]?.best ?? 0);
  progress.quizzes[bank] = { score, total, best };
  write(progress);
}

/** Forgets all progress. */
export function resetProgress(): void {
  write(empty());
}
