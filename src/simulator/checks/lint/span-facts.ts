/** Facts about spans the lint rules share: failures, messages handled, retries, compensations. */
import type { SpanLinkRecord, SpanRecord } from '../../trace/model.ts';
import type { TraceIndex } from '../TraceIndex.ts';

const MESSAGE_ID = 'messaging.message.id';
const BATCH_COUNT = 'messaging.batch.message_count';

/** Whether a span failed: an error status or a recorded exception. */
export function failed(span: SpanRecord): boolean {
  return span.status.code === 'error' || span.events.some((e) => e.name === 'exception');
}

/**
 * Whether `parent` had already failed when `child` started: an exception recorded strictly
 * before, or another child of a different operation (its own call) that ended in error by then.
 */
export function failedBefore(index: TraceIndex, parent: SpanRecord, child: SpanRecord): boolean {
  if (parent.events.some((e) => e.name === 'exception' && e.time < child.start)) return true;
  return index
    .children(parent)
    .some(
      (c) =>
        c !== child &&
        c.status.code === 'error' &&
        c.end !== null &&
        c.end <= child.start &&
        nameShape(c.name) !== nameShape(child.name),
    );
}

/** Whether a span is where messages are created or sent: kind producer, or a messaging create/publish/send operation. */
export function isProducer(span: SpanRecord): boolean {
  const operation = span.attributes['messaging.operation.type'];
  return span.kind === 'producer' || operation === 'create' || operation === 'publish' || operation === 'send';
}

/**
 * How many messages a span handles, by the messaging conventions: its `messaging.batch.message_count`,
 * or the distinct `messaging.message.id`s on its links, or on those of its direct children that
 * do not relate to their message themselves (no links, not consumers) and did not create it (not
 * producers: a job whose "create" spans make the messages handles none of them).
 */
export function messagesHandled(index: TraceIndex, span: SpanRecord): number {
  const count = span.attributes[BATCH_COUNT];
  const ids = (attributes: readonly Record<string, unknown>[]): number =>
    new Set(attributes.map((a) => a[MESSAGE_ID]).filter((id) => id !== undefined)).size;
  const fromChildren = index
    .children(span)
    .filter((c) => c.links.length === 0 && c.kind !== 'consumer' && !isProducer(c))
    .map((c) => c.attributes);
  return Math.max(typeof count === 'number' ? count : 0, ids(span.links.map((l) => l.attributes)), ids(fromChildren));
}

// `http.request.resend_count` is the conventions' own; the messaging conventions have no generic delivery
// attempt, only per-system counts such as these two. `retry.attempt` is the course's scenarios' own name.
const RETRY_KEYS = [
  'retry.attempt',
  'http.request.resend_count',
  'messaging.gcp_pubsub.message.delivery_attempt',
  'messaging.servicebus.message.delivery_count',
];

/** The span's retry attempt number from a known attribute, if it carries one. */
export function attemptNumber(span: SpanRecord): number | undefined {
  for (const key of RETRY_KEYS) {
    const value = span.attributes[key];
    if (typeof value === 'number') return value;
  }
  return undefined;
}

/** A span name with its numbers blanked, so `attempt 1` and `attempt 2` compare equal. */
export function nameShape(name: string): string {
  return name.replace(/\d+/g, '#');
}

const COMPENSATION = /compensat|rollback|roll back|\bundo\b|\brevert|\bcancel|\brefund/i;

/**
 * Whether a span undoes earlier work: a compensation, rollback, undo, revert, cancellation or
 * refund, by name, attribute key, or the value of a `saga.*` attribute. A database's own ROLLBACK
 * (a span with `db.*` attributes) belongs to its transaction and is not one.
 */
export function isCompensation(span: SpanRecord): boolean {
  const keys = Object.keys(span.attributes);
  if (keys.some((key) => key.startsWith('db.'))) return false;
  if (COMPENSATION.test(span.name) || keys.some((key) => /compensat/i.test(key))) return true;
  return keys.some((key) => key.startsWith('saga.') && COMPENSATION.test(String(span.attributes[key])));
}

/** The `http.request.resend_count` of an HTTP client span, when it carries one. */
export function resendCount(span: SpanRecord): number | undefined {
  const value = span.attributes['http.request.resend_count'];
  return span.kind === 'client' && typeof value === 'number' ? value : undefined;
}

/** The HTTP response status code a span recorded, if any (`http.response.status_code`, or the older `http.status_code`). */
export function httpStatus(span: SpanRecord): number | undefined {
  const value = span.attributes['http.response.status_code'] ?? span.attributes['http.status_code'];
  const code = typeof value === 'string' ? Number(value) : value;
  return typeof code === 'number' && Number.isInteger(code) ? code : undefined;
}

/** Whether an HTTP client request failed: it failed as a span, recorded `error.type`, or got a status ≥ 400. */
export function requestFailed(span: SpanRecord): boolean {
  return failed(span) || span.attributes['error.type'] !== undefined || (httpStatus(span) ?? 0) >= 400;
}

/** Whether a span is written as one step among others: an earlier sibling of the same family ended before it started. */
export function followsSiblingSteps(index: TraceIndex, span: SpanRecord): boolean {
  const family = (s: SpanRecord): string => s.name.split(/[\s:]/, 1)[0] ?? s.name;
  const stepKeys = (s: SpanRecord): string[] =>
    Object.keys(s.attributes).filter((k) => /\.step\b/.test(k) || k.startsWith('saga.'));
  const keys = new Set(stepKeys(span));
  return index
    .siblings(span)
    .some(
      (s) =>
        s.end !== null && s.end <= span.start && (family(s) === family(span) || stepKeys(s).some((k) => keys.has(k))),
    );
}

/** Whether a link has a valid span context: a 32-digit trace id and a 16-digit span id, neither all zeros. */
export function hasValidContext(link: SpanLinkRecord): boolean {
  return (
    /^[0-9a-f]{32}$/.test(link.traceId) &&
    /^[0-9a-f]{16}$/.test(link.spanId) &&
    !/^0+$/.test(link.traceId) &&
    !/^0+$/.test(link.spanId)
  );
}
