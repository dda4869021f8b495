import { spanKey } from '@spanlab/engine';
import { h, uniqueId, type Child } from '../dom/h.ts';
import { cutText, formatCount, plural } from '../model/format.ts';
import type { IndexedSpan } from '../model/RunIndex.ts';
import { rowMatches, spanRow } from '../model/span-rows.ts';
import type { SpanRef } from '../model/span-ref.ts';
import { lineList, linkList, targetNode, traceEntryName } from './span-bits.ts';
import type { RunData, TraceView, ViewHost } from './view-types.ts';

/** Rows per page: a page of a 10,000-span run draws in a few milliseconds. */
export const PAGE_SIZE = 200;

// Longest name a row shows; longer ones say how much is left out.
const MAX_NAME = 500;

/** The compact columns of a span's row; its attributes and links follow on a line of their own. */
const COLUMNS: ReadonlyArray<{ name: string; class?: string }> = [
  { name: 'Name', class: 'tv-c-name' },
  { name: 'Service', class: 'tv-c-service' },
  { name: 'Kind' },
  { name: 'Start', class: 'tv-num' },
  { name: 'Duration', class: 'tv-num' },
  { name: 'Status' },
  { name: 'Links out', class: 'tv-num tv-c-count' },
  { name: 'Links in', class: 'tv-num tv-c-count' },
];

// How many levels a name is indented by, at most, and by how much per level.
const MAX_INDENT = 8;
const INDENT_EM = 0.8;

/** The row of a span's attributes and links, under the span's own row. */
function moreRowOf(row: HTMLTableRowElement): HTMLTableRowElement | null {
  const next = row.nextElementSibling;
  return next instanceof HTMLTableRowElement && next.classList.contains('tv-span-more') ? next : null;
}

