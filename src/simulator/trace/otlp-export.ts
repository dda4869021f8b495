/**
 * Spans as OTLP/JSON: the ExportTraceServiceRequest the CLI prints and the playground downloads,
 * encoded by the OpenTelemetry project's own JSON serializer.
 */
import { SpanKind, SpanStatusCode, TraceFlags } from '@opentelemetry/api';
import type { Attributes as OtelAttributes, SpanContext } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { Resource } from '@opentelemetry/resources';
import type { AttributeValue, Attributes, SpanKindName, SpanRecord, SpanStatusRecord } from './model.ts';
import { exactResourceSpans, isExact, type ExactSpan } from './otlp-export-exact.ts';
import { msToUnixNanos, unixNanosToHrTime } from './otlp-time.ts';
import type {
  OtlpAnyValue,
  OtlpKeyValue,
  OtlpResourceSpans,
  OtlpScopeSpans,
  OtlpSpan,
  OtlpTraceRequest,
} from './otlp-types.ts';
import { spanKey } from './span-key.ts';

/** What `toOtlpJson` made, and the spans it left out because they never ended. */
export interface OtlpExport {
  request: OtlpTraceRequest;
  /** Spans with `end: null`: OTLP has no way to say "never ended", so they are not exported. */
  skippedUnended: SpanRecord[];
}

/** The request as JSON text, and the spans it left out because they never ended. */
export interface OtlpExportText {
  text: string;
  skippedUnended: SpanRecord[];
}

/** The span the serializer reads (the SDK's ReadableSpan), named without depending on the SDK. */
type ReadableSpan = Parameters<typeof JsonTraceSerializer.serializeRequest>[0][number];
type EndedSpan = SpanRecord & { end: number };
/** One tracer's spans in one resource: one `scopeSpans` entry. */
interface ScopeGroup {
  scope: SpanRecord['scope'];
  spans: EndedSpan[];
}
/** One resource's spans: one `resourceSpans` entry. */
interface ResourceGroup {
  resource: Resource;
  attributes: Attributes;
  scopes: Map<string, ScopeGroup>;
}

/** The serializer's JSON, before Span Lab's fixes: it writes `intValue` as a JSON number. */
type RawAnyValue = Omit<OtlpAnyValue, 'intValue' | 'arrayValue'> & {
  intValue?: number;
  arrayValue?: { values: RawAnyValue[] };
};
interface RawKeyValue {
  key: string;
  value: RawAnyValue;
}
/** What the serializer writes for the spans of one resource and one scope. */
interface SerializedRequest {
  resourceSpans: [
    { resource: { attributes: RawKeyValue[]; droppedAttributesCount: number }; scopeSpans: [OtlpScopeSpans] },
  ];
}

const KIND: Record<SpanKindName, SpanKind> = {
  internal: SpanKind.INTERNAL,
  server: SpanKind.SERVER,
  client: SpanKind.CLIENT,
  producer: SpanKind.PRODUCER,
  consumer: SpanKind.CONSUMER,
};
const STATUS: Record<SpanStatusRecord['code'], SpanStatusCode> = {
  unset: SpanStatusCode.UNSET,
  ok: SpanStatusCode.OK,
  error: SpanStatusCode.ERROR,
};
/** OTLP span flags bits 8 and 9: "whether the parent is remote is known" and "it is remote". */
const REMOTE_BITS = 0x300;
const INT64_LIMIT = 2 ** 63;

/**
 * The OTLP/JSON ExportTraceServiceRequest for `spans`: one `resourceSpans` per resource (service),
 * one `scopeSpans` per tracer within it, each in order of first appearance in `spans`, and spans in
 * their order in `spans`. Spans that never ended are left out and returned in `skippedUnended`.
 * Spans read from a trace file are written back as the file had them, field by field.
 */
export function toOtlpJson(spans: readonly SpanRecord[]): OtlpExport {
  const skippedUnended: SpanRecord[] = [];
  const services = new Map<string, string>();
  for (const span of spans) services.set(spanKey(span.traceId, span.spanId), span.service);
  const resources = new Map<string, ResourceGroup>();
  const exact: ExactSpan[] = [];
  for (const span of spans) {
    if (isExact(span)) exact.push(span);
    else if (span.end === null) skippedUnended.push(span);
    else groupFor(resources, span).spans.push({ ...span, end: span.end });
  }
  const resourceSpans = [...resources.values()].map((group) => encodeResource(group, services));
  if (exact.length > 0) resourceSpans.push(...exactResourceSpans(exact));
  return { request: { resourceSpans }, skippedUnended };
}

/** `toOtlpJson` as text: the same input gives the same bytes. `indent` as in `JSON.stringify`. */
export function toOtlpJsonText(spans: readonly SpanRecord[], indent?: number): OtlpExportText {
  const { request, skippedUnended } = toOtlpJson(spans);
  return { text: JSON.stringify(request, null, indent), skippedUnended };
}

