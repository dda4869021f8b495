/**
 * The OTLP/JSON of spans read from a trace file, written back from what the file said (`exact`):
 * nanosecond times, flags and trace state as given, every value type, schema URLs, dropped counts.
 */
import type { ExactResource, ExactScope, SpanExact, SpanRecord, SpanStatusRecord } from './model.ts';
import type { OtlpResourceSpans, OtlpScopeSpans, OtlpSpan } from './otlp-types.ts';

/** A span read from a file. */
export type ExactSpan = SpanRecord & { exact: SpanExact };

const STATUS_CODE: Record<SpanStatusRecord['code'], number> = { unset: 0, ok: 1, error: 2 };

/** Whether the span was read from a file and can be written back exactly. */
export function isExact(span: SpanRecord): span is ExactSpan {
  return span.exact !== undefined;
}

/**
 * One `resourceSpans` per resource and one `scopeSpans` per scope as the file had them (the same
 * resource and scope objects), each in order of first appearance, spans in their order in `spans`.
 */
export function exactResourceSpans(spans: readonly ExactSpan[]): OtlpResourceSpans[] {
  const resources = new Map<ExactResource, Map<ExactScope, OtlpSpan[]>>();
  for (const span of spans) {
    let scopes = resources.get(span.exact.resource);
    if (!scopes) {
      scopes = new Map();
      resources.set(span.exact.resource, scopes);
    }
    let list = scopes.get(span.exact.scope);
    if (!list) {
      list = [];
      scopes.set(span.exact.scope, list);
    }
    list.push(encodeSpan(span));
  }
  return [...resources].map(([resource, scopes]) => {
    const out: OtlpResourceSpans = {
      resource: { attributes: resource.attributes, droppedAttributesCount: resource.droppedAttributesCount },
      scopeSpans: [...scopes].map(([scope, list]) => encodeScope(scope, list)),
    };
    if (resource.schemaUrl !== undefined) out.schemaUrl = resource.schemaUrl;
    return out;
  });
}

function encodeScope(scope: ExactScope, spans: OtlpSpan[]): OtlpScopeSpans {
  const out: OtlpScopeSpans = {
    scope: {
      name: scope.name,
      ...(scope.version === undefined ? {} : { version: scope.version }),
      attributes: scope.attributes,
      droppedAttributesCount: scope.droppedAttributesCount,
    },
    spans,
  };
  if (scope.schemaUrl !== undefined) out.schemaUrl = scope.schemaUrl;
  return out;
}

function encodeSpan(span: ExactSpan): OtlpSpan {
  const { exact } = span;
  const parentSpanId = exact.parentSpanId ?? span.parentSpanId;
  const out: OtlpSpan = {
    traceId: span.traceId,
    spanId: span.spanId,
    ...(exact.traceState === undefined ? {} : { traceState: exact.traceState }),
    ...(parentSpanId === null ? {} : { parentSpanId }),
    ...(exact.flags === undefined ? {} : { flags: exact.flags }),
    name: span.name,
    kind: exact.kind,
    startTimeUnixNano: exact.startTimeUnixNano,
    endTimeUnixNano: exact.endTimeUnixNano,
    attributes: exact.attributes,
    droppedAttributesCount: span.dropped.attributes,
    events: span.events.map((event, i) => {
      const e = exact.events[i];
      return {
        timeUnixNano: e?.timeUnixNano ?? '0',
        name: event.name,
        attributes: e?.attributes ?? [],
        droppedAttributesCount: e?.droppedAttributesCount ?? 0,
      };
    }),
    droppedEventsCount: span.dropped.events,
    status:
      span.status.message === undefined
        ? { code: STATUS_CODE[span.status.code] }
        : { code: STATUS_CODE[span.status.code], message: span.status.message },
    links: span.links.map((link, i) => {
      const l = exact.links[i];
      return {
        traceId: link.traceId,
        spanId: link.spanId,
        ...(l?.traceState === undefined ? {} : { traceState: l.traceState }),
        attributes: l?.attributes ?? [],
        droppedAttributesCount: l?.droppedAttributesCount ?? 0,
        ...(l?.flags === undefined ? {} : { flags: l.flags }),
      };
    }),
    droppedLinksCount: span.dropped.links,
  };
  return out;
}
