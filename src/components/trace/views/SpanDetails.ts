import { h, uniqueId, type Child } from '../dom/h.ts';
import { attributeLines, cutText, displayName, formatInstant, formatOffset } from '../model/format.ts';
import type { IndexedSpan } from '../model/RunIndex.ts';
import { spanRow, spanTitle } from '../model/span-rows.ts';
import type { SpanRef } from '../model/span-ref.ts';
import { lineList, linkList, spanButton, targetNode } from './span-bits.ts';
import type { RunData, ViewHost } from './view-types.ts';

// Values shown in the details are cut far later than in the table, but still cut: 10 MB stays out.
const MAX_DETAIL_CHARS = 20_000;
const MAX_CHILDREN = 50;

/** What the panel says when no span is selected. */
export const NO_SELECTION = 'Select a span in any view to see all its fields, its events, and its links out and in.';

/**
 * The details panel: every field of the selected span, its events, and its links out and in as
 * buttons. Always present (a hint when nothing is selected), so selecting never re-flows the views.
 */
export class SpanDetails {
  /** The panel, to put in the page. */
  readonly element: HTMLElement;
  readonly #host: ViewHost;
  readonly #heading: HTMLHeadingElement;
  readonly #sectionTag: HeadingTag;
  readonly #body = h('div', { class: 'tv-details-body' });
  #run: RunData | null = null;
  readonly #close: HTMLButtonElement;

  /** `level` is the heading level of the panel's title (its sections get the next one). */
  constructor(host: ViewHost, level: HeadingLevel = 3) {
    this.#host = host;
    this.#heading = h(`h${String(level)}` as HeadingTag, {
      id: uniqueId('tv-details-'),
      class: 'tv-details-title',
      tabindex: '-1',
    });
    this.#sectionTag = `h${String(Math.min(6, level + 1))}` as HeadingTag;
    const close = h('button', { type: 'button', class: 'tv-close', 'aria-label': 'Close span details' }, '×');
    close.addEventListener('click', () => host.selection.select(null));
    this.#close = close;
    this.element = h(
      'section',
      { class: 'tv-details', 'aria-labelledby': this.#heading.id },
      h('div', { class: 'tv-details-head' }, this.#heading, close),
      this.#body,
    );
    this.show(null);
  }

  /** Takes a new run (the selection is re-shown by the caller). */
  setRun(run: RunData | null): void {
    this.#run = run;
  }

  /** Shows the selected span, or hides the panel; `focus` moves focus to its heading. */
  show(selected: SpanRef | null, focus = false): void {
    const entry = selected === null ? undefined : this.#run?.index.find(selected);
    this.element.toggleAttribute('data-empty', entry === undefined);
    this.#close.hidden = entry === undefined;
    if (entry === undefined || this.#run === null) {
      this.#heading.textContent = 'Span details';
      this.#body.replaceChildren(h('p', { class: 'tv-none' }, NO_SELECTION));
      return;
    }
    this.#heading.textContent = cutText(`${displayName(entry.span.name)}`, MAX_DETAIL_CHARS);
    this.#body.replaceChildren(...this.#fields(this.#run, entry));
    if (focus) this.#heading.focus();
  }

  /** Brings the panel to the top of the screen and focuses its title (the reader asked to go there). */
  reveal(): void {
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.element.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
    this.#heading.focus({ preventScroll: true });
  }

  #fields(run: RunData, entry: IndexedSpan): HTMLElement[] {
    const { span } = entry;
    const row = spanRow(run.index, entry);
    const children = run.index.childrenOf(entry);
    const dropped = Object.entries(span.dropped).filter(([, count]) => count > 0);
    const fields: Array<[string, Child]> = [
      ['Service', displayName(span.service)],
      ['Kind', span.kind],
      ['Status', span.status.code === 'error' ? `✖ ${row.status}` : row.status],
      ['Start', `${row.start} (${formatInstant(span.start)})`],
      [
        'End',
        span.end === null
          ? '⋯ never ended'
          : `${formatOffset(span.end - entry.trace.start)} (${formatInstant(span.end)})`,
      ],
      ['Duration', row.duration],
      ['Parent', row.parent === null ? '— (root)' : targetNode(this.#host, row.parent)],
      ['Trace id', h('code', {}, span.traceId)],
      ['Span id', h('code', {}, span.spanId)],
      ['Scope', `${span.scope.name}${span.scope.version === undefined ? '' : ` ${span.scope.version}`}`],
    ];
    // Only a run some spans of which the sampler dropped tells kept spans from the others.
    if (run.index.unsampled.length > 0) fields.push(['Sampled', span.sampled === false ? 'no (not kept)' : 'yes']);
    if (dropped.length > 0)
      fields.push(['Dropped', dropped.map(([part, count]) => `${String(count)} ${part}`).join(', ')]);
    const events = span.events.map((event) =>
      h(
        'li',
        {},
        h('span', { class: 'tv-time' }, formatOffset(event.time - span.start)),
        ' ',
        h('strong', {}, cutText(displayName(event.name), MAX_DETAIL_CHARS)),
        lineList(attributeLines(event.attributes, MAX_DETAIL_CHARS)),
      ),
    );
    return [
      h('p', { class: 'tv-details-name' }, cutText(spanTitle(entry, MAX_DETAIL_CHARS), MAX_DETAIL_CHARS)),
      h('dl', { class: 'tv-fields' }, ...fields.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
      section(this.#sectionTag, 'Attributes', lineList(attributeLines(span.attributes, MAX_DETAIL_CHARS))),
      section(
        this.#sectionTag,
        `Events (${String(span.events.length)})`,
        events.length === 0 ? h('span', { class: 'tv-none' }, '—') : h('ul', { class: 'tv-events' }, ...events),
      ),
      section(this.#sectionTag, `Links out (${String(row.linksOut.length)})`, linkList(this.#host, row.linksOut)),
      section(this.#sectionTag, `Links in (${String(row.linksIn.length)})`, linkList(this.#host, row.linksIn)),
      section(
        this.#sectionTag,
        `Children (${String(children.length)})`,
        children.length === 0
          ? h('span', { class: 'tv-none' }, '—')
          : h(
              'ul',
              { class: 'tv-links' },
              ...children.slice(0, MAX_CHILDREN).map((child) => h('li', {}, spanButton(this.#host, child))),
              children.length > MAX_CHILDREN ? h('li', {}, `and ${String(children.length - MAX_CHILDREN)} more`) : null,
            ),
      ),
      section(this.#sectionTag, 'Resource', lineList(attributeLines(span.resource, MAX_DETAIL_CHARS))),
    ];
  }
}

/** A heading level for the panel's title: 2 under a page's h1, 3 under a lesson's h2. */
export type HeadingLevel = 2 | 3 | 4 | 5;

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

function section(tag: HeadingTag, title: string, content: Child): HTMLElement {
  return h('div', { class: 'tv-details-section' }, h(tag, {}, title), content);
}
