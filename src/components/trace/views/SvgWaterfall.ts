import { danglingMark, spanKey, tickStep, treeGuides } from '@spanlab/engine';
import { h, s, uniqueId } from '../dom/h.ts';
import { formatDuration, plural } from '../model/format.ts';
import type { IndexedSpan, RunIndex, TraceEntry } from '../model/RunIndex.ts';
import { durationText, spanTitle, statusText } from '../model/span-rows.ts';
import type { SpanRef } from '../model/span-ref.ts';
import type { SpanFlag } from '../model/problems.ts';
import type { DiagramSelection } from './diagram-items.ts';
import { refOf, traceEntryName } from './span-bits.ts';
import type { ViewHost } from './view-types.ts';

type Row =
  | { kind: 'trace'; trace: TraceEntry }
  | { kind: 'span'; entry: IndexedSpan; guide: string; folded: number; mark: string };

/** How the waterfall is laid out. */
export interface SvgWaterfallOptions {
  /** A span name: the traces holding it are drawn first. */
  focus?: string | null | undefined;
  /** Each span's label on a line of its own above its bar, for narrow panels. */
  stacked?: boolean;
  /** The spans the linter flagged, marked from the first drawing (later ones: `setFlags`). */
  flags?: ReadonlyMap<string, SpanFlag>;
}

/** Height of one row, in CSS pixels (twice that when stacked). */
export const ROW_HEIGHT = 22;
// Rows drawn above and below the visible ones, so a quick scroll shows no gap.
const OVERSCAN = 15;
const CHAR_WIDTH = 6.6;
/** Height of the time axis under the rows, which stays in view while they scroll. */
export const AXIS_HEIGHT = 22;
// About one tick every this many pixels, as in the Mermaid waterfall.
const TICK_PX = 70;

/** The traces in drawing order: those holding a span named `focus` first, then by first span. */
function ordered(traces: readonly TraceEntry[], focus: string | null | undefined): TraceEntry[] {
  if (focus === undefined || focus === null || focus === '') return [...traces];
  const focused = traces.filter((trace) => trace.spans.some((entry) => entry.span.name === focus));
  return [...focused, ...traces.filter((trace) => !focused.includes(trace))];
}

/**
 * A waterfall of our own for runs too large for Mermaid and for narrow panels: one SVG row per
 * span under a header row per trace, every trace on one clock (as in the Mermaid waterfall),
 * children under tree guides, a trace of 0 ms with several spans folded into one row; drawing
 * only the rows in view, so 10,000 spans scroll smoothly. Stacked, each label sits on its own
 * line above its bar, so text keeps its size in a narrow panel. A listbox: arrows, Page Up/Down,
 * Home and End move, Enter or a click selects.
 */
export class SvgWaterfall {
  /** The scrolling listbox to put in the page. */
  readonly element: HTMLElement;
  readonly #host: ViewHost;
  readonly #rows: Row[] = [];
  readonly #rowOf = new Map<string, number>();
  readonly #spacer: HTMLElement;
  readonly #svg: SVGSVGElement;
  readonly #axis: SVGSVGElement;
  /** The width the axis was last drawn for: only a change of width moves its ticks. */
  #axisWidth = -1;
  readonly #id = uniqueId('tv-wf');
  readonly #resize: ResizeObserver | null;
  readonly #stacked: boolean;
  readonly #rowHeight: number;
  readonly #start: number;
  readonly #end: number;
  #active = -1;
  #selected = -1;
  #frame = 0;
  #pressing = false;
  #flags: ReadonlyMap<string, SpanFlag> = new Map();

