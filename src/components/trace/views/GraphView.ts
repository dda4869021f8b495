import { flaggedSpans } from '../model/problems.ts';
import { h } from '../dom/h.ts';
import { panZoom } from '../dom/pan-zoom.ts';
import { boundedLinkGraph } from '../model/bounded-link-graph.ts';
import { formatCount } from '../model/format.ts';
import type { RunIndex } from '../model/RunIndex.ts';
import { renderSvg } from '../mermaid/render-svg.ts';
import { wireDiagram, type DiagramItem } from './diagram-items.ts';
import { DiagramPanel, type DiagramContent } from './DiagramPanel.ts';
import { notice } from './span-bits.ts';
import { traceSummary } from './trace-summary.ts';
import type { RunData } from './view-types.ts';

/** Graphs with at most this many spans are scaled to fit the panel's width, if their text stays readable. */
const FIT_NODES = 40;

/** Smallest label text, in CSS pixels, a graph is scaled down to; below it the graph pans and zooms. */
const MIN_LABEL_PX = 11;

/** The size in CSS pixels a drawn label's text is shown at. */
function labelPixels(svg: SVGSVGElement): number {
  const label = svg.querySelector('.nodeLabel, .edgeLabel');
  if (label === null) return Infinity;
  return Number.parseFloat(getComputedStyle(label).fontSize) * scaleOf(svg);
}

/** How much the SVG is scaled from its natural size. */
function scaleOf(svg: SVGSVGElement): number {
  const view = svg.viewBox.baseVal as SVGRect | null;
  const width = svg.getBoundingClientRect().width;
  return view === null || view.width === 0 || width === 0 ? 1 : width / view.width;
}

/** The nodes Mermaid drew for spans: `<g class="node" id="<id>-flowchart-s<order>-<n>">`. */
function graphItems(svg: SVGSVGElement, id: string, index: RunIndex): DiagramItem[] {
  const pattern = new RegExp(`^${id}-flowchart-s(\\d+)-\\d+$`);
  const items: DiagramItem[] = [];
  for (const node of svg.querySelectorAll<SVGGElement>('g.node[id]')) {
    const match = pattern.exec(node.id);
    const entry = match === null ? undefined : index.spans[Number(match[1])];
    if (entry !== undefined) items.push({ element: node, companions: [], entry });
  }
  return items.sort((a, b) => a.entry.order - b.entry.order);
}

/** The Link graph tab: a Mermaid flowchart of parents (solid) and links (dotted), with a summary for large runs. */
export class GraphView extends DiagramPanel {
  protected readonly what = 'the link graph';

  protected async *build(run: RunData, stale: () => boolean): AsyncGenerator<DiagramContent> {
    const graph = boundedLinkGraph(run.index.records, run.index.unsampled);
    const look = {
      dark: this.host.dark(),
      ganttWidth: Math.max(480, Math.round(this.root.clientWidth || 800)),
      compactFlowchart: true,
    };
    const legend = h(
      'p',
      { class: 'tv-legend' },
      'Solid arrows: parent → child. Dotted arrows: span links, from the linked span to the span holding the link, labelled with the link’s type (or its first attribute); select a span to see all of its links’ attributes.',
    );
    if (run.index.unsampled.length > 0) {
      legend.append(
        ' Dashed boxes: spans the sampler did not keep, never exported; a link to one is marked “target not kept”: it dangles in a backend.',
      );
    }
    const nodes: Node[] = [legend];
    if (graph.truncated) {
      const text = `Showing ${formatCount(graph.shown)} of ${formatCount(graph.total)} spans: a larger graph would take seconds to lay out. Every span is in the Spans tab; every trace is summarised below the graph.`;
      nodes.push(notice(text, 'status'));
    }
    const { svg, id } = await renderSvg(look, graph.text, 'tv-graph-');
    const links = run.index.spans.reduce((sum, entry) => sum + entry.span.links.length, 0);
    svg.setAttribute('aria-label', `Link graph of ${String(graph.shown)} spans; the run has ${String(links)} links`);
    const selection = wireDiagram(this.host, svg, graphItems(svg, id, run.index), flaggedSpans(run.problems));
    // A small graph fits the panel; a large one keeps its size (readable text) and scrolls.
    const fit = graph.shown <= FIT_NODES ? ' tv-graph-fit' : '';
    const box = h('div', { class: `tv-graph-scroll tv-mermaid${fit}` }, svg);
    nodes.push(box);
    if (graph.truncated) nodes.push(traceSummary(this.host, run.index));
    this.followsWidth = true;
    yield { nodes, selections: [selection] };
    // Measurable only in the page: a graph whose text would be scaled below 11 px keeps its size and pans.
    if (stale() || !box.isConnected || labelPixels(svg) >= MIN_LABEL_PX) return;
    box.classList.remove('tv-graph-fit');
    box.before(panZoom(box, svg, 'link graph'));
  }
}
