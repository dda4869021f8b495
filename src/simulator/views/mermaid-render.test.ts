// @vitest-environment jsdom
/**
 * Renders the hostile run with the real Mermaid renderer (in jsdom, `securityLevel: 'strict'`,
 * dagre layout, HTML labels as on the site) and reads the SVG as a page would: every label shows
 * exactly its text, and no element, attribute or style came from span data.
 */
import fc from 'fast-check';
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeLayout } from '../../../tests/support/jsdom-layout.ts';
import { groupByTrace, type SpanLinkRecord, type SpanRecord } from '../trace/model.ts';
import { hostileRun } from './fixtures.ts';
import { buildLinkGraph } from './link-graph.ts';
import { randomRuns } from './span-arbitraries.ts';
import { linkLabel, spanLabel } from './span-label.ts';
import { treeOrder } from './span-tree.ts';
import { treeGuides } from './tree-guides.ts';
import { buildWaterfall } from './waterfall.ts';

beforeAll(() => {
  fakeLayout();
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', layout: 'dagre' });
});

/** The rendered SVG as the page would hold it, after checking nothing in it came from span data. */
function readSvg(svg: string): Document {
  const page = new DOMParser().parseFromString(`<body>${svg}</body>`, 'text/html');
  expect(page.querySelectorAll('img, script, iframe, object, embed, a, link, image, use').length).toBe(0);
  for (const element of page.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name.startsWith('on'), `${element.tagName} ${attribute.name}`).toBe(false);
      expect(attribute.value).not.toMatch(/javascript:/i);
    }
  }
  const styles = [...page.querySelectorAll('style')];
  expect(styles).toHaveLength(1);
  expect(styles[0]?.textContent).not.toMatch(/display:\s*none/);
  return page;
}

let renders = 0;

/** Renders the run's waterfall and checks each bar's label and each trace's section title. */
async function renderWaterfalls(spans: SpanRecord[]): Promise<void> {
  const id = `waterfall${String((renders += 1))}`;
  const chart = buildWaterfall(spans, { maxTextSize: 10_000_000 });
  const page = readSvg((await mermaid.render(id, chart.text)).svg);
  const traces = [...groupByTrace(spans)];
  let bars = 0;
  traces.forEach(([, traceSpans], index) => {
    const placed = treeOrder(traceSpans);
    const section = chart.sections[index];
    expect(section?.number).toBe(index + 1);
    const guides = treeGuides(placed);
    placed.forEach(({ span }, i) => {
      const label = page.getElementById(`${id}-t${String(index)}s${String(i)}-text`)?.textContent;
      if (section?.collapsed === true && i > 0) expect(label).toBeUndefined();
      else if (section?.collapsed === true)
        expect(label).toBe(`${spanLabel(span)} and ${String(placed.length - 1)} more, all at 0 ms`);
      else expect(label).toBe((guides[i] ?? '') + spanLabel(span));
      if (label !== undefined) bars += 1;
    });
  });
  expect(page.querySelectorAll(`rect[id^="${id}-t"]`)).toHaveLength(bars);
  const sections = [...page.querySelectorAll('text.sectionTitle')].map((title) => title.textContent);
  expect(sections).toEqual(traces.map((_, index) => `trace ${String(index + 1)}`));
}

/** Renders the link graph and checks every node's label, every link's label and the edge count. */
async function renderLinkGraph(spans: SpanRecord[]): Promise<void> {
  const graph = buildLinkGraph(spans);
  const page = readSvg((await mermaid.render(`graph${String((renders += 1))}`, graph.text)).svg);
  const ordered = [...groupByTrace(spans).values()].flatMap((trace) => treeOrder(trace).map(({ span }) => span));
  ordered.forEach((span, i) => {
    const node = page.querySelector(`g.node[id*="-s${String(i)}-"]`);
    expect(node?.querySelector('.nodeLabel')?.textContent).toBe(spanLabel(span));
  });
  // Mermaid draws a span's links to itself its own way (overlapping ones only once), so those
  // are left out of the label and path counts; the parser proof counts them.
  const isSelf = (span: SpanRecord, link: SpanLinkRecord): boolean =>
    link.traceId === span.traceId && link.spanId === span.spanId;
  const links = spans.flatMap((span) =>
    span.links.filter((link) => !isSelf(span, link)).map((link) => linkLabel(link)),
  );
  const selfLinks = spans.reduce((count, span) => count + span.links.filter((link) => isSelf(span, link)).length, 0);
  const edgeLabels = [...page.querySelectorAll('g.edgeLabel')].flatMap((group) => {
    const [, from, to] =
      /L_([a-z0-9]+)_([a-z0-9]+)_\d+/.exec(group.querySelector('[data-id]')?.getAttribute('data-id') ?? '') ?? [];
    return from === to ? [] : [group.querySelector('.edgeLabel')?.textContent ?? ''];
  });
  expect(edgeLabels.filter((label) => label !== '').sort()).toEqual(links.filter((label) => label !== '').sort());
  const paths = [...page.querySelectorAll('path.flowchart-link')].filter((path) => {
    const [, from, to] = /-L_([a-z0-9]+)_([a-z0-9]+)_\d+$/.exec(path.id) ?? [];
    return from !== to;
  });
  expect(paths).toHaveLength(graph.edges - selfLinks);
}

describe('hostile names, rendered by the real Mermaid', () => {
  it('show literally on the waterfall, one bar each', async () => {
    await renderWaterfalls(hostileRun());
  });

  it('show literally on the link graph, one node and edge each', async () => {
    const spans = hostileRun();
    await renderLinkGraph(spans);
    const parentEdges = spans.filter((span) => span.parentSpanId !== null).length;
    const linkEdges = spans.reduce((count, span) => count + span.links.length, 0);
    expect(buildLinkGraph(spans).edges).toBe(parentEdges + linkEdges);
  });
});

describe('random names, rendered by the real Mermaid', () => {
  // Rendering is slower than parsing (layout, sanitising), so fewer runs than the parser proof.
  it('show literally on both diagrams', async () => {
    await fc.assert(
      fc.asyncProperty(randomRuns, async (spans) => {
        await renderWaterfalls(spans);
        await renderLinkGraph(spans);
      }),
      { numRuns: 12 },
    );
  });
});
