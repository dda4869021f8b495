/**
 * Zipkin v2 JSON (a list of spans, as `/api/v2/trace/{id}` answers) to an OTLP/JSON request, mapped
 * the way OpenTelemetry's Zipkin translator maps it: `localEndpoint.serviceName` → `service.name`,
 * `kind`, `parentId`, `tags` → attributes (the status tags → status), `annotations` → events,
 * endpoints → `net.*` and `peer.service` attributes, microseconds → nanoseconds.
 */
import {
  endNanos,
  intAttribute,
  isResourceKey,
  microsToNanos,
  padId,
  statusCodeOf,
  stringAttribute,
  type Converted,
} from './import-common.ts';
import type { OtlpKeyValue } from './otlp-types.ts';
import { scopeGroup, type ResourceGroup } from './scope-groups.ts';

interface ZipkinEndpoint {
  serviceName?: unknown;
  ipv4?: unknown;
  ipv6?: unknown;
  port?: unknown;
}

interface ZipkinSpan {
  traceId?: unknown;
  id?: unknown;
  parentId?: unknown;
  name?: unknown;
  kind?: unknown;
  timestamp?: unknown;
  duration?: unknown;
  localEndpoint?: ZipkinEndpoint | null;
  remoteEndpoint?: ZipkinEndpoint | null;
  annotations?: Array<{ timestamp?: unknown; value?: unknown }> | null;
  tags?: Record<string, unknown> | null;
  shared?: unknown;
}

const KINDS: Record<string, number> = { CLIENT: 3, SERVER: 2, PRODUCER: 4, CONSUMER: 5 };

/** Whether a JSON value looks like a Zipkin v2 span: an object with `traceId` and `id`. */
export function looksLikeZipkin(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'traceId' in value && 'id' in value;
}

/** Whether a span is Zipkin v1's: `binaryAnnotations`, or annotations that carry their endpoint (v2 has neither). */
function isZipkinV1(item: unknown): boolean {
  if (item === null || typeof item !== 'object') return false;
  const { binaryAnnotations, annotations } = item as { binaryAnnotations?: unknown; annotations?: unknown };
  return (
    binaryAnnotations !== undefined ||
    (Array.isArray(annotations) &&
      annotations.some((a: unknown) => a !== null && typeof a === 'object' && 'endpoint' in a))
  );
}

/** A Zipkin v2 span list as an OTLP/JSON request; resources by local service, scopes by `otel.scope.name`. */
export function zipkinToOtlp(list: unknown[]): Converted {
  const v1 = list.findIndex(isZipkinV1);
  if (v1 >= 0) {
    return {
      ok: false,
      problems: [
        `[${v1}]: this is Zipkin v1 JSON (binaryAnnotations, annotations with endpoints), which Span Lab does not read: its services and kinds sit in annotations, and reading it as v2 would lose them; Zipkin's /api/v2/trace/{traceId} gives v2 JSON`,
      ],
    };
  }
  const problems: string[] = [];
  const resources = new Map<string, ResourceGroup>();
  const ids = new Set<string>();
  for (const item of list)
    if (looksLikeZipkin(item)) ids.add(`${String((item as ZipkinSpan).traceId)}/${String((item as ZipkinSpan).id)}`);
  // Children of a shared server span sit in its service: they follow it to its id of its own.
  const moved = new Map<string, string>();
  for (const item of list) {
    const span = item as ZipkinSpan;
    if (
      looksLikeZipkin(item) &&
      span.shared === true &&
      list.some((other) => other !== item && sameId(other as ZipkinSpan, span))
    ) {
      moved.set(
        `${String(span.traceId)}/${String(span.id)}/${serviceOf(span)}`,
        sharedId(String(span.traceId), String(span.id)),
      );
    }
  }
  let shared = 0;
  list.forEach((item, i) => {
    if (!looksLikeZipkin(item)) {
      problems.push(`[${i}]: expected a Zipkin v2 span {"traceId": …, "id": …}`);
      return;
    }
    const span = item as ZipkinSpan;
    const tags = { ...(span.tags ?? {}) };
    const service = typeof span.localEndpoint?.serviceName === 'string' ? span.localEndpoint.serviceName : '';
    const resourceAttributes: OtlpKeyValue[] = service ? [stringAttribute('service.name', service)] : [];
    for (const key of Object.keys(tags).sort()) {
      if (isResourceKey(key) && key !== 'service.name') {
        resourceAttributes.push(stringAttribute(key, text(tags[key])));
        delete tags[key];
      }
    }
    const resourceKey = JSON.stringify(resourceAttributes);
    let resource = resources.get(resourceKey);
    if (!resource) {
      resource = { attributes: resourceAttributes, scopes: new Map() };
      resources.set(resourceKey, resource);
    }
    const scopeName = take(tags, 'otel.scope.name') ?? take(tags, 'otel.library.name') ?? '';
    const scopeVersion = take(tags, 'otel.scope.version') ?? take(tags, 'otel.library.version');
    const scope = scopeGroup(resource, scopeName, scopeVersion);
    // A shared span (Zipkin's one-id-per-RPC style) has its client's id: it becomes the client's child with an id of its own.
    const isShared =
      span.shared === true && span.kind === 'SERVER' && ids.has(`${String(span.traceId)}/${String(span.id)}`);
    const clientPresent = isShared && list.some((other) => other !== item && sameId(other as ZipkinSpan, span));
    if (clientPresent) shared++;
    const parentMoved =
      span.shared === true
        ? undefined
        : moved.get(`${String(span.traceId)}/${String(span.parentId)}/${serviceOf(span)}`);
    scope.spans.push(toOtlpSpan(span, tags, clientPresent, parentMoved));
  });
  if (problems.length > 0) return { ok: false, problems };
  const warnings =
    shared > 0
      ? [
          `${shared} shared server ${shared === 1 ? 'span has' : 'spans have'} the id of ${shared === 1 ? 'its' : 'their'} client (Zipkin's shared span): each was given an id of its own and made the client span's child.`,
        ]
      : [];
  const resourceSpans = [...resources.values()].map(({ attributes, scopes }) => ({
    resource: { attributes },
    scopeSpans: [...scopes.values()],
  }));
  return { ok: true, request: { resourceSpans }, warnings };
}

