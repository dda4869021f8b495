// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { RunIndex } from '../model/RunIndex.ts';
import { SelectionStore } from '../model/SelectionStore.ts';
import type { SpanFlag } from '../model/problems.ts';
import { batchRun } from '../test-runs.ts';
import { wireDiagram } from './diagram-items.ts';
import type { ViewHost } from './view-types.ts';

const SVG = 'http://www.w3.org/2000/svg';

function drawn() {
  const index = new RunIndex(batchRun().spans);
  const svg = document.createElementNS(SVG, 'svg');
  const items = index.spans.map((entry) => {
    const element = document.createElementNS(SVG, 'rect');
    const label = document.createElementNS(SVG, 'text');
    label.textContent = entry.span.name;
    svg.append(element, label);
    return { element, companions: [label], entry };
  });
  document.body.replaceChildren(svg);
  const host: ViewHost = {
    selection: new SelectionStore(),
    pick: () => undefined,
    pickLocation: () => undefined,
    dark: () => false,
  };
  return { items, host, svg };
}

describe('wireDiagram', () => {
  it('marks flagged spans when drawn, and again when the findings change, without a redraw', () => {
    const { items, host, svg } = drawn();
    const [first, second] = items;
    if (first === undefined || second === undefined) throw new Error('the batch run has spans');
    const flags = new Map<string, SpanFlag>([[first.entry.key, { severity: 'error', rules: ['parent-of-batch'] }]]);
    const selection = wireDiagram(host, svg, items, flags);
    expect(first.element.classList.contains('tv-flagged-error')).toBe(true);
    expect(first.companions[0]?.classList.contains('tv-flagged')).toBe(true);
    expect(first.element.getAttribute('aria-label')).toMatch(/, linter error: parent-of-batch$/);
    expect(second.element.classList.contains('tv-flagged')).toBe(false);

    selection.flag?.(new Map([[second.entry.key, { severity: 'warning', rules: ['prefer-links'] }]]));
    expect(first.element.classList.contains('tv-flagged')).toBe(false);
    expect(first.element.getAttribute('aria-label')).not.toContain('linter');
    expect(second.element.classList.contains('tv-flagged-warning')).toBe(true);
    expect(second.element.getAttribute('aria-label')).toMatch(/, linter warning: prefer-links$/);
    // Still the same, wired elements: selectable, named by what they show.
    expect(first.element.getAttribute('role')).toBe('button');
    expect(first.element.getAttribute('aria-label')).toContain(first.entry.span.name);
  });
});
