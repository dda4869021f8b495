import { flaggedSpans } from '../model/problems.ts';
import { buildWaterfall, danglingMark, type RunWaterfall } from '@spanlab/engine';
import { h } from '../dom/h.ts';
import { formatDuration, plural } from '../model/format.ts';
import type { IndexedSpan, RunIndex, TraceEntry } from '../model/RunIndex.ts';
import { afterPaint } from '../dom/after-paint.ts';
import { GANTT_BAR_GAP, GANTT_BAR_HEIGHT, type MermaidLook, SECTION_TITLE_WIDTH } from '../mermaid/load-mermaid.ts';
import { mermaidWarm, preloadMermaid } from '../mermaid/preload-mermaid.ts';
import { spanTitle } from '../model/span-rows.ts';
import { renderSvg } from '../mermaid/render-svg.ts';
import { wireDiagram, type DiagramItem } from './diagram-items.ts';
import { DiagramPanel, type DiagramContent } from './DiagramPanel.ts';
import { notice, traceEntryName } from './span-bits.ts';
import { SvgWaterfall } from './SvgWaterfall.ts';
import type { RunData } from './view-types.ts';

/**
 * Most spans drawn as a Mermaid gantt chart: Mermaid takes about 1 ms a bar; larger runs get our
 * own waterfall, which draws any number of spans at once.
 */
export const MERMAID_WATERFALL_MAX_SPANS = 500;

/** Most traces drawn as sections of the Mermaid gantt chart; more get our own waterfall. */
export const MERMAID_WATERFALL_MAX_CHARTS = 20;

/** Smallest label text, in CSS pixels, the gantt chart may be shown at; narrower panels get a stacked list. */
export const MIN_LABEL_PX = 11;

/** Font size of the gantt chart's labels, in its own units (load-mermaid's `gantt.fontSize`). */
const GANTT_FONT = 12;

/** Width the gantt needs per axis tick label ("12000 ms" at 12 px, with room between). */
const TICK_PX = 70;

/** Narrowest label column, and the narrowest time axis beside it; a panel with less room gets the stacked list. */
const MIN_LABEL_COLUMN = 140;
const MIN_AXIS = 160;

/** Average width of a label character at 12 px, for sizing the label column before drawing. */
const CHAR_PX = 6.6;

/** Mermaid's gantt layout (load-mermaid's bar height and gap, Mermaid's default top padding): height = bars × (bar + gap) + 2 × top padding. */
const GANTT_ROW = GANTT_BAR_HEIGHT + GANTT_BAR_GAP;
const GANTT_TOP_PADDING = 50;

/** What the zoom menu offers: every trace on one clock, or one trace on its own. */
type Zoom = { kind: 'all' } | { kind: 'trace'; traceId: string };

/** A trace in words: its number and short id, span count, duration and when it starts. */
function traceLine(trace: TraceEntry, origin: number): string {
  return `${traceEntryName(trace)} · ${plural(trace.spans.length, 'span')} · ${formatDuration(trace.end - trace.start)}, from ${formatDuration(trace.start - origin)}`;
}

/** The bars Mermaid drew: rect `<id>-t<trace>s<row>`, label `<id>-t<trace>s<row>-text`. */
function ganttItems(svg: SVGSVGElement, id: string, index: RunIndex): DiagramItem[] {
  const pattern = new RegExp(`^${id}-t(\\d+)s(\\d+)(-text)?$`);
  const bars = new Map<string, { rect?: SVGElement; text?: SVGElement; trace: number; row: number }>();
  for (const element of svg.querySelectorAll<SVGElement>('rect[id], text[id]')) {
    const match = pattern.exec(element.id);
    if (match === null) continue;
    const key = `${match[1] ?? ''}/${match[2] ?? ''}`;
    const bar = bars.get(key) ?? { trace: Number(match[1]), row: Number(match[2]) };
    if (match[3] === undefined) bar.rect = element;
    else bar.text = element;
    bars.set(key, bar);
  }
  const items: DiagramItem[] = [];
  for (const bar of bars.values()) {
    const entry = index.traces[bar.trace]?.spans[bar.row];
    if (bar.rect !== undefined && entry !== undefined)
      items.push({ element: bar.rect, companions: bar.text ? [bar.text] : [], entry });
  }
  // Mermaid adds bars in order of start time but places them in the text's order: keys follow the rows.
  const top = (item: DiagramItem): number => Number(item.element.getAttribute('y') ?? 0);
  return items.sort((a, b) => top(a) - top(b));
}

