/** Converts the SDK's ReadableSpan into the plain trace model. */
import {
  isSpanContextValid,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  type Attributes as OtelAttributes,
  type HrTime,
  type SpanContext,
} from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Attributes, SpanKindName, SpanLinkRecord, SpanRecord } from './model.ts';

const KIND_NAMES: Record<SpanKind, SpanKindName> = {
  [SpanKind.INTERNAL]: 'internal',
  [SpanKind.SERVER]: 'server',
  [SpanKind.CLIENT]: 'client',
  [SpanKind.PRODUCER]: 'producer',
  [SpanKind.CONSUMER]: 'consumer',
};

/** HrTime to unix milliseconds. */
export function hrTimeToMs(time: HrTime): number {
  return time[0] * 1000 + time[1] / 1_000_000;
}

/** OpenTelemetry attributes as plain JSON: the same object when it already is, else a copy without undefined values. */
export function plainAttributes(attributes: OtelAttributes | undefined): Attributes {
  if (!attributes) return {};
  for (const key in attributes) {
    const value = attributes[key];
    if (value === undefined || (Array.isArray(value) && value.includes(undefined))) return copyDefined(attributes);
  }
  return attributes as Attributes;
}

function copyDefined(attributes: OtelAttributes): Attributes {
  const plain: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    plain[key] = Array.isArray(value) ? value.map((v) => v ?? null) : value;
  }
  return plain;
}

/**
 * The plain record of a span; `ended` false records it as never ended (`end: null`). With
 * `linksAtStart` (how many links were given at the start, counting those the SDK's limit dropped
 * then), links beyond that many are marked as added after the span started. The SDK drops the
 * oldest links past its limit, so a kept link's place among all given is its index plus the
 * dropped count.
 */
export function fromReadableSpan(span: ReadableSpan, ended = span.ended, linksAtStart?: number): SpanRecord {
  const context = span.spanContext();
  const resource = plainAttributes(span.resource.attributes);
  const status: SpanRecord['status'] = {
    code: span.status.code === SpanStatusCode.ERROR ? 'error' : span.status.code === SpanStatusCode.OK ? 'ok' : 'unset',
  };
  if (span.status.message) status.message = span.status.message;
  const scope: SpanRecord['scope'] = { name: span.instrumentationScope.name };
  if (span.instrumentationScope.version) scope.version = span.instrumentationScope.version;
  const record: SpanRecord = {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    kind: KIND_NAMES[span.kind],
    service: String(resource['service.name'] ?? 'unknown_service'),
    scope,
    start: hrTimeToMs(span.startTime),
    end: ended ? hrTimeToMs(span.endTime) : null,
    attributes: plainAttributes(span.attributes),
    events: span.events.map((event) => ({
      name: event.name,
      time: hrTimeToMs(event.time),
      attributes: plainAttributes(event.attributes),
    })),
    links: span.links.map((link, i) => {
      const record = linkRecord(link);
      if (linksAtStart !== undefined && i + span.droppedLinksCount >= linksAtStart) record.addedAfterStart = true;
      return record;
    }),
    status,
    dropped: {
      attributes: span.droppedAttributesCount,
      events: span.droppedEventsCount,
      links: span.droppedLinksCount,
    },
    resource,
  };
  if ((context.traceFlags & TraceFlags.SAMPLED) === 0) record.sampled = false;
  return record;
}

/** The API's invalid ids: what a link without a valid span context is recorded with. */
const INVALID_TRACE_ID = '0'.repeat(32);
const INVALID_SPAN_ID = '0'.repeat(16);

/**
 * A link as plain JSON. `addLink()` type-checks anything typed `any` (an array from `JSON.parse`,
 * say) and the SDK keeps it as given: a link without a valid span context is recorded with the
 * invalid (all-zero) ids, for the `malformed-link` rule to name, instead of failing the span.
 */
function linkRecord(link: unknown): SpanLinkRecord {
  const given =
    link !== null && typeof link === 'object' && !Array.isArray(link) ? (link as Record<string, unknown>) : {};
  const context = given['context'] as SpanContext | undefined;
  const valid = context !== null && typeof context === 'object' && isSpanContextValid(context);
  const attributes = given['attributes'];
  const record: SpanLinkRecord = {
    traceId: valid ? context.traceId : INVALID_TRACE_ID,
    spanId: valid ? context.spanId : INVALID_SPAN_ID,
    attributes:
      attributes !== null && typeof attributes === 'object' ? plainAttributes(attributes as OtelAttributes) : {},
  };
  // Kept as the SDK has it, so the run's export says of the link what the SDK would.
  if (valid && (context.traceFlags & TraceFlags.SAMPLED) === 0) record.sampled = false;
  return record;
}
