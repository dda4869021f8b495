import { h } from '../dom/h.ts';
import { formatDuration } from '../model/format.ts';
import type { RunIndex, TraceEntry } from '../model/RunIndex.ts';
import { spanButton, traceEntryName } from './span-bits.ts';
import type { ViewHost } from './view-types.ts';

/** Most traces the summary lists. */
export const MAX_SUMMARY_TRACES = 200;

/** Per trace, how many links leave it for other traces and how many arrive from them. */
export function crossTraceLinks(index: RunIndex): Map<TraceEntry, { out: number; in: number }> {
  const counts = new Map(index.traces.map((trace) => [trace, { out: 0, in: 0 }]));
  for (const entry of index.spans) {
    for (const link of entry.span.links) {
      if (link.traceId === entry.span.traceId) continue;
      const from = counts.get(entry.trace);
      if (from) from.out += 1;
      const target = index.trace(link.traceId);
      const to = target === undefined ? undefined : counts.get(target);
      if (to) to.in += 1;
    }
  }
  return counts;
}

/** A table of the run's traces (spans, root, duration, links across traces): the graph's summary for large runs. */
export function traceSummary(host: ViewHost, index: RunIndex): HTMLElement {
  const counts = crossTraceLinks(index);
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      ...['Trace', 'Spans', 'First root', 'Duration', 'Links to other traces', 'Links from other traces'].map((name) =>
        h('th', { scope: 'col' }, name),
      ),
    ),
  );
  const rows = index.traces.slice(0, MAX_SUMMARY_TRACES).map((trace) => {
    const root = trace.spans[0];
    const count = counts.get(trace) ?? { out: 0, in: 0 };
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, traceEntryName(trace)),
      h('td', { class: 'tv-num' }, String(trace.spans.length)),
      h('td', {}, root === undefined ? '—' : spanButton(host, root)),
      h('td', { class: 'tv-num' }, formatDuration(trace.end - trace.start)),
      h('td', { class: 'tv-num' }, String(count.out)),
      h('td', { class: 'tv-num' }, String(count.in)),
    );
  });
  const more = index.traces.length - MAX_SUMMARY_TRACES;
  return h(
    'div',
    { class: 'tv-table-scroll', tabindex: '0', role: 'group', 'aria-label': 'Traces of the run' },
    h(
      'table',
      { class: 'tv-table' },
      h(
        'caption',
        {},
        `Every trace of the run${more > 0 ? ` (the first ${String(MAX_SUMMARY_TRACES)} of ${String(index.traces.length)})` : ''}`,
      ),
      head,
      h('tbody', {}, ...rows),
    ),
  );
}
