// @vitest-environment jsdom
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunResult } from '@spanlab/engine';
import { batchRun, makeRun, makeSpan, sampledBatchRun, T1, T2, T3 } from './test-runs.ts';
import type { TraceViewsElement } from './TraceViewsElement.ts';
import type * as LoadMermaid from './mermaid/load-mermaid.ts';

// The diagrams are tested with the real Mermaid elsewhere; here, only whether it is asked for.
const loadMermaid = vi.hoisted(() => vi.fn(() => Promise.reject(new Error('Mermaid is not loaded in this test.'))));
vi.mock('./mermaid/load-mermaid.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof LoadMermaid>()),
  loadMermaid,
}));

beforeAll(async () => {
  Element.prototype.scrollIntoView = () => undefined; // jsdom does no layout
  await import('./define-trace-views.ts');
});

let views: TraceViewsElement;

function mount(result: RunResult | null, tab: TraceViewsElement['tab'] = 'spans'): TraceViewsElement {
  document.body.replaceChildren();
  views = document.createElement('trace-views');
  views.tab = tab;
  views.result = result;
  document.body.append(views);
  return views;
}

const tab = (name: RegExp) =>
  [...views.querySelectorAll<HTMLButtonElement>('[role=tab]')].find((t) => name.test(t.textContent));
const panel = (name: RegExp) => {
  const id = tab(name)?.getAttribute('aria-controls') ?? '';
  const element = document.getElementById(id);
  if (element === null) throw new Error(`no panel ${String(name)}`);
  return element;
};
const buttonNamed = (root: ParentNode, text: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent === text);

beforeEach(() => {
  loadMermaid.mockClear();
});

