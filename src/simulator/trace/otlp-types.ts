/**
 * The OTLP/JSON shape of an ExportTraceServiceRequest, as Span Lab writes it.
 * Field names are lowerCamelCase, ids lower-case hex, enums integers and 64-bit integers
 * (times, `intValue`) decimal strings, as the OTLP specification's JSON encoding asks.
 */

/** An attribute value (`AnyValue`); exactly one field is set, none for an empty (null) value. */
export interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  /** A 64-bit integer as a decimal string. */
  intValue?: string;
  /** A number, or `"NaN"`, `"Infinity"`, `"-Infinity"` (the protobuf JSON spelling). */
  doubleValue?: number | string;
  /** Bytes as base64. */
  bytesValue?: string;
  arrayValue?: { values: OtlpAnyValue[] };
  kvlistValue?: { values: OtlpKeyValue[] };
}

/** One attribute. */
export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

/** A span event. */
export interface OtlpEvent {
  timeUnixNano: string;
  name: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
}

/** A span link. */
export interface OtlpLink {
  traceId: string;
  spanId: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
  traceState?: string;
  /** W3C trace flags in bits 0–7; bits 8–9 say whether the linked context was remote. */
  flags?: number;
}

/** A span. `kind` is 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  traceState?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
  events: OtlpEvent[];
  droppedEventsCount: number;
  /** `code` is 0 unset, 1 ok, 2 error. */
  status: { code: number; message?: string };
  links: OtlpLink[];
  droppedLinksCount: number;
  /** W3C trace flags in bits 0–7; bits 8–9 say whether the parent was remote. */
  flags?: number;
}

/** The spans of one instrumentation scope (one tracer). */
export interface OtlpScopeSpans {
  scope: { name: string; version?: string; attributes?: OtlpKeyValue[]; droppedAttributesCount?: number };
  spans: OtlpSpan[];
  schemaUrl?: string;
}

/** The spans of one resource (one service). */
export interface OtlpResourceSpans {
  resource: { attributes: OtlpKeyValue[]; droppedAttributesCount: number };
  scopeSpans: OtlpScopeSpans[];
  schemaUrl?: string;
}

/** An ExportTraceServiceRequest: what `/v1/traces` receives and Jaeger's upload opens. */
export interface OtlpTraceRequest {
  resourceSpans: OtlpResourceSpans[];
}
