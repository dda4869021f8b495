/** The metadata beside each scenario (`src/content/scenarios/<id>.yaml`): what it shows, and what its trace must look like. */
import { z } from 'zod';
import { expectationsSchema } from './expectation-schema.ts';
import { RULE_IDS } from './lint/rule-ids.ts';

/** The course's lessons, by slug. */
export const LESSON_SLUGS = [
  'understanding-span-relationships',
  'parent-child',
  'span-links',
  'when-to-use-each',
  'implementation-patterns',
  'real-world-scenarios',
  'visualization-and-analysis',
  'best-practices',
] as const;

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
] as const;

/** A scenario's metadata. */
export const scenarioMetaSchema = z
  .strictObject({
    title: z.string().min(1).describe('The scenario as a short title, e.g. "Batch consumer with links".'),
    summary: z
      .string()
      .min(1)
      .regex(/^[^\n]*$/, 'one line, without line breaks')
      .describe('One line: what happens and how the spans relate.'),
    lesson: z.enum(LESSON_SLUGS).describe('The slug of the lesson the scenario belongs to.'),
    pattern: z.enum(SCENARIO_PATTERNS).describe('The pattern it shows.'),
    practice: z.enum(['good', 'anti-pattern']).describe('Whether it models the relationship well, or shows a mistake.'),
    teaches: z.enum(RULE_IDS).optional().describe('For an anti-pattern: the lint rule it fires (required there).'),
    contrast: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional()
      .describe('The id of the scenario that shows the other way, to compare side by side.'),
    expectations: expectationsSchema.describe('What the trace must look like, checked on every run by the tests.'),
  })
  .superRefine((meta, ctx) => {
    if (meta.practice === 'anti-pattern' && meta.teaches === undefined) {
      ctx.addIssue({ code: 'custom', path: ['teaches'], message: 'an anti-pattern names the lint rule it teaches' });
    }
    if (meta.practice === 'good' && meta.teaches !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['teaches'], message: 'a good scenario is lint-clean: it teaches no rule' });
    }
  });

/** A scenario's metadata, validated. */
export type ScenarioMeta = z.infer<typeof scenarioMetaSchema>;

/** A validation error as lines a reader can act on: `expectations.0.links.count: expected number, received string`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`)
    .join('\n');
}

/** Validates metadata parsed from YAML (or frontmatter): the metadata, or the problems as readable lines. */
export function parseScenarioMeta(data: unknown): { ok: true; meta: ScenarioMeta } | { ok: false; error: string } {
  const parsed = scenarioMetaSchema.safeParse(data);
  return parsed.success ? { ok: true, meta: parsed.data } : { ok: false, error: formatIssues(parsed.error) };
}
