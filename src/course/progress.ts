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

// Progress that could not be stored (blocked or full storage): it lasts as long as the page.
let memory: CourseProgress | undefined;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // a SecurityError where storage is blocked
  }
}

// An id we keep: a short string that cannot rewrite an object's prototype when used as a key.
function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 && value !== '__proto__';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
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
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return progress;
  const { lessonsRead, exercises, quizzes } = data as Partial<Record<keyof CourseProgress, unknown>>;
  if (Array.isArray(lessonsRead)) progress.lessonsRead = [...new Set(lessonsRead.filter(isId))];
  if (typeof exercises === 'object' && exercises !== null) {
    for (const [id, value] of Object.entries(exercises)) {
      const passed = (value as { passed?: unknown } | null)?.passed;
      if (isId(id) && typeof passed === 'boolean') progress.exercises[id] = { passed };
    }
  }
  if (typeof quizzes === 'object' && quizzes !== null) {
    for (const [id, value] of Object.entries(quizzes)) {
      const { score, total, best } = (value ?? {}) as Record<string, unknown>;
      if (isId(id) && isCount(score) && isCount(total) && isCount(best) && score <= total && best <= total) {
        progress.quizzes[id] = { score, total, best: Math.max(best, score) };
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

/** Whether progress outlives this page: false where storage is blocked, or when it was full at the last change. */
export function progressIsKept(): boolean {
  if (memory) return false;
  const store = storage();
  if (!store) return false;
  try {
    const probe = `${PROGRESS_KEY}:probe`;
    store.setItem(probe, '1');
    store.removeItem(probe);
    return true;
  } catch {
    return false;
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
  if (!isId(slug)) return;
  const progress = readProgress();
  if (progress.lessonsRead.includes(slug)) return;
  progress.lessonsRead.push(slug);
  write(progress);
}

/** Records a Check of an exercise; a pass is kept even if a later Check fails. */
export function recordExercise(id: string, passed: boolean): void {
  if (!isId(id)) return;
  const progress = readProgress();
  const kept = progress.exercises[id];
  const next = (kept?.passed ?? false) || passed;
  if (kept?.passed === next) return;
  progress.exercises[id] = { passed: next };
  write(progress);
}

/** Records a finished quiz: its score out of its total, keeping the best (a score that makes no sense is ignored). */
export function recordQuiz(bank: string, score: number, total: number): void {
  if (!isId(bank) || !isCount(score) || !isCount(total) || score > total) return;
  const progress = readProgress();
  const previous = progress.quizzes[bank];
  // Out of a different number of questions (the full quiz asks 5, 10 or 20), the best so far is
  // scaled to this total, rounded down so that it never claims more than the reader scored.
  const earlier = !previous
    ? 0
    : previous.total === total
      ? previous.best
      : Math.floor((previous.best / previous.total) * total);
  const best = Math.max(score, earlier);
  progress.quizzes[bank] = { score, total, best };
  write(progress);
}

/** Forgets all progress. */
export function resetProgress(): void {
  write(empty());
}

/**
 * Calls `listener` with the new progress whenever it changes, in this page or in another tab of
 * the same site; returns a function that stops listening.
 */
export function onProgressChange(listener: (progress: CourseProgress) => void): () => void {
  const local = (): void => listener(readProgress());
  const other = (event: StorageEvent): void => {
    // `key` is null when another tab cleared all of storage.
    if (event.key === PROGRESS_KEY || event.key === null) listener(readProgress());
  };
  globalThis.addEventListener(PROGRESS_EVENT, local);
  globalThis.addEventListener('storage', other);
  return () => {
    globalThis.removeEventListener(PROGRESS_EVENT, local);
    globalThis.removeEventListener('storage', other);
  };
}
