import { spanKey } from '@spanlab/engine';
import type { SpanFlag } from '../model/problems.ts';
import { rovingFocus, type RovingGroup } from '../dom/roving-focus.ts';
import type { IndexedSpan } from '../model/RunIndex.ts';
import { durationText, spanTitle, statusText } from '../model/span-rows.ts';
import type { SpanRef } from '../model/span-ref.ts';
import { refOf } from './span-bits.ts';
import type { ViewHost } from './view-types.ts';

/** One span drawn in a Mermaid diagram: the element to focus, others that stand for it, and the span. */
export interface DiagramItem {
  element: SVGElement;
  /** Its label, say: clicking it selects the span too, and it shares the highlight. */
  companions: SVGElement[];
  entry: IndexedSpan;
}

/** How far to go to show the selected span: not at all, inside the diagram's scroll box, or the page too. */
export type Reveal = 'none' | 'within' | 'page';

/** The spans of one diagram made selectable: mark the selected one, and stop. */
export interface DiagramSelection {
  /** Highlights the selected span (if drawn here) and scrolls to it as `reveal` says. */
  mark(selected: SpanRef | null, reveal: Reveal): void;
  /** Marks the spans the linter flagged (and unmarks the others), without drawing again. */
  flag(flags: ReadonlyMap<string, SpanFlag>): void;
  dispose(): void;
}

/** Scrolls the diagram's own scroll box (not the page) to centre `element`. */
function scrollWithin(element: Element): void {
  const box = element.closest('.tv-graph-scroll');
  if (box === null) return;
  const target = element.getBoundingClientRect();
  const frame = box.getBoundingClientRect();
  box.scrollLeft += target.left + target.width / 2 - (frame.left + frame.width / 2);
  box.scrollTop += target.top + target.height / 2 - (frame.top + frame.height / 2);
}

/**
 * Makes the spans Mermaid drew selectable without Mermaid `click` directives: each becomes a
 * button (named after its span, pressed when selected) in one roving-focus group per diagram.
 */
export function wireDiagram(
  host: ViewHost,
  svg: SVGSVGElement,
  items: readonly DiagramItem[],
  flags: ReadonlyMap<string, SpanFlag> = new Map(),
): DiagramSelection {
  const aliases = new Map<Element, number>();
  // The name starts with the text the diagram shows (labels may be cut), then says the rest.
  const names = items.map(({ element, entry }) => {
    const shown = element.textContent.trim();
    return `${shown === '' ? spanTitle(entry) : shown}, ${durationText(entry)}, status ${statusText(entry)}`;
  });
  const applyFlags = (current: ReadonlyMap<string, SpanFlag>): void => {
    items.forEach(({ element, companions, entry }, i) => {
      const flag = current.get(entry.key);
      const flagged = flag ? `, linter ${flag.severity}: ${flag.rules.join(', ')}` : '';
      element.setAttribute('aria-label', `${names[i] ?? ''}${flagged}`);
      // Marked by a dashed outline as well as by colour, and named in the label.
      for (const part of [element, ...companions]) {
        part.classList.remove('tv-flagged', 'tv-flagged-error', 'tv-flagged-warning', 'tv-flagged-info');
        if (flag) part.classList.add('tv-flagged', `tv-flagged-${flag.severity}`);
      }
    });
  };
  applyFlags(flags);
  items.forEach(({ element, companions }, i) => {
    element.setAttribute('role', 'button');
    element.setAttribute('aria-pressed', 'false');
    element.classList.add('tv-item');
    for (const companion of companions) {
      companion.classList.add('tv-item');
      aliases.set(companion, i);
    }
  });
  const group: RovingGroup = rovingFocus(svg, {
    items: items.map((item) => item.element),
    aliases,
    activate: (_element, i) => {
      const item = items[i];
      if (item !== undefined) host.pick(refOf(item.entry));
    },
  });
  const byKey = new Map(items.map((item, i) => [item.entry.key, i]));
  let marked: DiagramItem | undefined;
  return {
    mark(selected, reveal) {
      if (marked !== undefined) {
        for (const element of [marked.element, ...marked.companions]) element.classList.remove('tv-selected');
        marked.element.setAttribute('aria-pressed', 'false');
      }
      const i = selected === null ? undefined : byKey.get(spanKey(selected.traceId, selected.spanId));
      marked = i === undefined ? undefined : items[i];
      if (marked === undefined || i === undefined) return;
      for (const element of [marked.element, ...marked.companions]) element.classList.add('tv-selected');
      marked.element.setAttribute('aria-pressed', 'true');
      group.setCurrent(i);
      if (reveal === 'within') scrollWithin(marked.element);
      else if (reveal === 'page') marked.element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    },
    flag: applyFlags,
    dispose: () => group.dispose(),
  };
}
