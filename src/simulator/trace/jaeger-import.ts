/**
 * Jaeger's own JSON (what Jaeger UI's Download Results and Trace JSON, and `/api/traces`, give:
 * `{"data": [{"traceID", "spans", "processes"}]}`) to an OTLP/JSON request, mapped the way
 * OpenTelemetry's Jaeger translator maps it: each process → a resource (`serviceName` →
 * `service.name`), the first `CHILD_OF` reference in the trace → the parent, every other reference →
 * a link with `opentracing.ref_type`, the `span.kind`, `error`, `otel.status_code` and
 * `w3c.tracestate` tags → kind, status and trace state, `logs` → events (the `event` field → name).
 * A span whose only reference in its trace is `FOLLOWS_FROM` keeps it as a link and no parent:
 * jaeger-idl's newer `ParentSpanID()` falls back to it, so a translator built on that would make it
 * both parent and link, and the linter would then blame every such span for linking to its parent.
 */
import {
  endNanos,
  microsToNanos,
  padId,
  statusCodeOf,
  stringAttribute,
  typedValue,
  type Converted,
} from './import-common.ts';
import type { OtlpKeyValue } from './otlp-types.ts';
import { scopeGroup, type ResourceGroup } from './scope-groups.ts';

interface JaegerTag {
  key?: unknown;
  type?: unknown;
  value?: unknown;
}

interface JaegerSpan {
  traceID?: unknown;
  spanID?: unknown;
  parentSpanID?: unknown;
  flags?: unknown;
  operationName?: unknown;
  references?: Array<{ refType?: unknown; traceID?: unknown; spanID?: unknown }> | null;
  startTime?: unknown;
  duration?: unknown;
  tags?: JaegerTag[] | null;
  logs?: Array<{ timestamp?: unknown; fields?: JaegerTag[] | null }> | null;
  processID?: unknown;
  process?: JaegerProcess | null;
}

interface JaegerProcess {
  serviceName?: unknown;
  tags?: JaegerTag[] | null;
}

interface JaegerTrace {
  traceID?: unknown;
  spans?: unknown;
  processes?: Record<string, JaegerProcess> | null;
}

const KINDS: Record<string, number> = { client: 3, server: 2, producer: 4, consumer: 5, internal: 1 };

/** Whether `data` looks like Jaeger's traces: objects with a `spans` list. */
export function looksLikeJaeger(data: unknown[]): boolean {
  return data.every(
    (trace) => trace !== null && typeof trace === 'object' && Array.isArray((trace as JaegerTrace).spans),
  );
}

/** Jaeger's traces as an OTLP/JSON request: a resource per process, a scope per `otel.scope.name`. */
export function jaegerToOtlp(data: unknown[]): Converted {
  const resources = new Map<string, ResourceGroup>();
  for (const trace of data as JaegerTrace[]) {
    for (const span of trace.spans as JaegerSpan[]) {
      if (span === null || typeof span !== 'object') continue;
      const process =
        span.process ?? (typeof span.processID === 'string' ? trace.processes?.[span.processID] : undefined);
      const attributes = processAttributes(process);
      const key = JSON.stringify(attributes);
      let resource = resources.get(key);
      if (!resource) {
        resource = { attributes, scopes: new Map() };
        resources.set(key, resource);
      }
      const tags = [...(span.tags ?? [])];
      const scopeName = take(tags, 'otel.scope.name') ?? take(tags, 'otel.library.name') ?? '';
      const scopeVersion = take(tags, 'otel.scope.version') ?? take(tags, 'otel.library.version');
      const scope = scopeGroup(resource, scopeName, scopeVersion);
      scope.spans.push(toOtlpSpan(span, tags));
    }
  }
  const resourceSpans = [...resources.values()].map(({ attributes, scopes }) => ({
    resource: { attributes },
    scopeSpans: [...scopes.values()],
  }));
  return { ok: true, request: { resourceSpans }, warnings: [] };
}

