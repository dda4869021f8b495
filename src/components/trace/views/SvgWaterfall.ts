import { h, s, uniqueId } from '../dom/h.ts';
import { formatDuration, plural } from '../model/format.ts';
import type { IndexedSpan, RunIndex, TraceEntry } from '../model/RunIndex.ts';
import { durationText, spanTitle, statusText } from '../model/span-rows.ts';
import { spanKey, type SpanRef } from '../model/span-ref.ts';
import { refOf, shortId } from './span-bits.ts';
import type { ViewHost } from './view-types.ts';

type Row = { kind: 'trace'; trace: TraceEntry } | { kind: 'span'; entry: IndexedSpan };

/** Height of one row, in CSS pixels. */
export const ROW_HEIGHT = 22;
// Rows drawn above and below the visible ones, so a quick scroll shows no gap.
const OVERSCAN = 15;
const CHAR_WIDTH = 6.6;

/**
 * A waterfall of our own for runs too large for Mermaid: one SVG row per span (each trace on its
 * own time scale, under a header row), drawing only the rows in view, so 10,000 spans scroll
 * smoothly. A listbox: arrows, Page Up/Down, Home and End move, Enter or a click selects.
 */
export class SvgWaterfall {
  /** The scrolling listbox to put in the page. */
  readonly element: HTMLElement;
  readonly #host: ViewHost;
  readonly #rows: Row[] = [];
  readonly #rowOf = new Map<string, number>();
  readonly #spacer: HTMLElement;
  readonly #svg: SVGSVGElement;
  readonly #id = uniqueId('tv-wf');
  readonly #resize: ResizeObserver | null;
  #active = -1;
  #selected = -1;
  #frame = 0;