describe('<trace-views>', () => {
  it('shows only the tabs its `tabs` attribute names, in that order, and no summary with `no-summary`', () => {
    document.body.replaceChildren();
    views = document.createElement('trace-views');
    views.setAttribute('tabs', 'spans waterfall nonsense spans');
    views.setAttribute('no-summary', '');
    views.setAttribute('aria-labelledby', 'elsewhere');
    document.body.append(views);
    views.result = batchRun();
    const tabs = [...views.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(tabs.map((t) => t.textContent)).toEqual(['Spans', 'Waterfall']);
    expect(views.querySelectorAll('[role=tabpanel]')).toHaveLength(2);
    expect(views.tab).toBe('spans');
    expect(panel(/^Spans/).textContent).toContain('batch');
    expect(views.querySelector<HTMLElement>('.tv-summary-row')?.hidden).toBe(true);
    // Named by the page's heading, not given a name of its own.
    expect(views.hasAttribute('aria-label')).toBe(false);
    // With no tab it knows, it shows them all.
    views = document.createElement('trace-views');
    views.setAttribute('tabs', 'nonsense');
    document.body.append(views);
    expect([...views.querySelectorAll('[role=tab]')].map((t) => t.textContent)).toEqual([
      'Waterfall',
      'Link graph',
      'Spans',
      'Console',
      'Problems',
    ]);
  });

  it("keeps the page's words for the summary before the first run, and says the default without them", () => {
    document.body.replaceChildren();
    const mine = document.createElement('trace-views');
    mine.innerHTML = '<p class="tv-summary">Press Check to see the trace of your code.</p>';
    document.body.append(mine);
    expect(mine.querySelector('[role=tablist]'), 'the views were built over the page text').not.toBeNull();
    expect(mine.querySelector('.tv-summary')?.textContent).toBe('Press Check to see the trace of your code.');
    mount(null);
    expect(views.querySelector('.tv-summary')?.textContent).toBe('No run yet: run the scenario to see its trace.');
  });

  it('has an accessible tab list operated with arrows, Home and End', () => {
    mount(batchRun());
    expect(views.getAttribute('role')).toBe('region');
    const tabs = [...views.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(tabs.map((t) => t.textContent)).toEqual(['Waterfall', 'Link graph', 'Spans', 'Console', 'Problems (1)']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'false', 'true', 'false', 'false']);
    tabs[2]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(views.tab).toBe('console');
    expect(document.activeElement).toBe(tabs[3]);
    expect(panel(/^Console/).hidden).toBe(false);
    expect(panel(/^Spans/).hidden).toBe(true);
    tabs[3]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect(views.tab).toBe('problems');
    tabs[4]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(views.tab).toBe('waterfall');
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1]);
  });

  it('loads Mermaid only when a diagram tab is shown, and then says why a diagram failed, with a table', async () => {
    mount(batchRun());
    expect(loadMermaid).not.toHaveBeenCalled();
    views.tab = 'graph';
    await views.whenDrawn();
    expect(loadMermaid).toHaveBeenCalledTimes(1);
    const graph = panel(/^Link graph/);
    expect(graph.textContent).toContain('The link graph could not be drawn: Mermaid is not loaded in this test.');
    expect(graph.querySelectorAll('tbody tr[data-span-key]')).toHaveLength(5);
  });

  it('lists every span with links out and links in, as text', () => {
    const run = batchRun();
    run.spans[0] = { ...run.spans[0]!, name: '<img src=x onerror=alert(1)>', attributes: { html: '<b>bold</b>' } };
    mount(run);
    const rows = [...panel(/^Spans/).querySelectorAll('tr[data-span-key]')];
    expect(rows).toHaveLength(5);
    // Under each span's row, a row across the table with its attributes and links.
    const more = rows.map((row) => row.nextElementSibling);
    expect(more.every((row) => row?.matches('tr.tv-span-more') === true)).toBe(true);
    const item = (row: Element | null | undefined, term: string) =>
      [...(row?.querySelectorAll('.tv-more-item') ?? [])].find((it) => it.querySelector('dt')?.textContent === term);
    expect(views.querySelector('img, b')).toBeNull();
    expect(rows[0]?.querySelector('th.tv-c-name')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(item(more[0], 'Attributes')?.querySelector('dd')?.textContent).toBe('html = <b>bold</b>');
    // Links in: the producer shows the batch that linked to it, with the link's attributes.
    expect(rows[0]?.querySelector('td:last-child')?.textContent).toBe('1');
    expect(item(more[0], 'Links in')?.querySelector('dd')?.textContent).toBe(
      'worker › process batchmessaging.message.id = m1',
    );
    expect(rows[2]?.querySelector('td:nth-last-child(2)')?.textContent).toBe('3');
    expect(item(more[2], 'Links out')?.textContent).toContain('span ffffffff… of trace 11111111… (not in this run)');
    // A span with no links has no link lines; its status message is said in words.
    expect(item(more[4], 'Links out')).toBeUndefined();
    expect(item(more[4], 'Error')?.querySelector('dd')?.textContent).toBe('poison message');
    expect(rows[4]?.querySelector('.tv-c-status')?.textContent).toBe('✖ error');
    // The long cell says which span it belongs to.
    const header = rows[0]?.querySelector('th')?.id ?? '';
    expect(header).not.toBe('');
    expect(more[0]?.querySelector('td')?.getAttribute('headers')).toBe(header);
  });

  it('selects a span from the table: details open, the row is marked, span-select fires', () => {
    mount(batchRun());
    const events: unknown[] = [];
    views.addEventListener('span-select', (event) => events.push((event as CustomEvent).detail));
    buttonNamed(panel(/^Spans/), 'process batch')?.click();
    expect(events).toEqual([{ traceId: T3, spanId: 'c000000000000001' }]);
    expect(views.selectedSpan).toEqual({ traceId: T3, spanId: 'c000000000000001' });
    const details = views.querySelector<HTMLElement>('.tv-details');
    expect(details?.hasAttribute('data-empty')).toBe(false);
    expect(details?.querySelector('h3')?.textContent).toBe('process batch');
    expect(details?.textContent).toContain('Links out (3)');
    const row = panel(/^Spans/).querySelector('tr.tv-selected');
    expect(row?.querySelector('[aria-pressed=true]')?.textContent).toBe('process batch');
  });

  it('selects a span from anywhere on its table row, but not while text on it is being selected', () => {
    mount(batchRun());
    const row = (name: string) =>
      [...panel(/^Spans/).querySelectorAll<HTMLElement>('tr[data-span-key]')].find((tr) =>
        tr.querySelector('.tv-name-button')?.textContent?.startsWith(name),
      );
    row('process batch')?.querySelector<HTMLElement>('.tv-c-service')?.click();
    expect(views.selectedSpan).toEqual({ traceId: T3, spanId: 'c000000000000001' });
    // A reader selecting the service's name to copy it keeps the span selected before.
    const service = row('send orders')?.querySelector<HTMLElement>('.tv-c-service');
    const range = document.createRange();
    range.selectNodeContents(service!);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    service?.click();
    expect(views.selectedSpan).toEqual({ traceId: T3, spanId: 'c000000000000001' });
    window.getSelection()?.removeAllRanges();
  });

  it('jumps along a link from the details to a span in another trace', () => {
    mount(batchRun());
    views.selectSpan(T3, 'c000000000000001');
    const details = views.querySelector<HTMLElement>('.tv-details');
    const linkOut = details?.querySelector<HTMLButtonElement>('.tv-links .tv-span-button');
    linkOut?.focus();
    linkOut?.click();
    expect(views.selectedSpan).toEqual({ traceId: T1, spanId: 'a000000000000001' });
    expect(details?.textContent).toContain('Links in (1)');
    expect(document.activeElement).toBe(details?.querySelector('h3'));
  });

  it('selects through the API, without firing span-select, and refuses absent spans', () => {
    mount(batchRun());
    const listener = vi.fn();
    views.addEventListener('span-select', listener);
    expect(views.selectSpan(T1, 'ffffffffffffffff')).toBe(false);
    expect(views.selectSpan(T3, 'c000000000000003')).toBe(true);
    expect(listener).not.toHaveBeenCalled();
    expect(views.querySelector('.tv-details')?.textContent).toContain('⋯ never ended');
  });

  it('keeps the selection across runs when the span is still there, and drops it otherwise', () => {
    mount(batchRun());
    views.selectSpan(T3, 'c000000000000002');
    views.result = batchRun();
    expect(views.selectedSpan).toEqual({ traceId: T3, spanId: 'c000000000000002' });
    views.result = makeRun([makeSpan({ traceId: T1, spanId: 'zz' })]);
    expect(views.selectedSpan).toBeNull();
    expect(views.querySelector<HTMLElement>('.tv-details')?.textContent).toContain('Select a span in any view');
  });

  it('lists problems, moves the editor with problem-select, and takes findings later', () => {
    const run = batchRun();
    run.errors.push({ kind: 'compile', message: "';' expected.", line: 4, column: 7 });
    mount(run, 'problems');
    const places: unknown[] = [];
    views.addEventListener('problem-select', (event) => places.push((event as CustomEvent).detail));
    panel(/^Problems/)
      .querySelector<HTMLButtonElement>('.tv-location')
      ?.click();
    expect(places).toEqual([{ line: 4, column: 7 }]);
    views.findings = [
      {
        rule: 'prefer-links',
        severity: 'warning',
        message: 'Link, do not parent.',
        spans: ['c000000000000002'],
        lesson: 'links-vs-parents',
      },
    ];
    expect(tab(/^Problems/)?.textContent).toBe('Problems (3)');
    const text = panel(/^Problems/).textContent;
    expect(text).toContain('prefer-links');
    expect(
      panel(/^Problems/)
        .querySelector('a')
        ?.getAttribute('href'),
    ).toBe('/lessons/links-vs-parents/');
    buttonNamed(panel(/^Problems/), 'worker › process m1')?.click();
    expect(views.selectedSpan).toEqual({ traceId: T3, spanId: 'c000000000000002' });
  });

  it('marks a stale run in words, not only by dimming', () => {
    mount(batchRun());
    views.stale = true;
    const banner = views.querySelector<HTMLElement>('.tv-stale-banner');
    expect(banner?.hidden).toBe(false);
    expect(banner?.textContent).toContain('previous run');
    expect(views.hasAttribute('data-stale')).toBe(true);
    views.stale = false;
    expect(banner?.hidden).toBe(true);
  });

  it('takes properties a page set before the element was upgraded', () => {
    document.body.replaceChildren();
    // Elements in a template's inert document are not upgraded: a property set there is the element's own.
    const template = document.createElement('template');
    template.innerHTML = '<trace-views></trace-views>';
    const early = template.content.firstElementChild as HTMLElement & { result?: RunResult };
    early.result = batchRun();
    expect(Object.hasOwn(early, 'result')).toBe(true);
    document.body.append(document.adoptNode(early));
    const upgraded = early as TraceViewsElement;
    expect(Object.hasOwn(upgraded, 'result')).toBe(false);
    expect(upgraded.querySelector('.tv-summary')?.textContent).toContain('5 spans · 3 traces');
  });

  it('shows the console with levels in words and places as buttons', () => {
    const run = batchRun();
    run.console.push({ level: 'warn', text: '<script>x</script>', time: 1_735_689_600_040, line: 9, column: 3 });
    mount(run, 'console');
    const item = panel(/^Console/).querySelector('li');
    expect(item?.textContent).toBe('⚠ warn+40 msLine 9:3<script>x</script>');
    expect(views.querySelector('script')).toBeNull();
  });

  it('shows the spans a sampler did not keep only on request, greyed, and marks the links that dangle on them', () => {
    mount(batchRun());
    const toggle = () => views.querySelector<HTMLLabelElement>('.tv-not-kept-toggle');
    const box = () => toggle()?.querySelector('input');
    expect(toggle()?.hidden).toBe(true);
    views.result = sampledBatchRun();
    expect(toggle()?.hidden).toBe(false);
    expect(toggle()?.textContent).toBe('Show spans not kept (1)');
    expect(views.querySelector('.tv-summary')?.textContent).toBe(
      '4 spans · 2 traces · 40 ms of virtual time · seed 1. Spans: 5 started, 4 kept, 1 dropped by the sampler (never exported); 1 link dangles (its target was not exported).',
    );
    const rows = () => [...panel(/^Spans/).querySelectorAll('tr[data-span-key]')];
    expect(rows()).toHaveLength(4);
    // Hidden, the span not kept is named in the link's line, with the link marked dangling.
    const batch = rows().find((row) => row.textContent.includes('process batch'));
    expect(batch?.querySelector('.tv-dangling-badge')?.textContent).toBe('⚠ 1 dangling');
    expect(batch?.nextElementSibling?.textContent).toContain(
      'shop › send orders (not kept) ⚠ dangling: target not kept',
    );

    box()?.click();
    expect(views.showNotKept).toBe(true);
    expect(rows()).toHaveLength(5);
    const notKept = rows().filter((row) => row.classList.contains('tv-not-kept'));
    expect(notKept.map((row) => row.querySelector('th')?.textContent)).toEqual(['send orders (not kept)']);
    views.selectSpan(T2, 'b000000000000001');
    const details = views.querySelector<HTMLElement>('.tv-details');
    const field = (term: string) =>
      [...(details?.querySelectorAll('dt') ?? [])].find((dt) => dt.textContent === term)?.nextElementSibling
        ?.textContent;
    expect(field('Sampled')).toBe('no (not kept)');
    views.selectSpan(T3, 'c000000000000001');
    expect(field('Sampled')).toBe('yes');
    expect(details?.textContent).toContain('⚠ dangling: target not kept');

    // A re-run keeps the choice; hiding again drops the selection of a span no longer shown.
    views.result = sampledBatchRun();
    expect(box()?.checked).toBe(true);
    expect(rows()).toHaveLength(5);
    views.selectSpan(T2, 'b000000000000001');
    box()?.click();
    expect(rows()).toHaveLength(4);
    expect(views.selectedSpan).toBeNull();
  });
});
