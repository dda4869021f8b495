/**
 * The run model (`model.ts`) as zod schemas, each pinned to its type with `satisfies`, so the two
 * cannot drift. Used to check what crosses a trust boundary: a sandboxed run's messages
 * (`validate-events.ts`) and a run the page stored earlier (`runResultSchema`).
 */
// zod's mini build: the same checks, 9.8 KB gzip less on a lesson's first Run (the sandbox's messages).
import { z } from 'zod/mini';
import { CONTEXT_MODES } from '../runtime/SandboxContextManager.ts';
import { parseSamplerSpec, type SamplerSpec } from '../runtime/sampler-spec.ts';
import type { AttributeValue, ConsoleEntry, LimitHit, RunError, RunResult, RunStats, SpanRecord } from './model.ts';

// As in the model: null only inside an array (the SDK drops a null attribute, keeps one in an array).
const attributeValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
]) satisfies z.ZodMiniType<AttributeValue>;
const attributes = z.record(z.string(), attributeValue);
const id = (digits: number) => z.string().check(z.regex(new RegExp(`^[0-9a-f]{${digits}}$`)));
// `exactOptional`: an optional field is absent or a value, never `undefined` (exactOptionalPropertyTypes).
const position = { line: z.exactOptional(z.int()), column: z.exactOptional(z.int()) };

/** A span a run recorded (spans read from a file, with their `exact` fields, are never stored). */
export const spanSchema = z.object({
  traceId: id(32),
  spanId: id(16),
  parentSpanId: z.nullable(id(16)),
  name: z.string(),
  kind: z.enum(['internal', 'server', 'client', 'producer', 'consumer']),
  service: z.string(),
  scope: z.object({ name: z.string(), version: z.exactOptional(z.string()) }),
  start: z.number(),
  end: z.nullable(z.number()),
  attributes,
  events: z.array(z.object({ name: z.string(), time: z.number(), attributes })),
  links: z.array(
    z.object({
      traceId: id(32),
      spanId: id(16),
      attributes,
      addedAfterStart: z.exactOptional(z.boolean()),
      sampled: z.exactOptional(z.literal(false)),
    }),
  ),
  status: z.object({ code: z.enum(['unset', 'ok', 'error']), message: z.exactOptional(z.string()) }),
  dropped: z.object({ attributes: z.number(), events: z.number(), links: z.number() }),
  resource: attributes,
  sampled: z.exactOptional(z.literal(false)),
}) satisfies z.ZodMiniType<SpanRecord>;

export const consoleEntrySchema = z.object({
  level: z.enum(['log', 'info', 'warn', 'error', 'debug']),
  text: z.string().check(z.maxLength(20_000)),
  time: z.number(),
  ...position,
}) satisfies z.ZodMiniType<ConsoleEntry>;

export const runErrorSchema = z.object({
  kind: z.enum(['compile', 'runtime', 'unhandled-rejection', 'limit', 'crash']),
  message: z.string().check(z.maxLength(20_000)),
  name: z.exactOptional(z.string()),
  ...position,
}) satisfies z.ZodMiniType<RunError>;

export const limitHitSchema = z.object({
  limit: z.enum(['wall-clock', 'virtual-time', 'span-count', 'console']),
  message: z.string(),
  ...position,
}) satisfies z.ZodMiniType<LimitHit>;

const runStatsSchema = z.object({
  virtualMs: z.number(),
  wallMs: z.number(),
  spansStarted: z.number(),
  spansKept: z.number(),
  spansUnsampled: z.exactOptional(z.number()),
  spansDropped: z.number(),
  consoleDropped: z.number(),
}) satisfies z.ZodMiniType<RunStats>;

// A spec is read back through the parser the CLI and the page use, so what it accepts is the same.
const samplerSpec = z.pipe(
  z.string(),
  z.transform((text: string, ctx): SamplerSpec => {
    const parsed = parseSamplerSpec(text);
    if (parsed.ok) return parsed.spec;
    ctx.issues.push({ code: 'custom', message: parsed.message, input: text });
    return z.NEVER;
  }),
);

/** A whole run's result, as the page keeps it. */
export const runResultSchema = z.object({
  spans: z.array(spanSchema),
  unsampledSpans: z.exactOptional(z.array(spanSchema)),
  context: z.exactOptional(z.enum(CONTEXT_MODES)),
  sampler: z.exactOptional(samplerSpec),
  console: z.array(consoleEntrySchema),
  errors: z.array(runErrorSchema),
  limits: z.array(limitHitSchema),
  stats: runStatsSchema,
  seed: z.number(),
}) satisfies z.ZodMiniType<RunResult>;
