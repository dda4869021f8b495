/** A zod validation error as lines a reader can act on. */
import type { z } from 'zod';

/** A validation error as lines a reader can act on: `expectations.0.links.count: expected number, received string`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`)
    .join('\n');
}