function sameId(a: ZipkinSpan, b: ZipkinSpan): boolean {
  return a !== null && typeof a === 'object' && a.traceId === b.traceId && a.id === b.id;
}

function take(tags: Record<string, unknown>, key: string): string | undefined {
  const value = tags[key];
  if (value === undefined) return undefined;
  delete tags[key];
  return text(value);
}

/** A tag's value as text (Zipkin's tags are strings; a writer may have put something else). */
function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function serviceOf(span: ZipkinSpan): string {
  return typeof span.localEndpoint?.serviceName === 'string' ? span.localEndpoint.serviceName : '';
}

function toOtlpSpan(
  span: ZipkinSpan,
  tags: Record<string, unknown>,
  shared: boolean,
  parentMoved: string | undefined,
): object {
  const spanId = padId(span.id, 16);
  const parent = shared ? spanId : (parentMoved ?? padId(span.parentId, 16));
  const traceState = take(tags, 'w3c.tracestate');
  let kind = typeof span.kind === 'string' ? KINDS[span.kind] : undefined;
  if (kind === undefined) kind = take(tags, 'span.kind') === 'internal' ? 1 : 0;
  const status = statusOf(tags);
  const attributes: OtlpKeyValue[] = Object.entries(tags).map(([key, value]) => stringAttribute(key, text(value)));
  endpointAttributes(span, attributes);
  if (span.timestamp === undefined || span.timestamp === null) {
    attributes.push({ key: 'otel.zipkin.absentField.startTime', value: { boolValue: true } });
  }
  return {
    traceId: padId(span.traceId, 32),
    spanId: shared ? sharedId(String(span.traceId), String(span.id)) : spanId,
    ...(parent !== undefined && parent !== null && parent !== spanId ? { parentSpanId: parent } : {}),
    ...(shared ? { parentSpanId: spanId } : {}),
    ...(traceState === undefined ? {} : { traceState }),
    name: typeof span.name === 'string' ? span.name : '',
    kind,
    startTimeUnixNano: microsToNanos(span.timestamp ?? 0),
    endTimeUnixNano: endNanos(span.timestamp, span.duration),
    attributes,
    events: (span.annotations ?? []).map((annotation) => ({
      timeUnixNano: microsToNanos(annotation.timestamp ?? 0),
      name: typeof annotation.value === 'string' ? annotation.value : '',
    })),
    ...(status ? { status } : {}),
  };
}

/** The status from `otel.status_code`/`otel.status_description`, or the `error` tag (Zipkin's convention: it holds the message). */
function statusOf(tags: Record<string, unknown>): { code: number; message?: string } | undefined {
  let status: { code: number; message?: string } | undefined;
  const code = statusCodeOf(tags['otel.status_code']);
  if (code !== undefined) {
    delete tags['otel.status_code'];
    const message = take(tags, 'otel.status_description');
    status = message ? { code, message } : { code };
  }
  if (tags['error'] !== undefined) {
    const message = take(tags, 'error') ?? '';
    status = {
      code: 2,
      ...(status?.message ? { message: status.message } : message && message !== 'true' ? { message } : {}),
    };
  }
  return status;
}

function endpointAttributes(span: ZipkinSpan, attributes: OtlpKeyValue[]): void {
  const local = span.localEndpoint;
  const remote = span.remoteEndpoint;
  const ip = (endpoint: ZipkinEndpoint) => (typeof endpoint.ipv6 === 'string' ? endpoint.ipv6 : endpoint.ipv4);
  if (local) {
    const address = ip(local);
    if (typeof address === 'string') attributes.push(stringAttribute('net.host.ip', address));
    if (typeof local.port === 'number' && local.port > 0) attributes.push(intAttribute('net.host.port', local.port));
  }
  if (remote) {
    if (typeof remote.serviceName === 'string' && remote.serviceName)
      attributes.push(stringAttribute('peer.service', remote.serviceName));
    const address = ip(remote);
    if (typeof address === 'string') attributes.push(stringAttribute('net.peer.ip', address));
    if (typeof remote.port === 'number' && remote.port > 0) attributes.push(intAttribute('net.peer.port', remote.port));
  }
}

/** A span id of its own for a shared server span: FNV-1a over its trace and span id, never zero. */
function sharedId(traceId: string, spanId: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const ch of `shared:${traceId}:${spanId}`) {
    hash ^= BigInt(ch.charCodeAt(0));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return (hash === 0n ? 1n : hash).toString(16).padStart(16, '0');
}