  constructor(host: ViewHost, index: RunIndex) {
    this.#host = host;
    for (const trace of index.traces) {
      this.#rows.push({ kind: 'trace', trace });
      for (const entry of trace.spans) {
        if (!this.#rowOf.has(entry.key)) this.#rowOf.set(entry.key, this.#rows.length);
        this.#rows.push({ kind: 'span', entry });
      }
    }
    this.#svg = s('svg', { class: 'tv-svgwf-svg', role: 'none' });
    this.#spacer = h('div', { class: 'tv-svgwf-spacer', role: 'none' }, this.#svg);
    this.#spacer.style.height = `${String(this.#rows.length * ROW_HEIGHT)}px`;
    this.element = h(
      'div',
      {
        class: 'tv-svgwf',
        role: 'listbox',
        tabindex: '0',
        'aria-label': `Waterfall of ${String(index.spans.length)} spans`,
      },
      this.#spacer,
    );
    this.element.addEventListener('scroll', () => this.#schedule());
    this.element.addEventListener('keydown', (event) => this.#onKey(event));
    this.element.addEventListener('click', (event) => this.#onClick(event));
    this.element.addEventListener('focus', () => {
      if (this.#active < 0) this.#moveTo(this.#selected >= 0 ? this.#selected : this.#step(-1, 1));
    });
    this.#resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.#schedule()) : null;
    this.#resize?.observe(this.element);
    this.draw();
  }

  /** Marks the selected span; `reveal` scrolls it into view. */
  setSelected(ref: SpanRef | null, reveal: boolean): void {
    this.#selected = ref === null ? -1 : (this.#rowOf.get(spanKey(ref.traceId, ref.spanId)) ?? -1);
    if (reveal && this.#selected >= 0) {
      this.#active = this.#selected;
      this.#scrollTo(this.#selected);
    }
    this.draw();
  }

  /** Stops watching the element's size. */
  dispose(): void {
    this.#resize?.disconnect();
    cancelAnimationFrame(this.#frame);
  }

  /** Draws the rows in view now. */
  draw(): void {
    const { scrollTop, clientHeight, clientWidth } = this.element;
    const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
    const visible = clientHeight > 0 ? Math.ceil(clientHeight / ROW_HEIGHT) : 30;
    const last = Math.min(this.#rows.length, first + visible + 2 * OVERSCAN);
    const width = clientWidth > 0 ? clientWidth : 800;
    const labelWidth = Math.max(160, Math.min(420, width * 0.38));
    const barLeft = labelWidth + 8;
    const barWidth = Math.max(40, width - barLeft - 150);
    this.#svg.setAttribute('width', String(width));
    this.#svg.setAttribute('height', String((last - first) * ROW_HEIGHT));
    this.#svg.style.top = `${String(first * ROW_HEIGHT)}px`;
    const groups: SVGGElement[] = [];
    for (let i = first; i < last; i++) {
      const row = this.#rows[i];
      if (row === undefined) continue;
      const y = (i - first) * ROW_HEIGHT;
      groups.push(
        row.kind === 'trace'
          ? this.#traceRow(row.trace, y, width)
          : this.#spanRow(row.entry, i, y, { labelWidth, barLeft, barWidth }),
      );
    }
    this.#svg.replaceChildren(...groups);
    const active = this.#active >= first && this.#active < last ? `${this.#id}-r${String(this.#active)}` : undefined;
    if (active === undefined) this.element.removeAttribute('aria-activedescendant');
    else this.element.setAttribute('aria-activedescendant', active);
  }

  #traceRow(trace: TraceEntry, y: number, width: number): SVGGElement {
    const text = `Trace ${shortId(trace.traceId)} · ${plural(trace.spans.length, 'span')} · ${formatDuration(trace.end - trace.start)}`;
    return s(
      'g',
      { class: 'tv-wf-trace', role: 'none', transform: `translate(0 ${String(y)})` },
      s('rect', { x: '0', y: '1', width: String(width), height: String(ROW_HEIGHT - 2) }),
      s('text', { x: '6', y: '15' }, text),
    );
  }

  #spanRow(
    entry: IndexedSpan,
    i: number,
    y: number,
    layout: { labelWidth: number; barLeft: number; barWidth: number },
  ): SVGGElement {
    const { span, trace } = entry;
    const scale = layout.barWidth / Math.max(1, trace.end - trace.start);
    const x = layout.barLeft + (span.start - trace.start) * scale;
    const width = Math.max(2, ((span.end ?? trace.end) - span.start) * scale);
    const indent = 4 + Math.min(entry.depth, 12) * 10;
    const title = spanTitle(entry);
    const maxChars = Math.max(4, Math.floor((layout.labelWidth - indent) / CHAR_WIDTH));
    const label = title.length > maxChars ? `${title.slice(0, maxChars - 1)}…` : title;
    const error = span.status.code === 'error';
    const open = span.end === null;
    const classes = [
      'tv-wf-row',
      error ? 'tv-wf-error' : '',
      open ? 'tv-wf-open' : '',
      i === this.#selected ? 'tv-selected' : '',
      i === this.#active ? 'tv-active' : '',
    ];
    const note = `${durationText(entry)}${error ? ' ✖ error' : ''}`;
    return s(
      'g',
      {
        id: `${this.#id}-r${String(i)}`,
        class: classes.filter((c) => c !== '').join(' '),
        role: 'option',
        'aria-selected': String(i === this.#selected),
        // Starts with the text the row shows, so what is seen is what is heard.
        'aria-label': `${label} ${note}, status ${statusText(entry)}${label === title ? '' : `, ${title}`}`,
        'data-row': String(i),
        transform: `translate(0 ${String(y)})`,
      },
      s('rect', {
        class: 'tv-wf-hit',
        x: '0',
        y: '0',
        width: String(layout.barLeft + layout.barWidth + 150),
        height: String(ROW_HEIGHT),
      }),
      s('text', { class: 'tv-wf-label', x: String(indent), y: '15' }, label),
      s('rect', {
        class: 'tv-wf-bar',
        x: String(x),
        y: '4',
        width: String(width),
        height: String(ROW_HEIGHT - 8),
        rx: '2',
      }),
      // The leading space separates it from the label in the row's text (SVG does not draw it).
      s(
        'text',
        { class: 'tv-wf-note', x: String(Math.min(x + width + 4, layout.barLeft + layout.barWidth + 4)), y: '15' },
        ` ${note}`,
      ),
    );
  }

  #schedule(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.draw());
  }

  /** The next span row from `from` in direction `direction`, or `from` when there is none. */
  #step(from: number, direction: 1 | -1): number {
    for (let i = from + direction; i >= 0 && i < this.#rows.length; i += direction) {
      if (this.#rows[i]?.kind === 'span') return i;
    }
    return from;
  }

  #scrollTo(i: number): void {
    const top = i * ROW_HEIGHT;
    const { scrollTop, clientHeight } = this.element;
    if (top < scrollTop) this.element.scrollTop = top;
    else if (top + ROW_HEIGHT > scrollTop + clientHeight) this.element.scrollTop = top + ROW_HEIGHT - clientHeight;
  }

  #moveTo(i: number): void {
    if (this.#rows[i]?.kind !== 'span') return;
    this.#active = i;
    this.#scrollTo(i);
    this.draw();
  }

  #onKey(event: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.element.clientHeight / ROW_HEIGHT) - 1);
    const at = this.#active;
    const moves: Record<string, () => number> = {
      ArrowDown: () => this.#step(at, 1),
      ArrowUp: () => this.#step(Math.max(at, 0), -1),
      PageDown: () => this.#step(Math.min(this.#rows.length, at + page) - 1, 1),
      PageUp: () => this.#step(Math.max(0, at - page) + 1, -1),
      Home: () => this.#step(-1, 1),
      End: () => this.#step(this.#rows.length, -1),
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      this.#moveTo(move());
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#pick(at);
    }
  }

  #onClick(event: MouseEvent): void {
    const row = event.target instanceof Element ? event.target.closest('[data-row]') : null;
    const i = Number(row?.getAttribute('data-row') ?? -1);
    if (i < 0) return;
    this.#active = i;
    this.#pick(i);
  }

  #pick(i: number): void {
    const row = this.#rows[i];
    if (row?.kind === 'span') this.#host.pick(refOf(row.entry));
  }
}
