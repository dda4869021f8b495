/**
 * The zod schemas of an OTLP/JSON ExportTraceServiceRequest, lenient the way protobuf JSON readers
 * are (absent or null fields take their zero values, unknown fields are ignored). The request is
 * read first with its spans left as they are; each span is then read on its own, so one bad span
 * costs only itself.
 */
import { z } from 'zod';
import {
  readAttributes,
  readCount,
  readFlags,
  readId,
  readLinkId,
  readKindExact,
  readParentId,
  readStatusCode,
  readTimeExact,
} from './otlp-import-values.ts';
import type { Read } from './otlp-import-values.ts';

/**
 * A field read by one of the readers, its failure becoming a zod issue at the field's path.
 * (`optional()` lets the reader see an absent field and decide: a default, or "missing".)
 */
function field<T>(read: (input: unknown) => Read<T>) {
  return z
    .unknown()
    .optional()
    .transform((input, ctx): T => {
      const result = read(input);
      if (result.ok) return result.value;
      ctx.issues.push({
        code: 'custom',
        message: result.message,
        input,
        ...(result.path ? { path: result.path } : {}),
      });
      return z.NEVER;
    });
}

const traceId = field((input) => readId(input, 16));
const spanId = field((input) => readId(input, 8));
const count = field(readCount);
const time = field(readTimeExact);
const text = z.string().nullish();

/** Attributes, the model's plain values with the exact OTLP key-values beside them. */
const attributes = field(readAttributes);

const event = z.object({
  timeUnixNano: time,
  name: text,
  attributes,
  droppedAttributesCount: count,
});

const link = z.object({
  traceId: field((input) => readLinkId(input, 16)),
  spanId: field((input) => readLinkId(input, 8)),
  traceState: text,
  attributes,
  droppedAttributesCount: count,
  flags: field(readFlags),
});

/** One span, read into model values and the exact values beside them. */
export const spanSchema = z.object({
  traceId,
  spanId,
  traceState: text,
  parentSpanId: field(readParentId),
  flags: field(readFlags),
  name: text,
  kind: field(readKindExact),
  startTimeUnixNano: time,
  endTimeUnixNano: time,
  attributes,
  droppedAttributesCount: count,
  events: z.array(event).nullish(),
  droppedEventsCount: count,
  links: z.array(link).nullish(),
  droppedLinksCount: count,
  status: z.object({ code: field(readStatusCode), message: text }).nullish(),
});

/** A span as the schema reads it. */
export type ParsedSpan = z.output<typeof spanSchema>;

const scope = z.object({ name: text, version: text, attributes, droppedAttributesCount: count });

const scopeSpans = z.object({
  scope: scope.nullish(),
  schemaUrl: text,
  spans: z.array(z.unknown()).nullish(),
});

const resourceSpans = z.object({
  resource: z.object({ attributes, droppedAttributesCount: count }).nullish(),
  schemaUrl: text,
  scopeSpans: z.array(scopeSpans).nullish(),
});

/** One ExportTraceServiceRequest, its spans still unread. */
export const traceRequestSchema = z.object({ resourceSpans: z.array(resourceSpans) });

/** An ExportTraceServiceRequest as the schema reads it. */
export type ParsedTraceRequest = z.output<typeof traceRequestSchema>;
