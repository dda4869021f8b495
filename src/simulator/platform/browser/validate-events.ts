/**
 * Parses and checks a batch of RunEvents that came from a sandboxed run: shape first, then trust.
 * The schema is pinned to the model (`satisfies z.ZodType<RunEvent>`), so the two cannot drift.
 */
import { z } from 'zod';
import type { RunEvent } from '../../runtime/protocol.ts';
import type { AttributeValue, SpanRecord } from '../../trace/model.ts';

// As in the model: null only inside an array (the SDK drops a null attribute, keeps one in an array).
const attributeValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
]) satisfies z.ZodType<AttributeValue>;
const attributes = z.record(z.string(), attributeValue);
const id = (digits: number) => z.string().regex(new RegExp(`^[0-9a-f]{${digits}}$`));
// `exactOptional`: an optional field is absent or a value, never `undefined` (exactOptionalPropertyTypes).
const position = { line: z.number().int().exactOptional(), column: z.number().int().exactOptional() };

const span = z.object({
  traceId: id(32),
  spanId: id(16),
  parentSpanId: id(16).nullable(),
  name: z.string(),
  kind: z.enum(['internal', 'server', 'client', 'producer', 'consumer']),
  service: z.string(),
  scope: z.object({ name: z.string(), version: z.string().exactOptional() }),
  start: z.number(),
  end: z.number().nullable(),
  attributes,
  events: z.array(z.object({ name: z.string(), time: z.number(), attributes })),
  links: z.array(
    z.object({ traceId: id(32), spanId: id(16), attributes, addedAfterStart: z.boolean().exactOptional() }),
  ),
  status: z.object({ code: z.enum(['unset', 'ok', 'error']), message: z.string().exactOptional() }),
  dropped: z.object({ attributes: z.number(), events: z.number(), links: z.number() }),
  resource: attributes,
  sampled: z.literal(false).exactOptional(),
}) satisfies z.ZodType<SpanRecord>;

const event = z.discriminatedUnion('type', [
  z.object({ type: z.literal('span-start'), span, order: z.number().int() }),
  z.object({ type: z.literal('span-end'), span, order: z.number().int() }),
  z.object({
    type: z.literal('console'),
    entry: z.object({
      level: z.enum(['log', 'info', 'warn', 'error', 'debug']),
      text: z.string().max(20_000),
      time: z.number(),
      ...position,
    }),
  }),
  z.object({
    type: z.literal('error'),
    error: z.object({
      kind: z.enum(['compile', 'runtime', 'unhandled-rejection', 'limit', 'crash']),
      message: z.string().max(20_000),
      name: z.string().exactOptional(),
      ...position,
    }),
  }),
  z.object({
    type: z.literal('limit'),
    hit: z.object({
      limit: z.enum(['wall-clock', 'virtual-time', 'span-count', 'console']),
      message: z.string(),
      ...position,
    }),
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
]) satisfies z.ZodType<RunEvent>;

const batch = z.array(event).max(10_000);

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
