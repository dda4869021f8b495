/**
 * A run the playground keeps across reloads: its result, with a format version, checked against the
 * model's schema when read back. A run stored by another version of the site, or edited by hand, is
 * not trusted: reading it says why it was dropped, and the page tells the reader.
 */
import { runResultSchema, type RunResult } from '@spanlab/engine';

/** Raised whenever a stored run's shape changes, so an older one is dropped, never misread. */
export const STORED_RUN_VERSION = 2;

/** A run's text for storage. */
export function storedRunText(result: RunResult): string {
  return JSON.stringify({ version: STORED_RUN_VERSION, result });
}

/** The run in stored text, or why it cannot be used. */
export type StoredRun = { ok: true; result: RunResult } | { ok: false; reason: string };

/** Reads a stored run back, checking its version and every field. */
export function readStoredRun(text: string): StoredRun {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  const version = typeof value === 'object' && value !== null && 'version' in value ? value.version : undefined;
  if (version !== STORED_RUN_VERSION) {
    return { ok: false, reason: 'it was saved by an older version of Span Lab' };
  }
  const parsed = runResultSchema.safeParse((value as { result?: unknown }).result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `it has the wrong shape (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})` };
  }
  return { ok: true, result: parsed.data };
}
