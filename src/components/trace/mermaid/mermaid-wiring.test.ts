// @vitest-environment jsdom
/**
 * The real Mermaid 12 in jsdom: the ids we look for (`<id>-t<trace>s<row>` gantt bars, `<id>-flowchart-s<n>-…`
 * flowchart nodes) are the ones it draws; its errors leave nothing behind in the page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeLayout } from '../../../../tests/support/jsdom-layout.ts';
import { batchRun, T1, T3 } from '../test-runs.ts';
import type { TraceViewsElement } from '../TraceViewsElement.ts';
import { mermaidConfig } from './load-mermaid.ts';
import { renderSvg } from './render-svg.ts';

beforeAll(async () => {
  fakeLayout();
  Element.prototype.scrollIntoView = () => undefined;
  await import('../define-trace-views.ts');
});

async function mount(tab: TraceViewsElement['tab']): Promise<TraceViewsElement> {
  document.body.replaceChildren();
  const views = document.createElement('trace-views');
  views.tab = tab;
  views.result = batchRun();
  document.body.append(views);
  await views.whenDrawn();
  return views;
}

describe('diagrams drawn by the real Mermaid', () => {
  it('configures strict security and the dagre layout (never ELK)', () => {
    const config = mermaidConfig({ dark: true, ganttWidth: 600 });
    expect([config.securityLevel, config.layout, config.theme, config.startOnLoad]).toEqual([
      'strict',
      'dagre',
      'dark',
      false,
    ]);
  });

  it('makes every gantt bar a keyboard-operable button that selects its span', async () => {
    const views = await mount('waterfall');
    const figures = views.querySelectorAll('figure.tv-chart');
    expect([...figures].map((figure) => figure.querySelector('figcaption')?.textContent)).toEqual([
      '3 traces on one clock: the gaps between them are real time',
    ]);
    expect([...views.querySelectorAll('.tv-wf-legend li')].map((item) => item.textContent)).toEqual([
      'trace 1 · 11111111… · 1 span · 0 ms, from 0 ms',
      'trace 2 · 22222222… · 1 span · 0 ms, from 1 ms',
      'trace 3 · 33333333… · 3 spans · 15 ms, from 5 ms',
    ]);
    const bars = [...views.querySelectorAll<SVGElement>('rect[role=button]')];
    expect(bars.map((bar) => bar.getAttribute('aria-label'))).toEqual([
      'shop › send orders, 0 ms, status unset',
      'shop › send orders, 0 ms, status unset',
      'worker › process batch, 15 ms, status unset',
      'worker › process m1, 5 ms, status unset',
      'worker › process m2, never ended, status error: poison message',
    ]);
    expect(bars.map((bar) => bar.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1']);
    bars[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    bars[1]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    bars[2]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(bars.map((bar) => bar.getAttribute('tabindex'))).toEqual(['-1', '-1', '-1', '0', '-1']);
    bars[3]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(views.selectedSpan).toEqual({ traceId: T3, spanId: 'c000000000000002' });
    expect(bars[3]?.getAttribute('aria-pressed')).toBe('true');
    expect(bars[3]?.classList.contains('tv-selected')).toBe(true);
    // Its label (a companion) selects too.
    views.querySelector<SVGElement>('text.tv-item')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(views.selectedSpan).toEqual({ traceId: T1, spanId: 'a000000000000001' });
    expect(bars[3]?.getAttribute('aria-pressed')).toBe('false');
  });

  it('makes every flowchart node of a span a button, and marks the one selected elsewhere', async () => {
    const views = await mount('graph');
    const nodes = [...views.querySelectorAll<SVGGElement>('g.node[role=button]')];
    expect(nodes).toHaveLength(5); // the external span (a link to a span not in the run) is not one
    expect(views.querySelectorAll('g.node')).toHaveLength(6);
    nodes[0]?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(views.selectedSpan).toEqual({ traceId: T1, spanId: 'a000000000000001' });
    views.selectSpan(T3, 'c000000000000003');
    const selected = views.querySelector('g.node.tv-selected');
    expect(selected?.getAttribute('aria-label')).toBe(
      'worker › process m2 (error) (never ended), never ended, status error: poison message',
    );
    expect(views.querySelectorAll('.tv-selected[aria-pressed=true]')).toHaveLength(1);
  });

  it('draws each diagram with its own configuration, even when another is asked for while it is drawn', async () => {
    // The link graph asked for while the waterfall's gantt chart is still being drawn (or the other
    // way round): Mermaid keeps one configuration for the page, so each must be drawn in turn.
    const graph = 'flowchart LR\n  a --> b\n  b --> c\n  a -.-> c';
    const gantt = 'gantt\n  dateFormat x\n  axisFormat %L\n  section t\n  s :0, 1';
    const compact = { dark: false, ganttWidth: 600, compactFlowchart: true };
    const wide = { dark: false, ganttWidth: 900 };
    // Where the nodes are placed, and how wide the gantt chart is laid out.
    const places = ({ svg }: { svg: SVGSVGElement }): string[] =>
      [...svg.querySelectorAll('g.node')].map((node) => node.getAttribute('transform') ?? '');
    const width = ({ svg }: { svg: SVGSVGElement }): string | undefined => svg.getAttribute('viewBox')?.split(' ')[2];
    const alone = places(await renderSvg(compact, graph, 'tv-'));
    const ganttAlone = width(await renderSvg(wide, gantt, 'tv-'));
    const [graphTogether, ganttTogether] = await Promise.all([
      renderSvg(compact, graph, 'tv-'),
      renderSvg(wide, gantt, 'tv-'),
    ]);
    expect([places(graphTogether), width(ganttTogether)]).toEqual([alone, ganttAlone]);
    // The compact spacing is not Mermaid's default: the test tells them apart.
    expect(places(await renderSvg({ dark: false, ganttWidth: 600 }, graph, 'tv-'))).not.toEqual(alone);
  });

  it('throws on bad text and leaves nothing of Mermaid in the page', async () => {
    document.body.replaceChildren();
    const look = { dark: false, ganttWidth: 600 };
    await expect(renderSvg(look, 'flowchart LR\n  a -->', 'tv-bad-')).rejects.toThrow();
    await expect(renderSvg(look, 'gantt\n  dateFormat x\n  nonsense here: s0, x, y', 'tv-bad-')).rejects.toThrow();
    expect(document.body.children).toHaveLength(0);
  });

  it('returns an SVG element of this document, with nothing that loads or runs', async () => {
    const { svg } = await renderSvg(
      { dark: false, ganttWidth: 600 },
      'flowchart LR\n  s0["a #60;img src=x onerror=alert(1)#62;"]',
      'tv-ok-',
    );
    expect(svg.ownerDocument).toBe(document);
    expect(svg.querySelector('img, script')).toBeNull();
    expect(svg.querySelector('.nodeLabel')?.textContent).toBe('a <img src=x onerror=alert(1)>');
    expect(document.body.children).toHaveLength(0);
  });
});
