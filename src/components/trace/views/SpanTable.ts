import { spanKey } from '@spanlab/engine';
import { h } from '../dom/h.ts';
import { cutText, formatCount, plural } from '../model/format.ts';
import type { IndexedSpan } from '../model/RunIndex.ts';
import { rowMatches, spanRow } from '../model/span-rows.ts';
import type { SpanRef } from '../model/span-ref.ts';
import { lineList, linkList, shortId, targetNode } from './span-bits.ts';
import type { RunData, TraceView, ViewHost } from './view-types.ts';

/** Rows per page: a page of a 10,000-span run draws in a few milliseconds. */
export const PAGE_SIZE = 200;

// Longest name a row shows; longer ones say how much is left out.
const MAX_NAME = 500;

const COLUMNS = [
  'Service',
  'Name',
  'Kind',
  'Parent',
  'Start',
  'Duration',
  'Status',
  'Attributes',
  'Links out',
  'Links in',
];

/** The Spans tab: every span as a table row, trace by trace in tree order, filtered and paged. */
export class SpanTable implements TraceView {
  readonly #host: ViewHost;
  readonly #filter = h('input', { type: 'search', class: 'tv-filter', autocomplete: 'off', spellcheck: 'false' });
  readonly #count = h('p', { class: 'tv-count', role: 'status' });
  readonly #previous = h('button', { type: 'button' }, 'Previous page');
  readonly #next = h('button', { type: 'button' }, 'Next page');
  readonly #body = h('div', { class: 'tv-table-scroll', tabindex: '0', role: 'group', 'aria-label': 'Span table' });
  #run: RunData | null = null;
  #rows: IndexedSpan[] = [];
  #page = 0;
  #dirty = true;
  #visible: () => boolean;