/** The mark after a row's label for its dangling links (as the engine's chart writes it). */
export function rowDanglingMark(index: RunIndex, entry: IndexedSpan): string {
  return danglingMark(entry.span.links.flatMap((link) => index.danglingOf(entry, link) ?? []));
}

/** The width of the label column: the longest label's estimate, within bounds set by the panel's width. */
function labelColumn(index: RunIndex, width: number): number {
  let longest = 0;
  for (const entry of index.spans) {
    const marks =
      (entry.span.status.code === 'error' ? 10 : 0) +
      (entry.span.end === null ? 14 : 0) +
      rowDanglingMark(index, entry).length;
    longest = Math.max(longest, 3 * Math.min(entry.depth, 8) + spanTitle(entry).length + marks);
  }
  return Math.round(Math.max(MIN_LABEL_COLUMN, Math.min(width * 0.45, longest * CHAR_PX + 20)));
}

/**
 * Moves every bar's label into a column left of the time axis, after the section titles, as a
 * waterfall reads (Mermaid puts a label in, beside or before its bar, where it can leave the chart).
 */
function labelsInColumn(items: readonly DiagramItem[]): void {
  for (const { entry, companions } of items) {
    for (const text of companions) {
      text.setAttribute('x', String(SECTION_TITLE_WIDTH + 2));
      const classes = [
        'tv-wf-label-text',
        entry.span.status.code === 'error' ? 'tv-wf-label-error' : '',
        entry.span.sampled === false ? 'tv-wf-label-not-kept' : '',
      ];
      text.setAttribute('class', classes.filter((name) => name !== '').join(' '));
    }
  }
}

/** Cuts labels wider than the column with an ellipsis (the bar's accessible name keeps the whole title). */
function cutLabels(svg: SVGSVGElement, column: number): void {
  for (const text of svg.querySelectorAll<SVGTextElement>('text.tv-wf-label-text')) {
    if (typeof text.getComputedTextLength !== 'function' || text.getComputedTextLength() <= column) continue;
    const node = [...text.childNodes].reverse().find((child): child is Text => child.nodeType === Node.TEXT_NODE);
    if (node === undefined) continue;
    const full = node.data;
    let low = 0;
    let high = full.length;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      node.data = `${full.slice(0, middle)}…`;
      if (text.getComputedTextLength() <= column) low = middle;
      else high = middle;
    }
    node.data = `${full.slice(0, low)}…`;
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = full;
    text.append(title);
  }
}

/** Marks error bars with an icon beside the label (the bar itself gets an outline and a muted fill in CSS). */
function markErrors(items: readonly DiagramItem[]): void {
  for (const { entry, companions } of items) {
    if (entry.span.status.code !== 'error') continue;
    for (const text of companions) {
      const icon = document.createElementNS('http://www.w3.org/2000/svg', 'tspan');
      icon.setAttribute('class', 'tv-error-icon');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = '✖ ';
      text.insertBefore(icon, text.firstChild);
    }
  }
}

/** Marks the bars of spans the sampler did not keep (CSS draws them greyed and dashed). */
function markNotKept(items: readonly DiagramItem[]): void {
  for (const { entry, element } of items) if (entry.span.sampled === false) element.classList.add('tv-wf-not-kept');
}

/** Narrowest bar, in the chart's units: a span of 0 ms still shows where it happened on the clock. */
const MIN_BAR = 3;

/** Widens bars too narrow to see (spans of 0 ms, a producer's send) to a mark centred on their time. */
function markInstants(items: readonly DiagramItem[]): void {
  for (const { element } of items) {
    const width = Number(element.getAttribute('width') ?? 0);
    const x = Number(element.getAttribute('x') ?? 0);
    if (!(width < MIN_BAR) || !Number.isFinite(x)) continue;
    element.setAttribute('x', String(x - (MIN_BAR - Math.max(0, width)) / 2));
    element.setAttribute('width', String(MIN_BAR));
  }
}

