import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { EXERCISE_IDS } from '../../course/exercise-ids.ts';
import { exerciseSchema } from '../../course/exercise-schema.ts';
import { LESSON_SLUGS } from '../../course/lessons.ts';
import { listExercises, loadExercise, sortExercises, toExerciseData, type ExerciseData } from './exercise-data.ts';

const DIR = new URL('../../content/exercises/', import.meta.url);

// Astro's content layer exists only inside an Astro build; here the collection is read from the
// same files, validated by the same schema the collection uses.
vi.mock('astro:content', () => ({
  getCollection: (name: string) => {
    if (name !== 'exercises') throw new Error(`unexpected collection ${name}`);
    return Promise.resolve(
      readdirSync(DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => ({
          id: entry.name,
          data: exerciseSchema.parse(parse(readFileSync(new URL(`${entry.name}/exercise.yaml`, DIR), 'utf8'))),
        })),
    );
  },
}));

describe('exercise data', () => {
  it('lists every exercise, in lesson order then by id, with its code read from its files', async () => {
    const exercises = await listExercises();
    expect(exercises.map((e) => e.id).sort()).toEqual([...EXERCISE_IDS].sort());
    const ranks = exercises.map((e) => LESSON_SLUGS.indexOf(e.lesson));
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const exercise of exercises) {
      const extension = exercise.kind === 'sql' ? 'sql' : 'ts';
      expect(exercise.start).toBe(readFileSync(new URL(`${exercise.id}/start.${extension}`, DIR), 'utf8'));
      expect(exercise.solution).toBe(readFileSync(new URL(`${exercise.id}/solution.${extension}`, DIR), 'utf8'));
      expect(exercise.start).not.toBe(exercise.solution);
      expect(exercise.hints.length).toBeGreaterThanOrEqual(2);
      if (exercise.kind === 'code') expect(exercise.expectations.length).toBeGreaterThan(0);
    }
    expect(exercises.filter((e) => e.kind === 'sql').map((e) => e.id)).toEqual(['find-unlinked-producers']);
  });

  it('loads one exercise by id, its seed defaulted to 1', async () => {
    const exercise = await loadExercise('order-children');
    expect(exercise).toMatchObject({ id: 'order-children', kind: 'code', lesson: 'parent-child', seed: 1 });
    expect(exercise.start).toMatch(/process-order/);
  });

  it('loads a SQL exercise with its scenario, its check and its queries', async () => {
    const exercise = await loadExercise('find-unlinked-producers');
    expect(exercise).toMatchObject({
      kind: 'sql',
      lesson: 'visualization-and-analysis',
      scenario: 'orders-left-waiting',
      check: 'unlinked-producers',
    });
    expect(exercise.start).toMatch(/FROM spans/);
    expect(exercise).not.toHaveProperty('expectations');
  });

  it('names the unknown id and the known ones', async () => {
    const error = await loadExercise('no-such-exercise').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/"no-such-exercise"/);
    expect((error as Error).message).toContain('order-children');
  });

  it('names the missing file of an exercise without its starting code or solution', () => {
    const entry = {
      id: 'lonely',
      data: { title: 'T', lesson: 'span-links', goal: 'G', hints: ['a', 'b'], expectations: [{ span: 'x' }], seed: 1 },
    };
    expect(() => toExerciseData(entry, { '../../content/exercises/lonely/solution.ts': 'x' })).toThrow(
      'src/content/exercises/lonely/start.ts',
    );
    expect(() => toExerciseData(entry, { '../../content/exercises/lonely/start.ts': 'x' })).toThrow(
      'src/content/exercises/lonely/solution.ts',
    );
    const sql = {
      id: 'lonely',
      data: {
        kind: 'sql' as const,
        title: 'T',
        lesson: 'span-links',
        goal: 'G',
        hints: ['a', 'b'],
        scenario: 's',
        check: 'unlinked-producers' as const,
      },
    };
    expect(() => toExerciseData(sql, { '../../content/exercises/lonely/start.ts': 'x' })).toThrow(
      'has no start.sql beside it: add src/content/exercises/lonely/start.sql',
    );
  });

  it('sorts by lesson, then by id', () => {
    const make = (id: string, lesson: string): ExerciseData => ({
      kind: 'code',
      id,
      lesson,
      title: id,
      goal: '',
      hints: [],
      expectations: [],
      start: '',
      solution: '',
      seed: 1,
      context: 'async',
    });
    const sorted = sortExercises([make('b', 'span-links'), make('z', 'parent-child'), make('a', 'span-links')]);
    expect(sorted.map((e) => e.id)).toEqual(['z', 'a', 'b']);
  });
});