  constructor(host: ViewHost, root: HTMLElement, visible: () => boolean) {
    this.#host = host;
    this.#visible = visible;
    const label = h('label', { class: 'tv-filter-label' }, 'Filter spans ', this.#filter);
    const tools = h(
      'div',
      { class: 'tv-table-tools' },
      label,
      this.#count,
      h('div', { class: 'tv-pager' }, this.#previous, this.#next),
    );
    root.append(tools, this.#body);
    this.#filter.addEventListener('input', () => {
      this.#page = 0;
      this.#filterRows();
      this.#draw();
    });
    this.#previous.addEventListener('click', () => this.#turn(-1));
    this.#next.addEventListener('click', () => this.#turn(1));
  }

  /** Takes a new run; keeps the filter. */
  setRun(run: RunData | null): void {
    this.#run = run;
    this.#page = 0;
    this.#filterRows();
    this.#dirty = true;
    if (this.#visible()) this.#draw();
  }

  /** Draws if a run arrived while hidden. */
  shown(): void {
    if (this.#dirty) this.#draw();
  }

  /** Moves to the selected span's page and marks its row. */
  selectionChanged(selected: SpanRef | null, reveal: boolean): void {
    if (selected !== null && reveal) {
      const key = spanKey(selected.traceId, selected.spanId);
      const at = this.#rows.findIndex((entry) => entry.key === key);
      if (at >= 0 && Math.floor(at / PAGE_SIZE) !== this.#page) {
        this.#page = Math.floor(at / PAGE_SIZE);
        this.#dirty = true;
      }
    }
    if (this.#dirty) {
      if (this.#visible()) this.#draw();
    } else this.#mark(selected, reveal);
  }

  /** Nothing in the table depends on the theme. */
  themeChanged(): void {}

  #filterRows(): void {
    const all = this.#run?.index.spans ?? [];
    const query = this.#filter.value;
    this.#rows = query.trim() === '' ? all : all.filter((entry) => rowMatches(entry, query));
  }

  #turn(step: number): void {
    const last = Math.max(0, Math.ceil(this.#rows.length / PAGE_SIZE) - 1);
    this.#page = Math.max(0, Math.min(last, this.#page + step));
    this.#draw();
  }

  #draw(): void {
    this.#dirty = false;
    const run = this.#run;
    const total = run?.index.spans.length ?? 0;
    const from = this.#page * PAGE_SIZE;
    const page = this.#rows.slice(from, from + PAGE_SIZE);
    this.#previous.disabled = this.#page === 0;
    this.#next.disabled = from + PAGE_SIZE >= this.#rows.length;
    const filtered = this.#rows.length === total ? '' : ` (${formatCount(this.#rows.length)} match the filter)`;
    this.#count.textContent =
      page.length === 0
        ? total === 0
          ? 'This run has no spans.'
          : `No span matches the filter, of ${formatCount(total)}.`
        : `Spans ${formatCount(from + 1)}–${formatCount(from + page.length)} of ${formatCount(total)}${filtered}.`;
    if (run === null || page.length === 0) {
      this.#body.replaceChildren();
      return;
    }
    const caption = h('caption', { class: 'tv-sr' }, 'Spans of the run, trace by trace, parents before children');
    const head = h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...COLUMNS.map((name) => h('th', { scope: 'col', class: name === 'Name' ? 'tv-c-name' : undefined }, name)),
      ),
    );
    const table = h('table', { class: 'tv-table' }, caption, head);
    let body: HTMLTableSectionElement | undefined;
    let traceId: string | undefined;
    for (const entry of page) {
      if (entry.span.traceId !== traceId || body === undefined) {
        traceId = entry.span.traceId;
        const heading = `Trace ${shortId(traceId)} — ${plural(entry.trace.spans.length, 'span')}`;
        body = h(
          'tbody',
          {},
          h('tr', { class: 'tv-trace-row' }, h('th', { scope: 'colgroup', colspan: String(COLUMNS.length) }, heading)),
        );
        table.append(body);
      }
      body.append(this.#row(run, entry));
    }
    this.#body.replaceChildren(table);
    this.#mark(this.#host.selection.selected, false);
  }

  #row(run: RunData, entry: IndexedSpan): HTMLTableRowElement {
    const row = spanRow(run.index, entry);
    // A 1 MB name would swamp the table: it is cut here and shown whole in the details.
    const name = h(
      'button',
      { type: 'button', class: 'tv-name-button', 'aria-pressed': 'false' },
      cutText(row.name, MAX_NAME),
    );
    name.style.paddingInlineStart = `${String(0.4 + Math.min(entry.depth, 12) * 0.9)}em`;
    name.addEventListener('click', () => this.#host.pick({ traceId: entry.span.traceId, spanId: entry.span.spanId }));
    const status =
      entry.span.status.code === 'error' ? h('span', { class: 'tv-status-error' }, `✖ ${row.status}`) : row.status;
    const duration = entry.span.end === null ? h('span', { class: 'tv-open' }, `⋯ ${row.duration}`) : row.duration;
    return h(
      'tr',
      { 'data-span-key': entry.key },
      h('td', { class: 'tv-c-service' }, row.service),
      h('th', { scope: 'row', class: 'tv-c-name' }, name),
      h('td', {}, row.kind),
      h(
        'td',
        { class: 'tv-c-wide' },
        row.parent === null ? h('span', { class: 'tv-none' }, '— (root)') : targetNode(this.#host, row.parent),
      ),
      h('td', { class: 'tv-num' }, row.start),
      h('td', { class: 'tv-num' }, duration),
      h('td', { class: 'tv-c-status' }, status),
      h('td', { class: 'tv-c-wide' }, lineList(row.attributes)),
      h('td', { class: 'tv-c-wide' }, linkList(this.#host, row.linksOut)),
      h('td', { class: 'tv-c-wide' }, linkList(this.#host, row.linksIn)),
    );
  }

  #mark(selected: SpanRef | null, reveal: boolean): void {
    const key = selected === null ? null : spanKey(selected.traceId, selected.spanId);
    for (const row of this.#body.querySelectorAll<HTMLTableRowElement>('tr.tv-selected')) {
      row.classList.remove('tv-selected');
      row.querySelector('.tv-name-button')?.setAttribute('aria-pressed', 'false');
    }
    if (key === null) return;
    for (const row of this.#body.querySelectorAll<HTMLTableRowElement>('tr[data-span-key]')) {
      if (row.dataset['spanKey'] !== key) continue;
      row.classList.add('tv-selected');
      row.querySelector('.tv-name-button')?.setAttribute('aria-pressed', 'true');
      if (reveal && this.#visible()) row.scrollIntoView({ block: 'nearest' });
      break;
    }
  }
}
