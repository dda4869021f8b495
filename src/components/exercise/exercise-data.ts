/** The exercises as the Exercise component reads them: metadata from the content collection, code from the `.ts` files beside it. */
import { getCollection } from 'astro:content';
import { LESSON_SLUGS } from '../../course/lessons.ts';
import type { ContextMode, Expectation, SamplerSpec } from '@spanlab/engine';

/** One exercise, ready to show and check. */
export interface ExerciseData {
  /** The folder name under src/content/exercises/. */
  id: string;
  title: string;
  /** The slug of the lesson it belongs to. */
  lesson: string;
  /** What to achieve, in Markdown. */
  goal: string;
  /** Markdown hints, from gentle to nearly the answer. */
  hints: string[];
  /** What the trace must look like for Check to pass (the linter must also find nothing). */
  expectations: Expectation[];
  /** The starting code. */
  start: string;
  /** The reference solution. */
  solution: string;
  /** The seed every run uses. */
  seed: number;
  /** The context manager every run uses. */
  context: ContextMode;
  /** The head sampler every run uses; undefined: the code's own export, else always. */
  sampler?: SamplerSpec | undefined;
}

/** An exercise's metadata as the collection holds it. */
export interface ExerciseMetaEntry {
  id: string;
  data: Pick<ExerciseData, 'title' | 'lesson' | 'goal' | 'hints' | 'expectations' | 'seed' | 'sampler'> &
    Partial<Pick<ExerciseData, 'context'>>;
}

const ROOT = '../../content/exercises';

const files = import.meta.glob<string>(
  ['../../content/exercises/*/start.ts', '../../content/exercises/*/solution.ts'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

/** An entry joined with its code; throws naming the file when `start.ts` or `solution.ts` is missing. */
export function toExerciseData(entry: ExerciseMetaEntry, sources: Record<string, string> = files): ExerciseData {
  const code = (file: 'start.ts' | 'solution.ts'): string => {
    const text = sources[`${ROOT}/${entry.id}/${file}`];
    if (text === undefined) {
      throw new Error(
        `src/content/exercises/${entry.id}/exercise.yaml has no ${file} beside it: add src/content/exercises/${entry.id}/${file}`,
      );
    }
    return text;
  };
  const { title, lesson, goal, hints, expectations, seed, context = 'async', sampler } = entry.data;
  return {
    id: entry.id,
    title,
    lesson,
    goal,
    hints,
    expectations,
    start: code('start.ts'),
    solution: code('solution.ts'),
    seed,
    context,
    ...(sampler === undefined ? {} : { sampler }),
  };
}

/** Exercises in the order of their lessons, then by id. */
export function sortExercises(exercises: ExerciseData[]): ExerciseData[] {
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
