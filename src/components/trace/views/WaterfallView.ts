import { flaggedSpans, type SpanFlag } from '../model/problems.ts';
import { buildWaterfalls, type TraceWaterfall } from '../../../simulator/index.ts';
import { h } from '../dom/h.ts';
import { formatDuration, plural } from '../model/format.ts';
import type { TraceEntry } from '../model/RunIndex.ts';
import { loadMermaid } from '../mermaid/load-mermaid.ts';
import { renderSvg } from '../mermaid/render-svg.ts';
import { wireDiagram, type DiagramItem } from './diagram-items.ts';
import { DiagramPanel, type DiagramContent } from './DiagramPanel.ts';
import { notice, shortId } from './span-bits.ts';
import { SvgWaterfall } from './SvgWaterfall.ts';
import type { RunData } from './view-types.ts';

/**
 * Most spans drawn as Mermaid gantt charts: Mermaid takes about 1 ms a bar plus 30 ms a chart;
 * larger runs get our own waterfall, which draws any number of spans at once.
 */
export const MERMAID_WATERFALL_MAX_SPANS = 500;

/** Most traces drawn as Mermaid gantt charts (each costs about 25 ms more); more get our own waterfall. */
export const MERMAID_WATERFALL_MAX_CHARTS = 20;

/** The trace's caption: short id, span count and duration. */
function caption(trace: TraceEntry): string {
  return `Trace ${shortId(trace.traceId)} · ${plural(trace.spans.length, 'span')} · ${formatDuration(trace.end - trace.start)}`;
}

/** The bars Mermaid drew for a trace: rect `<id>-s<row>`, label `<id>-s<row>-text`. */
function ganttItems(svg: SVGSVGElement, id: string, trace: TraceEntry): DiagramItem[] {
  const pattern = new RegExp(`^${id}-s(\\d+)(-text)?$`);
  const bars = new Map<number, { rect?: SVGElement; text?: SVGElement }>();
  for (const element of svg.querySelectorAll<SVGElement>('rect[id], text[id]')) {
    const match = pattern.exec(element.id);
    if (match === null) continue;
    const row = Number(match[1]);
    const bar = bars.get(row) ?? {};
    if (match[2] === undefined) bar.rect = element;
    else bar.text = element;
    bars.set(row, bar);
  }
  const items: DiagramItem[] = [];
  trace.spans.forEach((entry, row) => {
    const bar = bars.get(row);
    if (bar?.rect !== undefined) items.push({ element: bar.rect, companions: bar.text ? [bar.text] : [], entry });
  });
  return items;
}

/** The Waterfall tab: a Mermaid gantt chart per trace, or our own SVG waterfall for large runs. */
export class WaterfallView extends DiagramPanel {
  protected readonly what = 'the waterfall';

  protected async *build(run: RunData, stale: () => boolean): AsyncGenerator<DiagramContent> {
    // Counted first: a 10,000-span run should not pay for Mermaid text it will not draw.
    const { spans, traces } = run.index;
    this.followsWidth = false;
    if (spans.length > MERMAID_WATERFALL_MAX_SPANS || traces.length > MERMAID_WATERFALL_MAX_CHARTS) {
      yield this.#ownWaterfall(run);
      return;
    }
    const charts = buildWaterfalls(run.result.spans);
    if (charts.some((chart) => chart.truncated)) {
      yield this.#ownWaterfall(run);
      return;
    }
    this.followsWidth = true;
    const ganttWidth = Math.max(480, Math.round(this.root.clientWidth || 800));
    const mermaid = await loadMermaid({ dark: this.host.dark(), ganttWidth });
    const flags = flaggedSpans(run.problems);
    for (const [i, chart] of charts.entries()) {
      const trace = run.index.traces[i];
      if (trace === undefined || stale()) return;
      yield await this.#chart(mermaid, chart, trace, flags);
      // Let the page breathe between charts: a run of many traces must not freeze the tab.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  async #chart(
    mermaid: Awaited<ReturnType<typeof loadMermaid>>,
    chart: TraceWaterfall,
    trace: TraceEntry,
    flags: ReadonlyMap<string, SpanFlag>,
  ): Promise<DiagramContent> {
    const { svg, id } = await renderSvg(mermaid, chart.text, 'tv-gantt-');
    svg.setAttribute('aria-label', `Waterfall of trace ${shortId(trace.traceId)}`);
    svg.dataset['fit'] = '';
    const selection = wireDiagram(this.host, svg, ganttItems(svg, id, trace), flags);
    const figure = h('figure', { class: 'tv-chart tv-mermaid' }, h('figcaption', {}, caption(trace)), svg);
    return { nodes: [figure], selections: [selection] };
  }

  #ownWaterfall(run: RunData): DiagramContent {
    const own = new SvgWaterfall(this.host, run.index);
    const { spans, traces } = run.index;
    const text = `This run has ${plural(spans.length, 'span')} in ${plural(traces.length, 'trace')}, more than the Mermaid waterfall draws quickly: all of them are drawn here by a lighter waterfall, each trace on its own time scale.`;
    return {
      nodes: [notice(text), own.element],
      selections: [
        { mark: (selected, reveal) => own.setSelected(selected, reveal !== 'none'), dispose: () => own.dispose() },
      ],
    };
  }
}