  constructor(host: ViewHost, index: RunIndex, options: SvgWaterfallOptions = {}) {
    this.#host = host;
    this.#stacked = options.stacked === true;
    this.#rowHeight = this.#stacked ? 2 * ROW_HEIGHT : ROW_HEIGHT;
    this.#flags = options.flags ?? new Map();
    this.#start = Math.min(...index.traces.map((trace) => trace.start));
    this.#end = Math.max(...index.traces.map((trace) => trace.end));
    for (const trace of ordered(index.traces, options.focus)) {
      // Named as every view names it (numbered by first span), even when `focus` draws it first.
      this.#rows.push({ kind: 'trace', trace });
      const folded = trace.spans.length > 1 && trace.end === trace.start;
      const guides = treeGuides(trace.spans);
      for (const [row, entry] of trace.spans.entries()) {
        if (!this.#rowOf.has(entry.key))
          this.#rowOf.set(entry.key, folded ? this.#rows.length - row : this.#rows.length);
        if (folded && row > 0) continue;
        this.#rows.push({
          kind: 'span',
          entry,
          guide: folded ? '' : (guides[row] ?? ''),
          folded: folded ? trace.spans.length - 1 : 0,
          mark: danglingMark(entry.span.links.flatMap((link) => index.danglingOf(entry, link) ?? [])),
        });
      }
    }
    this.#svg = s('svg', { class: 'tv-svgwf-svg', role: 'none' });
    this.#spacer = h('div', { class: 'tv-svgwf-spacer', role: 'none' }, this.#svg);
    this.#spacer.style.height = `${String(this.#rows.length * this.#rowHeight)}px`;
    // Times are also in each row's note: the axis is for the eye only.
    this.#axis = s('svg', { class: 'tv-svgwf-axis', 'aria-hidden': 'true', height: String(AXIS_HEIGHT) });
    this.element = h(
      'div',
      {
        class: `tv-svgwf${this.#stacked ? ' tv-svgwf-stacked' : ''}`,
        role: 'listbox',
        tabindex: '0',
        'aria-label': `Waterfall of ${String(index.spans.length)} spans`,
      },
      this.#spacer,
      h('div', { class: 'tv-svgwf-axisbar', role: 'none' }, this.#axis),
    );
    this.element.addEventListener('scroll', () => this.#schedule());
    this.element.addEventListener('keydown', (event) => this.#onKey(event));
    this.element.addEventListener('click', (event) => this.#onClick(event));
    // Focused by a press: the click picks the row. Drawing now would replace the row under the
    // pointer between its mousedown and mouseup, and the browser would then fire no click. A mouse
    // focuses between pointerdown and pointerup; a finger's tap focuses after its pointerup (with
    // the mousedown a tap sends), so for touch and pen the press lasts until the click.
    this.element.addEventListener('pointerdown', () => (this.#pressing = true));
    this.element.addEventListener('pointerup', (event) => {
      if (event.pointerType === 'mouse') this.#pressing = false;
    });
    for (const type of ['click', 'pointercancel', 'contextmenu'] as const)
      this.element.addEventListener(type, () => (this.#pressing = false));
    this.element.addEventListener('focus', () => {
      if (this.#active < 0 && !this.#pressing) this.#moveTo(this.#selected >= 0 ? this.#selected : this.#step(-1, 1));
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

  /** Marks the spans the linter flagged (a dashed outline, and the rule in the row's name), as the Mermaid waterfall does. */
  setFlags(flags: ReadonlyMap<string, SpanFlag>): void {
    this.#flags = flags;
    this.draw();
  }

  /** This waterfall as a diagram panel's selection: marks, flags and disposal. */
  selection(): DiagramSelection {
    return {
      mark: (selected, reveal) => this.setSelected(selected, reveal !== 'none'),
      flag: (flags) => this.setFlags(flags),
      dispose: () => this.dispose(),
    };
  }

  /** Stops watching the element's size. */
  dispose(): void {
    this.#resize?.disconnect();
    cancelAnimationFrame(this.#frame);
  }

  /** Draws the rows in view now. */
  draw(): void {
    const { scrollTop, clientHeight, clientWidth } = this.element;
    const height = this.#rowHeight;
    const first = Math.max(0, Math.floor(scrollTop / height) - OVERSCAN);
    const visible = clientHeight > 0 ? Math.ceil(clientHeight / height) : 30;
    const last = Math.min(this.#rows.length, first + visible + 2 * OVERSCAN);
    const width = clientWidth > 0 ? clientWidth : 800;
    const labelWidth = this.#stacked ? width - 8 : Math.max(160, Math.min(420, width * 0.38));
    const barLeft = this.#stacked ? 4 : labelWidth + 8;
    const noteWidth = this.#stacked ? 90 : 150;
    const barWidth = Math.max(40, width - barLeft - noteWidth);
    const ticks = this.#ticks(barLeft, barWidth);
    this.#svg.setAttribute('width', String(width));
    this.#svg.setAttribute('height', String((last - first) * height));
    this.#svg.style.top = `${String(first * height)}px`;
    const groups: SVGGElement[] = [];
    for (let i = first; i < last; i++) {
      const row = this.#rows[i];
      if (row === undefined) continue;
      const y = (i - first) * height;
      groups.push(
        row.kind === 'trace'
          ? this.#traceRow(row.trace, y, width)
          : this.#spanRow(row, i, y, { labelWidth, barLeft, barWidth }),
      );
    }
    this.#svg.replaceChildren(this.#grid(ticks, (last - first) * height), ...groups);
    if (width !== this.#axisWidth) this.#drawAxis(ticks, width);
    const active = this.#active >= first && this.#active < last ? `${this.#id}-r${String(this.#active)}` : undefined;
    if (active === undefined) this.element.removeAttribute('aria-activedescendant');
    else this.element.setAttribute('aria-activedescendant', active);
  }

  /** Where the axis's ticks fall: times from the first span's start, and their x. */
  #ticks(barLeft: number, barWidth: number): { at: number; x: number }[] {
    const range = this.#end - this.#start;
    // Steps of whole µs for a run shorter than 10 ms, as the Mermaid waterfall's axis.
    const perMs = range > 0 && range < 10 ? 1000 : 1;
    const step = tickStep(range * perMs, Math.max(2, Math.min(8, Math.floor(barWidth / TICK_PX)))) / perMs;
    const scale = barWidth / Math.max(1, range);
    const ticks: { at: number; x: number }[] = [];
    // Counted in whole steps: 3 × 0.1 ms is a hair over 0.3 ms in floating point.
    const count = Math.floor((range * perMs) / (step * perMs) + 1e-9);
    for (let i = 0; i <= count; i++) ticks.push({ at: i * step, x: barLeft + i * step * scale });
    return ticks;
  }

  /** A faint line down the rows at each tick. */
  #grid(ticks: readonly { x: number }[], height: number): SVGPathElement {
    const d = ticks.map(({ x }) => `M${x.toFixed(1)} 0V${String(height)}`).join('');
    return s('path', { class: 'tv-wf-grid', d, 'aria-hidden': 'true' });
  }

  /** The time axis: a tick and its time, from the first span's start. */
  #drawAxis(ticks: readonly { at: number; x: number }[], width: number): void {
    this.#axisWidth = width;
    // A run shorter than 10 ms reads in whole µs throughout, as the Mermaid waterfall's axis.
    const range = this.#end - this.#start;
    const label = range > 0 && range < 10 ? (at: number) => `${String(Math.round(at * 1000))} µs` : formatDuration;
    this.#axis.setAttribute('width', String(width));
    this.#axis.replaceChildren(
      s('path', { class: 'tv-wf-grid', d: ticks.map(({ x }) => `M${x.toFixed(1)} 0v5`).join('') }),
      ...ticks.map(({ at, x }, i) =>
        s('text', { x: x.toFixed(1), y: '16', 'text-anchor': i === 0 && x < 20 ? 'start' : 'middle' }, label(at)),
      ),
    );
  }

  #traceRow(trace: TraceEntry, y: number, width: number): SVGGElement {
    const text = `${traceEntryName(trace)} · ${plural(trace.spans.length, 'span')} · ${formatDuration(trace.end - trace.start)}, from ${formatDuration(trace.start - this.#start)}`;
    const top = (this.#rowHeight - ROW_HEIGHT) / 2;
    return s(
      'g',
      { class: 'tv-wf-trace', role: 'none', transform: `translate(0 ${String(y)})` },
      s('rect', { x: '0', y: String(top + 1), width: String(width), height: String(ROW_HEIGHT - 2) }),
      s('text', { x: '6', y: String(top + 15) }, text),
    );
  }

  #spanRow(
    row: { entry: IndexedSpan; guide: string; folded: number; mark: string },
    i: number,
    y: number,
    layout: { labelWidth: number; barLeft: number; barWidth: number },
  ): SVGGElement {
    const { entry, guide, folded, mark } = row;
    const { span, trace } = entry;
    const scale = layout.barWidth / Math.max(1, this.#end - this.#start);
    const x = layout.barLeft + (span.start - this.#start) * scale;
    const width = Math.max(2, ((span.end ?? trace.end) - span.start) * scale);
    const title = spanTitle(entry) + (folded > 0 ? ` and ${String(folded)} more, all at 0 ms` : '') + mark;
    const maxChars = Math.max(4, Math.floor(layout.labelWidth / CHAR_WIDTH) - guide.length);
    const label = title.length > maxChars ? `${title.slice(0, maxChars - 1)}…` : title;
    const barY = this.#rowHeight - ROW_HEIGHT;
    const error = span.status.code === 'error';
    const open = span.end === null;
    const classes = [
      'tv-wf-row',
      error ? 'tv-wf-error' : '',
      open ? 'tv-wf-open' : '',
      span.sampled === false ? 'tv-wf-not-kept' : '',
      i === this.#selected ? 'tv-selected' : '',
      i === this.#active ? 'tv-active' : '',
    ];
    const note = `${durationText(entry)}${error ? ' ✖ error' : ''}`;
    const flag = this.#flags.get(entry.key);
    if (flag) classes.push('tv-flagged', `tv-flagged-${flag.severity}`);
    const flagged = flag ? `, linter ${flag.severity}: ${flag.rules.join(', ')}` : '';
    return s(
      'g',
      {
        id: `${this.#id}-r${String(i)}`,
        class: classes.filter((c) => c !== '').join(' '),
        role: 'option',
        'aria-selected': String(i === this.#selected),
        // Starts with the text the row shows, so what is seen is what is heard.
        'aria-label': `${label} ${note}, status ${statusText(entry)}${label === title ? '' : `, ${title}`}${flagged}`,
        'data-row': String(i),
        transform: `translate(0 ${String(y)})`,
      },
      s('rect', {
        class: 'tv-wf-hit',
        x: '0',
        y: '0',
        width: String(layout.barLeft + layout.barWidth + 150),
        height: String(this.#rowHeight),
      }),
      s(
        'text',
        { class: 'tv-wf-label', x: '4', y: '15' },
        s('tspan', { class: 'tv-wf-guide', 'aria-hidden': 'true' }, guide),
        label,
      ),
      s('rect', {
        class: 'tv-wf-bar',
        x: String(x),
        y: String(barY + 4),
        width: String(width),
        height: String(ROW_HEIGHT - 8),
        rx: '2',
      }),
      // The leading space separates it from the label in the row's text (SVG does not draw it).
      s(
        'text',
        {
          class: 'tv-wf-note',
          x: String(Math.min(x + width + 4, layout.barLeft + layout.barWidth + 4)),
          y: String(barY + 15),
        },
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
    const height = this.#rowHeight;
    const top = i * height;
    const { scrollTop, clientHeight } = this.element;
    const shown = clientHeight - AXIS_HEIGHT;
    if (top < scrollTop) this.element.scrollTop = top;
    else if (top + height > scrollTop + shown) this.element.scrollTop = top + height - shown;
  }

  #moveTo(i: number): void {
    if (this.#rows[i]?.kind !== 'span') return;
    this.#active = i;
    this.#scrollTo(i);
    this.draw();
  }

  #onKey(event: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.element.clientHeight / this.#rowHeight) - 1);
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
