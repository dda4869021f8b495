/**
 * The metadata beside each of the course's scenarios (`src/content/scenarios/<id>.yaml`): what it
 * shows, the lesson it belongs to, and what its trace must look like. The engine reads only the
 * `expectations` of such a file (its sidecar); the rest is the course's.
 */
import { z } from 'zod';
import { CONTEXT_MODES, expectationsSchema, formatIssues, parseSamplerSpec, RULE_IDS } from '@spanlab/engine';
import { LESSON_SLUGS } from './lessons.ts';

/** The patterns the scenarios show. */
export const SCENARIO_PATTERNS = [
  'request-steps',
  'http-chain',
  'single-message',
  'batch-consumer',
  'scheduled-job',
  'fan-out-fan-in',
  'retry',
  'deferred-batch',
  'etl-pipeline',
  'saga',
  'lost-context',
  'head-sampling',
] as const;

/** A sampler spec (`ratio:0.5`, …), normalized; a bad one says what is wrong. */
export const samplerSpecSchema = z.string().transform((text, ctx) => {
  const parsed = parseSamplerSpec(text);
  if (parsed.ok) return parsed.spec;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

/** A scenario's metadata. */
export const scenarioMetaSchema = z
  .strictObject({
    title: z.string().min(1).describe('The scenario as a short title, e.g. "Batch consumer with links".'),
    summary: z
      .string()
      .min(1)
      .regex(/^[^\n]*$/, 'one line, without line breaks')
      .describe('One line: what happens and how the spans relate.'),
    lesson: z
      .enum(LESSON_SLUGS)
      .optional()
      .describe('The slug of the lesson the scenario belongs to (every scenario but a reference example has one).'),
    reference: z
      .enum(RULE_IDS)
      .optional()
      .describe(
        'For an example shown only in the lint rules reference, instead of a lesson: the rule whose section embeds it.',
      ),
    pattern: z.enum(SCENARIO_PATTERNS).describe('The pattern it shows.'),
    practice: z
      .enum(['good', 'anti-pattern', 'pitfall'])
      .describe(
        'Whether it models the relationship well, shows a mistake a lint rule catches, or shows a pitfall no rule can see in the trace (a lost context leaves valid-looking roots).',
      ),
    teaches: z.enum(RULE_IDS).optional().describe('For an anti-pattern: the lint rule it fires (required there).'),
    contrast: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional()
      .describe('The id of the scenario that shows the other way, to compare side by side.'),
    context: z
      .enum(CONTEXT_MODES)
      .optional()
      .describe('The context manager it runs with (default async); `stack` is the web SDK’s StackContextManager.'),
    sampler: samplerSpecSchema
      .optional()
      .describe(
        'The head sampler it runs with: always, never, ratio:P or parent-ratio:P (default: its own export, else always).',
      ),
    expectations: expectationsSchema.describe('What the trace must look like, checked on every run by the tests.'),
  })
  .superRefine((meta, ctx) => {
    if ((meta.lesson === undefined) === (meta.reference === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['lesson'],
        message: 'a scenario belongs to a lesson, or (a reference example) to a rule of the reference: one of the two',
      });
    }
    if (meta.reference !== undefined && meta.practice === 'anti-pattern' && meta.teaches !== meta.reference) {
      ctx.addIssue({ code: 'custom', path: ['teaches'], message: 'a reference example fires the rule of its section' });
    }
    if (meta.practice === 'anti-pattern' && meta.teaches === undefined) {
      ctx.addIssue({ code: 'custom', path: ['teaches'], message: 'an anti-pattern names the lint rule it teaches' });
    }
    if (meta.practice !== 'anti-pattern' && meta.teaches !== undefined) {
      const message =
        meta.practice === 'good'
          ? 'a good scenario is lint-clean: it teaches no rule'
          : 'a pitfall is what no rule sees: it names none';
      ctx.addIssue({ code: 'custom', path: ['teaches'], message });
    }
  });

/** A scenario's metadata, validated. */
export type ScenarioMeta = z.infer<typeof scenarioMetaSchema>;

/** Validates metadata parsed from YAML (or frontmatter): the metadata, or the problems as readable lines. */
export function parseScenarioMeta(data: unknown): { ok: true; meta: ScenarioMeta } | { ok: false; error: string } {
  const parsed = scenarioMetaSchema.safeParse(data);
  return parsed.success ? { ok: true, meta: parsed.data } : { ok: false, error: formatIssues(parsed.error) };
}
