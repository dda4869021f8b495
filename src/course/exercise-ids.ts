/**
 * The course's exercises, derived from what exists: one folder per exercise under
 * `src/content/exercises/`. Node only (content schemas, tests): read from the project root.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where the exercises live. */
export const EXERCISES_DIR = join(process.cwd(), 'src/content/exercises');

/** An exercise's id: its folder's name. */
export type ExerciseId = string;

/** The ids of the course's exercises, sorted. */
export const EXERCISE_IDS: readonly ExerciseId[] = readdirSync(EXERCISES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
