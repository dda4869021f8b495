/**
 * The zod schema of an OTLP/JSON ExportTraceServiceRequest, lenient the way protobuf JSON readers
 * are (absent or null fields take their defaults, unknown fields are ignored) and strict about
 * what a span needs: ids, start and end times.
 */
import { z } from 'zod';
import {
  readAnyValue,
  readCount,
  readId,
  readKind,
  readParentId,
  readStatusCode,
  readTime,
} from './otlp-import-values.ts';
import type { Read } from './otlp-import-values.ts';

/**
 * A field read by one of the readers, its failure becoming a zod issue at the field's path.
 * (`optional()` lets the reader see an absent field and decide: a default, or "missing".)
 */
function field<T>(read: (input: unknown) => Read<T>) {
  return z.unknown().optional().transform((input, ctx): T => {
    const result = read(input);
    if (result.ok) return result.value;
    ctx.issues.push({ code: 'custom', message: result.message, input, ...(result.path ? { path: result.path } : {}) });
    return z.NEVER;
  });
}

const traceId = field((input) => readId(input, 16));
const spanId = field((input) => readId(input, 8));
const count = field(readCount);

/** Attributes (`KeyValue`s); a value of `null` is an empty `AnyValue`. */
const keyValues = z.array(z.object({ key: z.string(), value: field(readAnyValue) })).nullish();

const event = z.object({
  timeUnixNano: field(readTime),
  name: z.string().nullish(),
  attributes: keyValues,
});

const link = z.object({ traceId, spanId, attributes: keyValues });

const span = z.object({
  traceId,
  spanId,
  parentSpanId: field(readParentId),
  name: z.string().nullish(),
  kind: field(readKind),
  startTimeUnixNano: field(readTime),
  endTimeUnixNano: field(readTime),
  attributes: keyValues,
  droppedAttributesCount: count,
  events: z.array(event).nullish(),
  droppedEventsCount: count,
  links: z.array(link).nullish(),
  droppedLinksCount: count,
  status: z.object({ code: field(readStatusCode), message: z.string().nullish() }).nullish(),
});

const scopeSpans = z.object({
  scope: z.object({ name: z.string().nullish(), version: z.string().nullish() }).nullish(),
  spans: z.array(span).nullish(),
});

const resourceSpans = z.object({
  resource: z.object({ attributes: keyValues }).nullish(),
  scopeSpans: z.array(scopeSpans).nullish(),
});

/** One ExportTraceServiceRequest, read into model values (ids hex, times ms, kinds by name). */
export const traceRequestSchema = z.object({ resourceSpans: z.array(resourceSpans) });

/** An ExportTraceServiceRequest as the schema reads it. */
export type ParsedTraceRequest = z.output<typeof traceRequestSchema>;
