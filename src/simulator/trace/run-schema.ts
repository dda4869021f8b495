/**
 * The run model (`model.ts`) as zod schemas, each pinned to its type with `satisfies`, so the two
 * cannot drift. Used to check what crosses a trust boundary: a sandboxed run's messages
 * (`validate-events.ts`) and a run the page stored earlier (`runResultSchema`).
 */
import { z } from 'zod';
import { CONTEXT_MODES } from '../runtime/SandboxContextManager.ts';
import { parseSamplerSpec, type SamplerSpec } from '../runtime/sampler-spec.ts';
import type { AttributeValue, ConsoleEntry, LimitHit, RunError, RunResult, RunStats, SpanRecord } from './model.ts';

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

/** A span a run recorded (spans read from a file, with their `exact` fields, are never stored). */
export const spanSchema = z.object({
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

export const consoleEntrySchema = z.object({
  level: z.enum(['log', 'info', 'warn', 'error', 'debug']),
  text: z.string().max(20_000),
  time: z.number(),
  ...position,
}) satisfies z.ZodType<ConsoleEntry>;

export const runErrorSchema = z.object({
  kind: z.enum(['compile', 'runtime', 'unhandled-rejection', 'limit', 'crash']),
  message: z.string().max(20_000),
  name: z.string().exactOptional(),
  ...position,
}) satisfies z.ZodType<RunError>;

export const limitHitSchema = z.object({
  limit: z.enum(['wall-clock', 'virtual-time', 'span-count', 'console']),
  message: z.string(),
  ...position,
}) satisfies z.ZodType<LimitHit>;

const runStatsSchema = z.object({
  virtualMs: z.number(),
  wallMs: z.number(),
  spansStarted: z.number(),
  spansKept: z.number(),
  spansUnsampled: z.number().exactOptional(),
  spansDropped: z.number(),
  consoleDropped: z.number(),
}) satisfies z.ZodType<RunStats>;

// A spec is read back through the parser the CLI and the page use, so what it accepts is the same.
const samplerSpec = z.string().transform((text, ctx): SamplerSpec => {
  const parsed = parseSamplerSpec(text);
  if (parsed.ok) return parsed.spec;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

/** A whole run's result, as the page keeps it. */
export const runResultSchema = z.object({
  spans: z.array(spanSchema),
  unsampledSpans: z.array(spanSchema).exactOptional(),
  context: z.enum(CONTEXT_MODES).exactOptional(),
  sampler: samplerSpec.exactOptional(),
  console: z.array(consoleEntrySchema),
  errors: z.array(runErrorSchema),
  limits: z.array(limitHitSchema),
  stats: runStatsSchema,
  seed: z.number(),
}) satisfies z.ZodType<RunResult>;
