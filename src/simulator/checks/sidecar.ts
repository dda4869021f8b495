/**
 * The `.yaml` beside a file the CLI runs (`x.ts` → `x.yaml`): the engine reads only its
 * `expectations`. Any other key is the owner's own (the course keeps a scenario's title, lesson and
 * pattern there, and validates them itself), so it is left alone.
 */
import { z } from 'zod';
import { expectationsSchema, type Expectation } from './expectation-schema.ts';
import { formatIssues } from './format-issues.ts';

/** A sidecar: optional expectations, and whatever else its owner keeps beside them. */
export const sidecarSchema = z.looseObject({
  expectations: expectationsSchema.optional().describe('What the trace must look like.'),
});

/** The expectations of a parsed sidecar (none for an empty file), or its problems as readable lines. */
export function parseSidecar(data: unknown): { ok: true; expectations: Expectation[] } | { ok: false; error: string } {
  const parsed = sidecarSchema.safeParse(data ?? {});
  return parsed.success
    ? { ok: true, expectations: parsed.data.expectations ?? [] }
    : { ok: false, error: formatIssues(parsed.error) };
}