function groupFor(resources: Map<string, ResourceGroup>, span: SpanRecord): ScopeGroup {
  const attributes =
    span.resource['service.name'] === span.service ? span.resource : { ...span.resource, 'service.name': span.service };
  const resourceKey = JSON.stringify(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  let resource = resources.get(resourceKey);
  if (!resource) {
    resource = { resource: resourceFromAttributes(toOtelAttributes(attributes)), attributes, scopes: new Map() };
    resources.set(resourceKey, resource);
  }
  const scopeKey = JSON.stringify([span.scope.name, span.scope.version ?? '']);
  let scope = resource.scopes.get(scopeKey);
  if (!scope) {
    scope = { scope: span.scope, spans: [] };
    resource.scopes.set(scopeKey, scope);
  }
  return scope;
}

function encodeResource(group: ResourceGroup, services: ReadonlyMap<string, string>): OtlpResourceSpans {
  let resource: OtlpResourceSpans['resource'] | undefined;
  const scopeSpans: OtlpScopeSpans[] = [];
  // One serializer call per scope, so the grouping above is exactly the grouping written.
  for (const { scope, spans } of group.scopes.values()) {
    const readable = spans.map((span) => toReadableSpan(span, group.resource, parentIsRemote(span, services)));
    const bytes = JsonTraceSerializer.serializeRequest(readable);
    if (!bytes) throw new Error('the OTLP JSON serializer returned nothing');
    const [raw] = (JSON.parse(new TextDecoder().decode(bytes)) as SerializedRequest).resourceSpans;
    resource ??= { ...raw.resource, attributes: finishAttributes(raw.resource.attributes, group.attributes) };
    const [encoded] = raw.scopeSpans;
    encoded.spans.forEach((out, i) => {
      const span = spans[i];
      if (span) finishSpan(out, span, parentIsRemote(span, services));
    });
    scopeSpans.push({ ...encoded, scope: encoded.scope.version === '' ? { name: scope.name } : encoded.scope });
  }
  return { resource: resource ?? { attributes: [], droppedAttributesCount: 0 }, scopeSpans };
}

/**
 * Whether the span's parent was in another process, as far as the model tells: a parent in another
 * service is remote; a parent in the same service may have come through a queue, so it is unknown.
 */
function parentIsRemote(span: SpanRecord, services: ReadonlyMap<string, string>): boolean | undefined {
  if (span.parentSpanId === null) return false;
  const parentService = services.get(spanKey(span.traceId, span.parentSpanId));
  return parentService !== undefined && parentService !== span.service ? true : undefined;
}

function toReadableSpan(span: EndedSpan, resource: Resource, isRemote: boolean | undefined): ReadableSpan {
  const start = msToUnixNanos(span.start);
  const end = msToUnixNanos(span.end);
  const context = (spanId: string): SpanContext => ({ traceId: span.traceId, spanId, traceFlags: TraceFlags.SAMPLED });
  return {
    name: span.name,
    kind: KIND[span.kind],
    spanContext: () => context(span.spanId),
    ...(span.parentSpanId === null
      ? {}
      : { parentSpanContext: { ...context(span.parentSpanId), ...(isRemote === undefined ? {} : { isRemote }) } }),
    startTime: unixNanosToHrTime(start),
    endTime: unixNanosToHrTime(end),
    duration: unixNanosToHrTime(end - start),
    ended: true,
    status:
      span.status.message === undefined
        ? { code: STATUS[span.status.code] }
        : { code: STATUS[span.status.code], message: span.status.message },
    attributes: toOtelAttributes(span.attributes),
    events: span.events.map((event) => ({
      name: event.name,
      time: unixNanosToHrTime(msToUnixNanos(event.time)),
      attributes: toOtelAttributes(event.attributes),
    })),
    links: span.links.map((link) => ({
      context: {
        traceId: link.traceId,
        spanId: link.spanId,
        traceFlags: link.sampled === false ? TraceFlags.NONE : TraceFlags.SAMPLED,
      },
      attributes: toOtelAttributes(link.attributes),
    })),
    resource,
    instrumentationScope: span.scope.version === undefined ? { name: span.scope.name } : span.scope,
    droppedAttributesCount: span.dropped.attributes,
    droppedEventsCount: span.dropped.events,
    droppedLinksCount: span.dropped.links,
  };
}

/** The model's attributes typed as the API's; the serializer encodes mixed arrays element by element. */
function toOtelAttributes(attributes: Attributes): OtelAttributes {
  return attributes as OtelAttributes;
}

/**
 * Span Lab's fixes to one serialized span: 64-bit integers as strings, NaN and ±Infinity spelt out,
 * and flags that claim only what the model knows (every span sampled; parent remote when known;
 * a link's remoteness unknown).
 */
function finishSpan(out: OtlpSpan, span: EndedSpan, isRemote: boolean | undefined): void {
  out.attributes = finishAttributes(out.attributes as unknown as RawKeyValue[], span.attributes);
  out.events.forEach((event, i) => {
    event.attributes = finishAttributes(event.attributes as unknown as RawKeyValue[], span.events[i]?.attributes ?? {});
  });
  out.links.forEach((link, i) => {
    link.attributes = finishAttributes(link.attributes as unknown as RawKeyValue[], span.links[i]?.attributes ?? {});
    if (link.flags !== undefined) link.flags &= ~REMOTE_BITS;
  });
  if (isRemote === undefined && out.flags !== undefined) out.flags &= ~REMOTE_BITS;
}

function finishAttributes(list: RawKeyValue[], source: Attributes): OtlpKeyValue[] {
  return list.map(({ key, value }) => ({ key, value: finishValue(value, source[key]) }));
}

function finishValue(value: RawAnyValue, source: AttributeValue | null | undefined): OtlpAnyValue {
  if (typeof source === 'number') {
    // JSON has no NaN or Infinity (the serializer's JSON.stringify writes null); protobuf JSON spells them.
    if (!Number.isFinite(source)) return { doubleValue: String(source) };
    if (Number.isInteger(source)) {
      return Math.abs(source) < INT64_LIMIT ? { intValue: BigInt(source).toString() } : { doubleValue: source };
    }
  }
  const { intValue, arrayValue, ...rest } = value;
  if (arrayValue) {
    const items = Array.isArray(source) ? source : [];
    return { arrayValue: { values: arrayValue.values.map((item, i) => finishValue(item, items[i])) } };
  }
  return intValue === undefined ? rest : { intValue: String(intValue) };
}
