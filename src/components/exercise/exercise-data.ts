/** The exercises as the Exercise component reads them: metadata from the content collection, code or queries from the files beside it. */
import { getCollection } from 'astro:content';
import { LESSON_SLUGS } from '../../course/lessons.ts';
import type { SqlCheckId } from '../../course/sql-exercise-check.ts';
import type { ContextMode, Expectation, SamplerSpec } from '@spanlab/engine';

/** What every exercise has. */
interface ExerciseBase {
  /** The folder name under src/content/exercises/. */
  id: string;
  title: string;
  /** The slug of the lesson it belongs to. */
  lesson: string;
  /** What to achieve, in Markdown. */
  goal: string;
  /** Markdown hints, from gentle to nearly the answer. */
  hints: string[];
  /** What the reader starts from (`start.ts` or `start.sql`). */
  start: string;
  /** The reference solution (`solution.ts` or `solution.sql`). */
  solution: string;
}

/** A code exercise, ready to show and check. */
export interface CodeExerciseData extends ExerciseBase {
  kind: 'code';
  /** What the trace must look like for Check to pass (the linter must also find nothing). */
  expectations: Expectation[];
  /** The seed every run uses. */
  seed: number;
  /** The context manager every run uses. */
  context: ContextMode;
  /** The head sampler every run uses; undefined: the code's own export, else always. */
  sampler?: SamplerSpec | undefined;
}

/** A SQL exercise, ready to show and check: a query over the run of a fixed scenario. */
export interface SqlExerciseData extends ExerciseBase {
  kind: 'sql';
  /** The scenario whose run the query reads. */
  scenario: string;
  /** The check that judges the query's result. */
  check: SqlCheckId;
}

/** One exercise, ready to show and check. */
export type ExerciseData = CodeExerciseData | SqlExerciseData;

/** An exercise's metadata as the collection holds it. */
export interface ExerciseMetaEntry {
  id: string;
  data:
    | (Pick<CodeExerciseData, 'title' | 'lesson' | 'goal' | 'hints' | 'expectations' | 'seed' | 'sampler'> &
        Partial<Pick<CodeExerciseData, 'kind' | 'context'>>)
    | Pick<SqlExerciseData, 'kind' | 'title' | 'lesson' | 'goal' | 'hints' | 'scenario' | 'check'>;
}

const ROOT = '../../content/exercises';

const files = import.meta.glob<string>(
  [
    '../../content/exercises/*/start.ts',
    '../../content/exercises/*/solution.ts',
    '../../content/exercises/*/start.sql',
    '../../content/exercises/*/solution.sql',
  ],
  { query: '?raw', import: 'default', eager: true },
);

/** An entry joined with its files; throws naming the file when the start or the solution is missing. */
export function toExerciseData(entry: ExerciseMetaEntry, sources: Record<string, string> = files): ExerciseData {
  const extension = entry.data.kind === 'sql' ? 'sql' : 'ts';
  const code = (name: 'start' | 'solution'): string => {
    const file = `${entry.id}/${name}.${extension}`;
    const text = sources[`${ROOT}/${file}`];
    if (text === undefined) {
      throw new Error(
        `src/content/exercises/${entry.id}/exercise.yaml has no ${name}.${extension} beside it: add src/content/exercises/${file}`,
      );
    }
    return text;
  };
  const { title, lesson, goal, hints } = entry.data;
  const base = { id: entry.id, title, lesson, goal, hints, start: code('start'), solution: code('solution') };
  if (entry.data.kind === 'sql') {
    const { scenario, check } = entry.data;
    return { ...base, kind: 'sql', scenario, check };
  }
  const { expectations, seed, context = 'async', sampler } = entry.data;
  return {
    ...base,
    kind: 'code',
    expectations,
    seed,
    context,
    ...(sampler === undefined ? {} : { sampler }),
  };
}

/** Exercises in the order of their lessons, then by id. */
export function sortExercises<T extends Pick<ExerciseData, 'id' | 'lesson'>>(exercises: T[]): T[] {
  const rank = (lesson: string): number => LESSON_SLUGS.indexOf(lesson);
  return [...exercises].sort((a, b) => rank(a.lesson) - rank(b.lesson) || a.id.localeCompare(b.id));
}

/** Every exercise, in lesson order, then by id. */
export async function listExercises(): Promise<ExerciseData[]> {
  const entries = await getCollection('exercises');
  return sortExercises(entries.map((entry) => toExerciseData(entry)));
}

/** One exercise by id; throws naming the id and the known ids if there is none. */
export async function loadExercise(id: string): Promise<ExerciseData> {
  const exercises = await listExercises();
  const found = exercises.find((exercise) => exercise.id === id);
  if (!found) {
    throw new Error(
      `No exercise "${id}" in src/content/exercises/; the known ones: ${exercises.map((e) => e.id).join(', ')}`,
    );
  }
  return found;
}
