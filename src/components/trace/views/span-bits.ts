import { danglingText, shortId, traceName, type DanglingReason } from '@spanlab/engine';
import { h } from '../dom/h.ts';
import type { IndexedSpan, TraceEntry } from '../model/RunIndex.ts';
import { spanTitle, type LinkCell, type SpanTarget } from '../model/span-rows.ts';
import type { SpanRef } from '../model/span-ref.ts';
import type { ViewHost } from './view-types.ts';

// An id as the views name it: the 8 hex digits that tell it apart (past a 64-bit id's padding) and `…`.
export { shortId };

/** A trace of the run as every view names it: "trace 2 · 5b31aa09…" (numbered by first span). */
export function traceEntryName(trace: TraceEntry): string {
  return traceName(trace.index + 1, trace.traceId);
}

/** The reference of an indexed span. */
export function refOf(entry: IndexedSpan): SpanRef {
  return { traceId: entry.span.traceId, spanId: entry.span.spanId };
}

/** A button that selects a span (in any trace) and opens its details. */
export function spanButton(host: ViewHost, entry: IndexedSpan, text = spanTitle(entry)): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'tv-span-button', 'data-span-key': entry.key }, text);
  button.addEventListener('click', () => host.pick(refOf(entry)));
  return button;
}

/** A span a link or parent id names but the run does not hold, as plain text. */
export function absentSpan(ref: SpanRef): HTMLElement {
  return h(
    'span',
    { class: 'tv-absent' },
    `span ${shortId(ref.spanId)} of trace ${shortId(ref.traceId)} (not in this run)`,
  );
}

/** A button for a span shown, or text for one not kept (and not shown) or outside the run. */
export function targetNode(host: ViewHost, target: SpanTarget): HTMLElement {
  if (target.kind === 'span') return spanButton(host, target.entry);
  if (target.kind === 'absent') return absentSpan(target.ref);
  return h('span', { class: 'tv-absent tv-not-kept' }, spanTitle(target));
}

/** The badge of a link that dangles: `⚠ dangling: target not kept`. */
export function danglingBadge(reason: DanglingReason): HTMLElement {
  return h('span', { class: 'tv-dangling' }, danglingText(reason));
}

/** `key = value` lines as a list, or a dash when there are none. */
export function lineList(lines: readonly string[], className = 'tv-attrs'): HTMLElement {
  if (lines.length === 0) return h('span', { class: 'tv-none' }, '—');
  return h('ul', { class: className }, ...lines.map((line) => h('li', {}, line)));
}

/** Links (out or in) as a list: the span at the other end, then the link's attributes. */
export function linkList(host: ViewHost, links: readonly LinkCell[]): HTMLElement {
  if (links.length === 0) return h('span', { class: 'tv-none' }, '—');
  return h(
    'ul',
    { class: 'tv-links' },
    ...links.map((link) =>
      h(
        'li',
        {},
        targetNode(host, link.target),
        link.dangling === undefined ? null : ' ',
        link.dangling === undefined ? null : danglingBadge(link.dangling),
        link.attributes.length > 0 ? lineList(link.attributes) : null,
      ),
    ),
  );
}

/** A short notice in a panel ("showing N of M", "no spans"). */
export function notice(text: string, role: 'status' | 'note' = 'note'): HTMLElement {
  return h('p', { class: 'tv-notice', role }, text);
}

/** A "Line 3:5" button that moves the editor there (via `problem-select`). */
export function locationButton(host: ViewHost, line: number, column: number | undefined): HTMLButtonElement {
  const col = column ?? 1;
  const place = `${String(line)}:${String(col)}`;
  const button = h(
    'button',
    { type: 'button', class: 'tv-location', title: `Go to line ${String(line)}, column ${String(col)} in the code` },
    `Line ${place}`,
  );
  button.addEventListener('click', () => host.pickLocation(line, col));
  return button;
}
