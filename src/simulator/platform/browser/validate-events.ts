/**
 * Parses and checks a batch of RunEvents that came from a sandboxed run: shape first, then trust.
 * The schema is pinned to the model (`satisfies z.ZodMiniType<RunEvent>`, from the model's own schemas in
 * `run-schema.ts`), so the two cannot drift.
 */
import { z } from 'zod/mini';
import type { RunEvent } from '../../runtime/protocol.ts';
import { consoleEntrySchema, limitHitSchema, runErrorSchema, spanSchema as span } from '../../trace/run-schema.ts';

const event = z.discriminatedUnion('type', [
  z.object({ type: z.literal('span-start'), span, order: z.int() }),
  z.object({ type: z.literal('span-end'), span, order: z.int() }),
  z.object({
    type: z.literal('console'),
    entry: consoleEntrySchema,
  }),
  z.object({
    type: z.literal('error'),
    error: runErrorSchema,
  }),
  z.object({
    type: z.literal('limit'),
    hit: limitHitSchema,
  }),
  z.object({
    type: z.literal('done'),
    stats: z.object({
      virtualMs: z.number(),
      wallMs: z.number(),
      spansStarted: z.number(),
      spansDropped: z.number(),
      consoleDropped: z.number(),
    }),
  }),
]) satisfies z.ZodMiniType<RunEvent>;

const batch = z.array(event).check(z.maxLength(10_000));

/** The events in a batch's JSON text, or why the batch is refused. */
export function parseRunEvents(json: string): { ok: true; events: RunEvent[] } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'a message from the run was not valid JSON' };
  }
  const parsed = batch.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `a message from the run had the wrong shape (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
    };
  }
  return { ok: true, events: parsed.data };
}
