import { spanDuration, type DanglingReason, type SpanLinkRecord, type SpanRecord } from '@spanlab/engine';
import { attributeLines, cutText, displayName, formatDuration, formatOffset } from './format.ts';
import type { IndexedSpan, RunIndex } from './RunIndex.ts';
import type { SpanRef } from './span-ref.ts';

/**
 * A span a row points at: one shown, one the sampler did not keep (not shown), or one the run
 * does not hold (a remote parent, say).
 */
export type SpanTarget =
  { kind: 'span'; entry: IndexedSpan } | { kind: 'not-kept'; span: SpanRecord } | { kind: 'absent'; ref: SpanRef };

/** One end of a link, as a row shows it: the span at the other end and the link's attributes. */
export interface LinkCell {
  target: SpanTarget;
  /** The link's attributes as `key = value` lines. */
  attributes: string[];
  /** Why the link dangles (a kept span's link to one no backend received), if it does. */
  dangling?: DanglingReason;
}

/** One row of the span table: every field as text, and what it points at. */
export interface SpanRow {
  entry: IndexedSpan;
  service: string;
  name: string;
  kind: string;
  /** The parent, or null for a root. */
  parent: SpanTarget | null;
  /** Start relative to the trace's first span. */
  start: string;
  /** Duration, or "never ended". */
  duration: string;
  /** "error: message", "ok" or "unset". */
  status: string;
  attributes: string[];
  linksOut: LinkCell[];
  linksIn: LinkCell[];
}

/** What the views call a span in a button or a list: `service › name`, and `(not kept)` for one the sampler did not keep. */
export function spanTitle(entry: Pick<IndexedSpan, 'span'>, maxName = 120): string {
  const notKept = entry.span.sampled === false ? ' (not kept)' : '';
  return `${displayName(entry.span.service)} › ${cutText(displayName(entry.span.name), maxName)}${notKept}`;
}

/** The status as text, not by colour: "error: declined", "ok", "unset". */
export function statusText(entry: IndexedSpan): string {
  const { code, message } = entry.span.status;
  return code === 'error' && message !== undefined && message !== '' ? `error: ${message}` : code;
}

/** The duration as text, "never ended" for a span without an end. */
export function durationText(entry: IndexedSpan): string {
  const duration = spanDuration(entry.span);
  return duration === null ? 'never ended' : formatDuration(duration);
}

function target(index: RunIndex, ref: SpanRef): SpanTarget {
  const entry = index.find(ref);
  if (entry !== undefined) return { kind: 'span', entry };
  const unsampled = index.findUnsampled(ref);
  return unsampled === undefined ? { kind: 'absent', ref } : { kind: 'not-kept', span: unsampled };
}

function linkOut(index: RunIndex, from: IndexedSpan, link: SpanLinkRecord): LinkCell {
  const dangling = index.danglingOf(from, link);
  return {
    target: target(index, { traceId: link.traceId, spanId: link.spanId }),
    attributes: attributeLines(link.attributes),
    ...(dangling === undefined ? {} : { dangling }),
  };
}

/** The table row of one span. */
export function spanRow(index: RunIndex, entry: IndexedSpan): SpanRow {
  const { span } = entry;
  return {
    entry,
    service: displayName(span.service),
    name: displayName(span.name),
    kind: span.kind,
    parent: span.parentSpanId === null ? null : target(index, { traceId: span.traceId, spanId: span.parentSpanId }),
    start: formatOffset(span.start - entry.trace.start),
    duration: durationText(entry),
    status: statusText(entry),
    attributes: attributeLines(span.attributes),
    linksOut: span.links.map((link) => linkOut(index, entry, link)),
    linksIn: index.linksIn(entry).map(({ from, link }): LinkCell => {
      const dangling = index.danglingOf(from, link);
      return {
        target: { kind: 'span', entry: from },
        attributes: attributeLines(link.attributes),
        ...(dangling === undefined ? {} : { dangling }),
      };
    }),
  };
}

/** Whether a row matches a filter text (case-insensitive, in service, name, kind, status or attributes). */
export function rowMatches(entry: IndexedSpan, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  const { span } = entry;
  const haystack = [span.service, span.name, span.kind, span.status.code, span.spanId, ...Object.keys(span.attributes)];
  if (haystack.some((text) => text.toLowerCase().includes(needle))) return true;
  return Object.values(span.attributes).some((value) => String(value).toLowerCase().includes(needle));
}