/**
 * The Spans tab: every span as a table row, trace by trace in tree order, filtered and paged. A
 * span's row holds the compact columns (its name indented under its parent, service, kind, start,
 * duration, status, how many links out and in); a second row under it, one cell across the table,
 * holds what can be long: the status message, the parent, the attributes and the links.
 */
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
      h('tr', {}, ...COLUMNS.map((column) => h('th', { scope: 'col', class: column.class }, column.name))),
    );
    const table = h('table', { class: 'tv-table tv-span-table' }, caption, head);
    let body: HTMLTableSectionElement | undefined;
    let traceId: string | undefined;
    for (const entry of page) {
      if (entry.span.traceId !== traceId || body === undefined) {
        traceId = entry.span.traceId;
        const heading = `${traceEntryName(entry.trace)} · ${plural(entry.trace.spans.length, 'span')}`;
        body = h(
          'tbody',
          {},
          h(
            'tr',
            { class: 'tv-trace-row' },
            h(
              'th',
              { scope: 'colgroup', colspan: String(COLUMNS.length) },
              h('span', { class: 'tv-trace-heading' }, heading),
            ),
          ),
        );
        table.append(body);
      }
      body.append(...this.#spanRows(run, entry));
    }
    this.#body.replaceChildren(table);
    this.#mark(this.#host.selection.selected, false);
  }

  /** A span's row of compact columns, and the row under it with its status message, parent, attributes and links. */
  #spanRows(run: RunData, entry: IndexedSpan): [HTMLTableRowElement, HTMLTableRowElement] {
    const row = spanRow(run.index, entry);
    // A 1 MB name would swamp the table: it is cut here and shown whole in the details.
    const notKept = entry.span.sampled === false;
    const name = h(
      'button',
      { type: 'button', class: 'tv-name-button', 'aria-pressed': 'false' },
      cutText(row.name, MAX_NAME),
      notKept ? ' ' : null,
      notKept ? h('span', { class: 'tv-not-kept-tag' }, '(not kept)') : null,
    );
    const indent = `${String(0.4 + Math.min(entry.depth, MAX_INDENT) * INDENT_EM)}em`;
    name.style.paddingInlineStart = indent;
    name.addEventListener('click', () => this.#host.pick({ traceId: entry.span.traceId, spanId: entry.span.spanId }));
    const error = entry.span.status.code === 'error';
    const duration = entry.span.end === null ? h('span', { class: 'tv-open' }, `⋯ ${row.duration}`) : row.duration;
    const nameId = uniqueId('tv-span-');
    const dangling = row.linksOut.filter((link) => link.dangling !== undefined).length;
    const linksOut = h('td', { class: 'tv-num tv-c-count' }, String(row.linksOut.length));
    if (dangling > 0) {
      linksOut.append(
        ' ',
        h(
          'span',
          { class: 'tv-dangling-badge', title: 'Links whose target no backend received' },
          `⚠ ${String(dangling)} dangling`,
        ),
      );
    }
    const main = h(
      'tr',
      { 'data-span-key': entry.key, class: notKept ? 'tv-not-kept' : undefined },
      h('th', { scope: 'row', class: 'tv-c-name', id: nameId }, name),
      h('td', { class: 'tv-c-service' }, row.service),
      h('td', {}, row.kind),
      h('td', { class: 'tv-num' }, row.start),
      h('td', { class: 'tv-num' }, duration),
      h('td', { class: 'tv-c-status' }, error ? h('span', { class: 'tv-status-error' }, '✖ error') : row.status),
      linksOut,
      h('td', { class: 'tv-num tv-c-count' }, String(row.linksIn.length)),
    );
    // A press anywhere on the row picks its span, as in a trace viewer's list; the name stays the
    // button that keyboards and screen readers use. Selecting text to copy it picks nothing.
    main.addEventListener('click', (event) => {
      if (event.target instanceof Element && event.target.closest('button, a, input, select') !== null) return;
      if (window.getSelection()?.isCollapsed === false) return;
      name.click();
    });
    // On a phone each cell is a line of its own, introduced by its column's name.
    for (const [i, cell] of [...main.children].entries())
      if (cell.tagName === 'TD') cell.setAttribute('data-label', COLUMNS[i]?.name ?? '');
    const message = entry.span.status.message;
    const items: Array<[term: string, value: Child, className?: string]> = [];
    if (error && message !== undefined && message !== '') items.push(['Error', message, 'tv-more-error']);
    items.push([
      'Parent',
      row.parent === null ? h('span', { class: 'tv-none' }, '— (root)') : targetNode(this.#host, row.parent),
    ]);
    items.push(['Attributes', lineList(row.attributes), 'tv-more-attrs']);
    if (row.linksOut.length > 0) items.push(['Links out', linkList(this.#host, row.linksOut), 'tv-more-links']);
    if (row.linksIn.length > 0) items.push(['Links in', linkList(this.#host, row.linksIn), 'tv-more-links']);
    const list = h(
      'dl',
      { class: 'tv-more-list' },
      ...items.map(([term, value, className]) =>
        h(
          'div',
          { class: `tv-more-item${className === undefined ? '' : ` ${className}`}` },
          h('dt', {}, term),
          h('dd', {}, value),
        ),
      ),
    );
    list.style.paddingInlineStart = indent;
    const more = h(
      'tr',
      { class: `tv-span-more${notKept ? ' tv-not-kept' : ''}`, 'data-more-of': entry.key },
      h('td', { colspan: String(COLUMNS.length), headers: nameId }, list),
    );
    return [main, more];
  }

  #mark(selected: SpanRef | null, reveal: boolean): void {
    const key = selected === null ? null : spanKey(selected.traceId, selected.spanId);
    for (const row of this.#body.querySelectorAll<HTMLTableRowElement>('tr.tv-selected')) {
      row.classList.remove('tv-selected');
      if (row.classList.contains('tv-span-more')) continue;
      row.querySelector('.tv-name-button')?.setAttribute('aria-pressed', 'false');
    }
    if (key === null) return;
    for (const row of this.#body.querySelectorAll<HTMLTableRowElement>('tr[data-span-key]')) {
      if (row.dataset['spanKey'] !== key) continue;
      row.classList.add('tv-selected');
      moreRowOf(row)?.classList.add('tv-selected');
      row.querySelector('.tv-name-button')?.setAttribute('aria-pressed', 'true');
      if (reveal && this.#visible()) row.scrollIntoView({ block: 'nearest' });
      break;
    }
  }
}
