// @vitest-environment jsdom
import { spanKey } from '@spanlab/engine';
import { describe, expect, it } from 'vitest';
import { RunIndex } from '../model/RunIndex.ts';
import { SelectionStore } from '../model/SelectionStore.ts';
import type { SpanRef } from '../model/span-ref.ts';
import { batchRun, makeSpan, T1, T3 } from '../test-runs.ts';
import { SvgWaterfall } from './SvgWaterfall.ts';
import type { ViewHost } from './view-types.ts';

function setUp(index: RunIndex, options?: ConstructorParameters<typeof SvgWaterfall>[2]) {
  const picked: SpanRef[] = [];
  const host: ViewHost = {
    selection: new SelectionStore(),
    pick: (ref) => picked.push(ref),
    pickLocation: () => undefined,
    dark: () => false,
  };
  const waterfall = new SvgWaterfall(host, index, options);
  document.body.replaceChildren(waterfall.element);
  return { waterfall, picked };
}

const key = (element: Element, name: string) =>
  element.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));

describe('our own SVG waterfall', () => {
  it('draws a header per trace and a labelled option per span, status in words', () => {
    const { waterfall } = setUp(new RunIndex(batchRun().spans));
    const options = [...waterfall.element.querySelectorAll('[role=option]')];
    expect(options.map((option) => option.getAttribute('aria-label'))).toEqual([
      'shop › send orders 0 ms, status unset',
      'shop › send orders 0 ms, status unset',
      'worker › process batch 15 ms, status unset',
      'worker › process m1 5 ms, status unset',
      'worker › process m2 never ended ✖ error, status error: poison message',
    ]);
    expect(waterfall.element.querySelectorAll('.tv-wf-trace')).toHaveLength(3);
    expect(options[4]?.textContent).toContain('never ended ✖ error');
    expect(waterfall.element.getAttribute('role')).toBe('listbox');
  });

  it('moves with the keyboard and picks with Enter or a click', () => {
    const { waterfall, picked } = setUp(new RunIndex(batchRun().spans));
    const list = waterfall.element;
    list.dispatchEvent(new FocusEvent('focus'));
    expect(list.getAttribute('aria-activedescendant')).toMatch(/-r1$/); // row 0 is the first trace's header
    key(list, 'ArrowDown'); // over the second trace's header
    key(list, 'ArrowDown'); // and the third's
    key(list, 'Enter');
    expect(picked).toEqual([{ traceId: T3, spanId: 'c000000000000001' }]);
    key(list, 'End');
    key(list, ' ');
    expect(picked.at(-1)).toEqual({ traceId: T3, spanId: 'c000000000000003' });
    expect(list.getAttribute('aria-activedescendant')).toMatch(/-r7$/);
    key(list, 'Home');
    expect(list.getAttribute('aria-activedescendant')).toMatch(/-r1$/);
    list.querySelector('[role=option]')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(picked.at(-1)).toEqual({ traceId: T1, spanId: 'a000000000000001' });
  });

  it('draws only the rows in view of a 10,000-span run, and marks the selected one', () => {
    const spans = Array.from({ length: 10_000 }, (_, i) =>
      makeSpan({ traceId: T1, spanId: i.toString(16).padStart(16, '0'), name: `n${String(i)}`, start: i, end: i + 1 }),
    );
    const { waterfall } = setUp(new RunIndex(spans));
    expect(waterfall.element.querySelectorAll('[role=option]').length).toBeLessThan(100);
    waterfall.setSelected({ traceId: T1, spanId: (9_999).toString(16).padStart(16, '0') }, true);
    const selected = waterfall.element.querySelector('[aria-selected=true]');
    expect(selected?.getAttribute('aria-label')).toBe('app › n9999 1 ms, status unset');
    expect(selected?.textContent).toBe('app › n9999 1 ms');
  });

  it('has a time axis under the rows: ticks from the first start to the last end, hidden from screen readers', () => {
    const spans = Array.from({ length: 3 }, (_, i) =>
      makeSpan({
        traceId: T1,
        spanId: i.toString(16).padStart(16, '0'),
        name: `n${String(i)}`,
        start: 10 * i,
        end: 10 * i + 10,
      }),
    );
    const { waterfall } = setUp(new RunIndex(spans));
    const axis = waterfall.element.querySelector('.tv-svgwf-axis');
    expect(axis?.getAttribute('aria-hidden')).toBe('true');
    // 30 ms over 338 px of bars (jsdom's fallback width of 800 px, less labels and notes): at most 4 ticks.
    expect([...(axis?.querySelectorAll('text') ?? [])].map((text) => text.textContent)).toEqual([
      '0 ms',
      '10 ms',
      '20 ms',
      '30 ms',
    ]);
    // Under 10 ms, steps of whole µs, written in µs.
    const short = setUp(
      new RunIndex(spans.map((span) => ({ ...span, start: span.start / 100, end: (span.end ?? 0) / 100 }))),
    );
    expect(
      [...short.waterfall.element.querySelectorAll('.tv-svgwf-axis text')].map((text) => text.textContent),
    ).toEqual(['0 µs', '100 µs', '200 µs', '300 µs']);
    // The axis follows the rows in the box, so a screen reader's option list is unchanged.
    expect(waterfall.element.lastElementChild?.classList.contains('tv-svgwf-axisbar')).toBe(true);
    // Rows drawn again (a scroll) at the same width leave the axis as it was.
    const tick = axis?.querySelector('text');
    waterfall.draw();
    expect(axis?.querySelector('text')).toBe(tick);
  });

  it('draws the focused trace first, keeping the number every view gives it', () => {
    const { waterfall } = setUp(new RunIndex(batchRun().spans), { focus: 'process batch' });
    waterfall.draw();
    const titles = [...waterfall.element.querySelectorAll('text')]
      .map((text) => text.textContent ?? '')
      .filter((text) => text.startsWith('trace '));
    expect(titles.map((title) => title.split(' · ')[0])).toEqual(['trace 3', 'trace 1', 'trace 2']);
  });

  it('marks the spans the linter flagged, as the Mermaid waterfall does, and unmarks them', () => {
    const { waterfall } = setUp(new RunIndex(batchRun().spans));
    waterfall.setFlags(
      new Map([[spanKey(T3, 'c000000000000001'), { severity: 'warning', rules: ['Batch span without links'] }]]),
    );
    const flagged = [...waterfall.element.querySelectorAll('[role=option].tv-flagged')];
    expect(flagged.map((option) => [option.getAttribute('class'), option.getAttribute('aria-label')])).toEqual([
      [
        'tv-wf-row tv-flagged tv-flagged-warning',
        'worker › process batch 15 ms, status unset, linter warning: Batch span without links',
      ],
    ]);
    waterfall.setFlags(new Map());
    expect(waterfall.element.querySelectorAll('.tv-flagged')).toHaveLength(0);
  });
});