function processAttributes(process: JaegerProcess | undefined | null): OtlpKeyValue[] {
  if (!process) return [];
  const attributes: OtlpKeyValue[] = [];
  if (typeof process.serviceName === 'string' && process.serviceName) {
    attributes.push(stringAttribute('service.name', process.serviceName));
  }
  for (const tag of toAttributes(process.tags ?? [])) {
    if (tag.key === 'hostname' && !process.tags?.some((t) => t.key === 'host.name'))
      attributes.push({ ...tag, key: 'host.name' });
    else if (tag.key === 'jaeger.version') {
      attributes.push(stringAttribute('opencensus.exporterversion', `Jaeger-${tag.value.stringValue ?? ''}`));
    } else attributes.push(tag);
  }
  return attributes;
}

function toAttributes(tags: JaegerTag[]): OtlpKeyValue[] {
  return tags
    .filter((tag) => tag !== null && typeof tag === 'object' && typeof tag.key === 'string')
    .map((tag) => ({ key: tag.key as string, value: typedValue(tag.type, tag.value) }));
}

/** Removes a tag and returns its value as text. */
function take(tags: JaegerTag[], key: string): string | undefined {
  const at = tags.findIndex((tag) => tag?.key === key);
  if (at < 0) return undefined;
  const [tag] = tags.splice(at, 1);
  return String(tag?.value);
}

function toOtlpSpan(span: JaegerSpan, tags: JaegerTag[]): object {
  const traceId = padId(span.traceID, 32);
  const refs = (span.references ?? []).filter((ref) => ref !== null && typeof ref === 'object');
  const parentRef = refs.find((ref) => ref.refType === 'CHILD_OF' && padId(ref.traceID, 32) === traceId);
  const parent = parentRef ? padId(parentRef.spanID, 16) : padId(span.parentSpanID, 16);
  const kindTag = take(tags, 'span.kind');
  const kind = kindTag === undefined ? 0 : (KINDS[kindTag] ?? 0);
  const traceState = take(tags, 'w3c.tracestate');
  const status = statusOf(tags, kind);
  const links = refs
    .filter((ref) => ref !== parentRef)
    .map((ref) => ({
      traceId: padId(ref.traceID, 32),
      spanId: padId(ref.spanID, 16),
      attributes: [stringAttribute('opentracing.ref_type', ref.refType === 'CHILD_OF' ? 'child_of' : 'follows_from')],
    }));
  return {
    traceId,
    spanId: padId(span.spanID, 16),
    ...(typeof parent === 'string' && !/^0+$/.test(parent) ? { parentSpanId: parent } : {}),
    ...(traceState === undefined ? {} : { traceState }),
    ...(typeof span.flags === 'number' ? { flags: span.flags & 0xff } : {}),
    name: typeof span.operationName === 'string' ? span.operationName : '',
    kind,
    startTimeUnixNano: microsToNanos(span.startTime ?? 0),
    endTimeUnixNano: endNanos(span.startTime, span.duration),
    attributes: toAttributes(tags),
    events: (span.logs ?? []).map((log) => {
      const fields = [...(log?.fields ?? [])];
      const name = take(fields, 'event') ?? '';
      return { timeUnixNano: microsToNanos(log?.timestamp ?? 0), name, attributes: toAttributes(fields) };
    }),
    links,
    ...(status ? { status } : {}),
  };
}

/**
 * The status as the translator reads it: `error: true` wins, then `otel.status_code` (and
 * `otel.status_description`), then an HTTP status code (5xx an error; 4xx an error on a client).
 */
function statusOf(tags: JaegerTag[], kind: number): { code: number; message?: string } | undefined {
  const errorTag = tags.find((tag) => tag?.key === 'error');
  const isError = errorTag !== undefined && (errorTag.value === true || errorTag.value === 'true');
  const codeTag = tags.find((tag) => tag?.key === 'otel.status_code');
  if (isError) {
    take(tags, 'error');
    if (codeTag) take(tags, 'otel.status_code');
    const message = take(tags, 'otel.status_description');
    return message ? { code: 2, message } : { code: 2 };
  }
  if (codeTag) {
    take(tags, 'otel.status_code');
    const code = statusCodeOf(codeTag.value) ?? 0;
    const message = take(tags, 'otel.status_description');
    return message ? { code, message } : { code };
  }
  const http = tags.find((tag) => tag?.key === 'http.status_code');
  const httpCode = Number(http?.value);
  if (Number.isInteger(httpCode) && (httpCode >= 500 || (httpCode >= 400 && kind === 3))) return { code: 2 };
  return undefined;
}