/**
 * The Waterfall tab: every trace of the run on one clock in one Mermaid gantt chart (a menu zooms
 * on one trace), or our own SVG waterfall for large runs and for panels too narrow for the chart's
 * labels to stay readable.
 */
export class WaterfallView extends DiagramPanel {
  protected readonly what = 'the waterfall';
  #zoom: Zoom = { kind: 'all' };
  #zoomRun: RunData | null = null;

  protected async *build(run: RunData, stale: () => boolean): AsyncGenerator<DiagramContent> {
    // Counted first: a 10,000-span run should not pay for Mermaid text it will not draw.
    const { spans, traces } = run.index;
    if (this.#zoomRun !== run) this.#zoom = { kind: 'all' };
    this.#zoomRun = run;
    this.followsWidth = true;
    if (spans.length > MERMAID_WATERFALL_MAX_SPANS || traces.length > MERMAID_WATERFALL_MAX_CHARTS) {
      yield this.#ownWaterfall(run, 'large');
      return;
    }
    const width = Math.round(this.root.clientWidth || 800);
    const column = labelColumn(run.index, width);
    if (width - SECTION_TITLE_WIDTH - column - 24 < MIN_AXIS) {
      yield this.#ownWaterfall(run, 'narrow');
      return;
    }
    const focus = this.host.focus?.();
    const zoomed = this.#zoom.kind === 'trace' ? this.#zoom.traceId : undefined;
    const chart = buildWaterfall(run.index.records, {
      focus,
      unsampled: run.index.unsampled,
      ...(zoomed === undefined ? {} : { traceId: zoomed }),
      maxTicks: Math.max(2, Math.min(8, Math.floor((width - SECTION_TITLE_WIDTH - column) / TICK_PX))),
    });
    if (chart.truncated) {
      yield this.#ownWaterfall(run, 'large');
      return;
    }
    const ganttLeft = SECTION_TITLE_WIDTH + column;
    let first: { touched: () => boolean } | undefined;
    if (!mermaidWarm()) {
      // Mermaid has not loaded (a page's first Run): our own waterfall now, the gantt chart when it has.
      const drawn = this.#firstWaterfall(run, chart);
      first = drawn;
      yield drawn.content;
      await afterPaint();
      if (stale()) return;
      const loaded = await preloadMermaid();
      if (stale()) return;
      // Kept when Mermaid failed to load, or once the reader has used it: a swap would move what they point at.
      if (!loaded || drawn.touched()) {
        yield { nodes: [], selections: [], renderer: 'svg' };
        return;
      }
    }
    const content = await this.#chart({ dark: this.host.dark(), ganttWidth: width, ganttLeft }, chart, run);
    if (first?.touched() === true) {
      yield { nodes: [], selections: [], renderer: 'svg' };
      return;
    }
    yield { ...content, replace: first !== undefined, renderer: 'mermaid' };
    // Only measurable once in the page: text scaled below 11 px gets the stacked list instead.
    const svg = this.root.querySelector<SVGSVGElement>('figure.tv-mermaid svg');
    if (svg === null || stale()) return;
    cutLabels(svg, column - 8);
    if (labelPixels(svg) < MIN_LABEL_PX) yield { ...this.#ownWaterfall(run, 'narrow'), replace: true };
  }

  /**
   * The run drawn by our own waterfall in the gantt chart's frame (zoom menu, caption, legend) and
   * at its height, so the chart can replace it without moving the page; `touched` says whether the
   * reader has pointed at, focused or pressed a key in it since.
   */
  #firstWaterfall(run: RunData, chart: RunWaterfall): { content: DiagramContent; touched: () => boolean } {
    const own = new SvgWaterfall(this.host, run.index, {
      focus: this.host.focus?.(),
      flags: flaggedSpans(run.problems),
    });
    const bars = chart.sections.reduce((sum, section) => sum + (run.index.traces[section.index]?.spans.length ?? 0), 0);
    own.element.style.height = `${String(bars * GANTT_ROW + 2 * GANTT_TOP_PADDING)}px`;
    let touched = false;
    for (const type of ['pointerdown', 'keydown', 'focusin', 'wheel'] as const)
      own.element.addEventListener(type, () => (touched = true), { once: true, passive: true });
    const { caption, legend } = this.#frame(run, chart);
    const figure = h(
      'figure',
      { class: 'tv-chart tv-first-waterfall' },
      h('figcaption', {}, caption),
      own.element,
      legend,
    );
    return {
      content: {
        nodes: [this.#zoomMenu(run, chart), figure],
        selections: [own.selection()],
        renderer: 'svg-first',
      },
      touched: () => touched,
    };
  }

  /** The caption over a waterfall of `chart`'s traces and the legend under it. */
  #frame(run: RunData, chart: RunWaterfall): { caption: string; legend: HTMLElement } {
    const { index } = run;
    const origin = Math.min(...index.traces.map((trace) => trace.start));
    const legend = h(
      'ol',
      { class: 'tv-wf-legend', 'aria-label': 'Traces in the waterfall' },
      ...chart.sections.map((section) => {
        const trace = index.traces[section.index];
        return h('li', {}, trace === undefined ? '' : traceLine(trace, origin));
      }),
    );
    const caption =
      chart.sections.length === 1
        ? 'One trace'
        : `${String(chart.sections.length)} traces on one clock: the gaps between them are real time`;
    return { caption, legend };
  }

  async #chart(look: MermaidLook, chart: RunWaterfall, run: RunData): Promise<DiagramContent> {
    const { svg, id } = await renderSvg(look, chart.text, 'tv-gantt-');
    const { index } = run;
    svg.setAttribute(
      'aria-label',
      chart.sections.length === 1
        ? `Waterfall of trace ${String(chart.sections[0]?.number)}`
        : `Waterfall of ${String(chart.sections.length)} traces on one time axis`,
    );
    svg.dataset['fit'] = '';
    const items = ganttItems(svg, id, index);
    labelsInColumn(items);
    markErrors(items);
    markNotKept(items);
    markInstants(items);
    const selection = wireDiagram(this.host, svg, items, flaggedSpans(run.problems));
    const { caption, legend } = this.#frame(run, chart);
    const figure = h('figure', { class: 'tv-chart tv-mermaid' }, h('figcaption', {}, caption), svg, legend);
    return { nodes: [this.#zoomMenu(run, chart), figure], selections: [selection] };
  }

  /** The menu that zooms on one trace (with its own time axis) or shows them all on one clock. */
  #zoomMenu(run: RunData, chart: RunWaterfall): HTMLElement {
    const origin = Math.min(...run.index.traces.map((trace) => trace.start));
    const select = h(
      'select',
      { class: 'tv-wf-zoom' },
      h('option', { value: '' }, 'All traces on one clock'),
      ...run.index.traces.map((trace) => h('option', { value: trace.traceId }, `Only ${traceLine(trace, origin)}`)),
    );
    select.value = this.#zoom.kind === 'trace' ? this.#zoom.traceId : '';
    select.disabled = run.index.traces.length < 2 && chart.sections.length < 2;
    select.addEventListener('change', () => {
      this.#zoom = select.value === '' ? { kind: 'all' } : { kind: 'trace', traceId: select.value };
      this.themeChanged();
    });
    return h('label', { class: 'tv-wf-zoom-label' }, 'Show ', select);
  }

  #ownWaterfall(run: RunData, why: 'large' | 'narrow'): DiagramContent {
    const own = new SvgWaterfall(this.host, run.index, {
      focus: this.host.focus?.(),
      stacked: why === 'narrow',
      flags: flaggedSpans(run.problems),
    });
    const { spans, traces } = run.index;
    const text =
      why === 'large'
        ? `This run has ${plural(spans.length, 'span')} in ${plural(traces.length, 'trace')}, more than the Mermaid waterfall draws quickly: all of them are drawn here by a lighter waterfall, every trace on one clock.`
        : 'The panel is too narrow for the chart’s labels, so each span is listed with its bar under it, every trace on one clock.';
    return {
      nodes: [notice(text), own.element],
      selections: [own.selection()],
      renderer: 'svg',
    };
  }
}

/** The size in CSS pixels at which the chart's label text is shown (after the SVG is scaled to fit). */
export function labelPixels(svg: SVGSVGElement): number {
  const view = svg.viewBox.baseVal as SVGRect | null;
  const shown = svg.getBoundingClientRect().width;
  if (view === null || view.width === 0 || shown === 0) return GANTT_FONT;
  return (GANTT_FONT * shown) / view.width;
}
