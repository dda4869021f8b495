/** Exercises (`src/content/exercises/<id>/exercise.yaml`, beside `start.ts` and `solution.ts`): a goal stated in terms of the trace, hints, and the checks Check runs. */
import { z } from 'zod';
import { CONTEXT_MODES, expectationsSchema } from '@spanlab/engine';
import { LESSON_SLUGS } from './lessons.ts';
import { samplerSpecSchema } from './scenario-meta.ts';

/** An exercise's metadata. */
export const exerciseSchema = z.strictObject({
  title: z.string().min(1).describe('The exercise as a short imperative title, e.g. "Link the batch to its messages".'),
  lesson: z.enum(LESSON_SLUGS).describe('The slug of the lesson the exercise belongs to.'),
  goal: z.string().min(1).describe('What to achieve, in Markdown, stated in terms of the trace the code must produce.'),
  hints: z
    .array(z.string().min(1))
    .min(2)
    .max(4)
    .describe('Two to four hints in Markdown, from a gentle nudge to nearly the answer, revealed one at a time.'),
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

/** An exercise's metadata, validated (the seed filled in). */
export type ExerciseMeta = z.infer<typeof exerciseSchema>;
