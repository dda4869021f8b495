/**
 * Exercises (`src/content/exercises/<id>/exercise.yaml`): a goal, hints, and what Check checks. A
 * code exercise (beside `start.ts` and `solution.ts`) checks the trace of the reader's code; a
 * `kind: sql` exercise (beside `start.sql` and `solution.sql`) checks a query's result over a fixed
 * scenario's run.
 */
import { z } from 'zod';
import { CONTEXT_MODES, expectationsSchema } from '@spanlab/engine';
import { LESSON_SLUGS } from './lessons.ts';
import { samplerSpecSchema } from './scenario-meta.ts';
import { SQL_CHECK_IDS } from './sql-exercise-check.ts';

const title = z
  .string()
  .min(1)
  .describe('The exercise as a short imperative title, e.g. "Link the batch to its messages".');
const lesson = z.enum(LESSON_SLUGS).describe('The slug of the lesson the exercise belongs to.');
const hints = z
  .array(z.string().min(1))
  .min(2)
  .max(4)
  .describe('Two to four hints in Markdown, from a gentle nudge to nearly the answer, revealed one at a time.');

/** A code exercise's metadata: the reader edits a scenario until its trace meets the expectations. */
export const codeExerciseSchema = z.strictObject({
  kind: z.literal('code').default('code').describe('`code` (the default): the reader edits code, Check runs it.'),
  title,
  lesson,
  goal: z.string().min(1).describe('What to achieve, in Markdown, stated in terms of the trace the code must produce.'),
  hints,
  seed: z.number().int().min(0).default(1).describe('The seed of every run of the exercise (default 1).'),
  context: z
    .enum(CONTEXT_MODES)
    .default('async')
    .describe('The context manager every run uses (default async); `stack` is the web SDK’s StackContextManager.'),
  sampler: samplerSpecSchema
    .optional()
    .describe(
      'The head sampler every run uses: always, never, ratio:P or parent-ratio:P (default: the code’s own export, else always).',
    ),
  expectations: expectationsSchema
    .min(1)
    .describe('What the trace must look like for Check to pass; the linter must also find nothing.'),
});

/** A SQL exercise's metadata: the reader writes a query over a fixed scenario's run; its result is checked. */
export const sqlExerciseSchema = z.strictObject({
  kind: z
    .literal('sql')
    .describe('`sql`: the reader writes a query (`start.sql`, `solution.sql`) over a scenario’s run.'),
  title,
  lesson,
  goal: z.string().min(1).describe('What the query must find, in Markdown, stated in terms of the run’s spans.'),
  hints,
  scenario: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .describe('The id of the scenario in src/content/scenarios/ whose run the query reads (run as its metadata says).'),
  check: z.enum(SQL_CHECK_IDS).describe('Which check of src/course/sql-exercise-check.ts judges the query’s result.'),
});

/** An exercise's metadata: a code exercise (no `kind`, or `kind: code`) or a SQL one (`kind: sql`). */
export const exerciseSchema = z.discriminatedUnion('kind', [codeExerciseSchema, sqlExerciseSchema], {
  error: (issue) =>
    issue.code === 'invalid_union' && issue.path?.at(-1) === 'kind'
      ? 'an exercise is `kind: code` (the default: leave it out) or `kind: sql`'
      : undefined,
});

/** An exercise's metadata, validated (a code exercise's kind, seed and context filled in). */
export type ExerciseMeta = z.infer<typeof exerciseSchema>;
/** A code exercise's metadata, validated. */
export type CodeExerciseMeta = z.infer<typeof codeExerciseSchema>;
/** A SQL exercise's metadata, validated. */
export type SqlExerciseMeta = z.infer<typeof sqlExerciseSchema>;
