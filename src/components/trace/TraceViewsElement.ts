import { withNotKept, type RunResult } from '@spanlab/engine';
import { h } from './dom/h.ts';
import { Tabs } from './dom/Tabs.ts';
import { isDarkTheme, watchTheme } from './dom/theme.ts';
import type { Finding } from './model/finding.ts';
import { collectProblems } from './model/problems.ts';
import { RunIndex } from './model/RunIndex.ts';
import { SelectionStore } from './model/SelectionStore.ts';
import { spanTitle } from './model/span-rows.ts';
import type { SpanRef } from './model/span-ref.ts';
import { runSummary } from './run-summary.ts';
import { ConsoleView } from './views/ConsoleView.ts';
import { DiagramPanel } from './views/DiagramPanel.ts';
import { GraphView } from './views/GraphView.ts';
import { DetailsJump } from './views/details-jump.ts';
import { ProblemsView } from './views/ProblemsView.ts';
import { SpanDetails, type HeadingLevel } from './views/SpanDetails.ts';
import { SpanTable } from './views/SpanTable.ts';
import type { RunData, TraceView, ViewHost } from './views/view-types.ts';
import { WaterfallView } from './views/WaterfallView.ts';

/** The tabs of the views, in order. */
export type TraceTab = 'waterfall' | 'graph' | 'spans' | 'console' | 'problems';

/** Detail of `span-select`: the span the reader selected. */
export type SpanSelectDetail = SpanRef;

/** Detail of `problem-select`: the place in the source the reader picked (1-based). */
export interface ProblemSelectDetail {
  line: number;
  column: number;
}

/** Every tab, in the order shown when the `tabs` attribute does not choose. */
const TAB_LABELS: Record<TraceTab, string> = {
  waterfall: 'Waterfall',
  graph: 'Link graph',
  spans: 'Spans',
  console: 'Console',
  problems: 'Problems',
};

/**
 * `<trace-views>`: the views of a run — Waterfall, Link graph, Spans, Console and Problems tabs
 * and a details panel — with one selection shared by all. Set `result` (and `findings`) to show a
 * run; `stale` marks it as from a previous run. Fires `span-select` when the reader selects a span
 * and `problem-select` when they pick a line of the source. The `heading-level` attribute (2–5,
 * default 3) sets the level of the details panel's title, to fit the page's outline; `focus`
 * names a span whose trace the waterfall draws first. `showNotKept` (a "Show spans not kept"
 * checkbox, shown only for a run whose sampler dropped spans) adds the spans not kept to every
 * view, greyed and dashed; it stays as the reader set it across runs.
 *
 * `tabs` chooses the tabs shown and their order (`tabs="waterfall graph spans"`: a quiz's trace,
 * whose Problems would give the answer away); unknown names are ignored, and with none left or
 * no attribute every tab is shown. `no-summary` leaves out the line about the run above the tabs.
 * Both are read once, when the views are first built (on connection, or when `tab` is first set).
 */
export class TraceViewsElement extends HTMLElement {
  #result: RunResult | null = null;
  #findings: readonly Finding[] = [];
  #stale = false;
  #failed: RunResult | null = null;
  #opened: string | null = null;
  #pending: string | null = null;
  /** What the summary says before the first run: the page's own words (an exercise: "Press Check …"), if it gave some. */
  #empty = 'No run yet: run the scenario to see its trace.';
  #run: RunData | null = null;
  #showNotKept = false;
  readonly #selection = new SelectionStore();
  #parts: Parts | null = null;
  #unwatchTheme: (() => void) | null = null;

  /** The run shown, or null; setting it draws the views (keeping the selection if that span is still there). */
  get result(): RunResult | null {
    return this.#result;
  }

  set result(value: RunResult | null) {
    this.#result = value;
    this.#failed = null;
    this.#update(true);
  }

  /** Whether the views also show the spans the run's sampler did not keep (greyed, "(not kept)"). */
  get showNotKept(): boolean {
    return this.#showNotKept;
  }

  set showNotKept(value: boolean) {
    if (value === this.#showNotKept) return;
    this.#showNotKept = value;
    if (this.#parts) this.#parts.notKept.checked = value;
    this.#update(true);
  }

  /** What the trace shown is when it came from a file, not a run (file, format, spans, duration), or null. */
  get opened(): string | null {
    return this.#opened;
  }

  set opened(value: string | null) {
    this.#opened = value;
    this.#update(false);
  }

  /**
   * A run that did not compile, or null: Problems lists its errors (not the previous run's), and
   * the diagrams of the previous run stay, marked stale. Setting `result` clears it.
   */
  get failed(): RunResult | null {
    return this.#failed;
  }

  set failed(value: RunResult | null) {
    this.#failed = value;
    this.stale = value !== null && this.#result !== null;
    this.#update(false);
  }

  /** The checks' findings about the run: listed in Problems, their spans marked in the drawn diagrams (no redraw). */
  get findings(): readonly Finding[] {
    return this.#findings;
  }

  set findings(value: readonly Finding[] | null | undefined) {
    this.#findings = value ?? [];
    this.#update(false);
  }

  /** Whether the views show a previous run (the code since changed and could not run). */
  get stale(): boolean {
    return this.#stale;
  }

  set stale(value: boolean) {
    this.#stale = value;
    this.toggleAttribute('data-stale', value);
    if (this.#parts) this.#parts.staleBanner.hidden = !value;
  }

  /**
   * What a run on its way says while no run is shown yet ("Loading the runner…"), instead of
   * "No run yet" and empty tabs; null when no run is on its way.
   */
  get pending(): string | null {
    return this.#pending;
  }

  set pending(value: string | null) {
    this.#pending = value;
    this.#update(false);
  }

  /** The selected span, or null. */
  get selectedSpan(): SpanRef | null {
    return this.#selection.selected;
  }

  /** The tab shown. */
  get tab(): TraceTab {
    return this.#parts?.tabs.current ?? 'waterfall';
  }

  set tab(value: TraceTab) {
    this.#build().tabs.select(value);
  }

  /** Selects a span in every view and opens its details; false when the run has no such span. */
  selectSpan(traceId: string, spanId: string): boolean {
    if (this.#run?.index.find({ traceId, spanId }) === undefined) return false;
    this.#selection.select({ traceId, spanId });
    return true;
  }

  /** Settles when the diagram in the shown tab has been drawn (at once for other tabs). */
  async whenDrawn(): Promise<void> {
    const view = this.#parts?.views.get(this.tab);
    if (view instanceof DiagramPanel) await view.drawn;
  }

  /** Builds the views on first connection and follows the page's theme. */
  connectedCallback(): void {
    this.#adoptEarlyProperties();
    const parts = this.#build();
    // Views draw only while connected and shown: catch up on what arrived before.
    parts.views.get(parts.tabs.current)?.shown();
    this.#unwatchTheme ??= watchTheme(() => {
      for (const view of this.#parts?.views.values() ?? []) view.themeChanged();
    });
  }

  /** Stops following the theme. */
  disconnectedCallback(): void {
    this.#unwatchTheme?.();
    this.#unwatchTheme = null;
  }

  // A page may set properties before this class is defined; those shadow the accessors.
  #adoptEarlyProperties(): void {
    for (const name of ['result', 'findings', 'stale', 'failed', 'opened', 'pending', 'showNotKept'] as const) {
      if (!Object.hasOwn(this, name)) continue;
      const value: unknown = Reflect.get(this, name);
      Reflect.deleteProperty(this, name);
      Reflect.set(this, name, value);
    }
  }

  #host(): ViewHost {
    return {
      selection: this.#selection,
      pick: (ref) => {
        const fromDetails = this.#parts?.details.element.contains(document.activeElement) ?? false;
        this.#selection.select(ref);
        // The button pressed in the details is gone with the old span: focus the new one's title.
        if (fromDetails) this.#parts?.details.show(ref, true);
        else {
          // Picked in a view: if its details are off the screen, offer the way there.
          const entry = this.#run?.index.find(ref);
          if (entry !== undefined) this.#parts?.jump.offer(spanTitle(entry));
        }
        this.dispatchEvent(
          new CustomEvent<SpanSelectDetail>('span-select', { detail: { ...ref }, bubbles: true, composed: true }),
        );
      },
      pickLocation: (line, column) => {
        this.dispatchEvent(
          new CustomEvent<ProblemSelectDetail>('problem-select', {
            detail: { line, column },
            bubbles: true,
            composed: true,
          }),
        );
      },
      dark: isDarkTheme,
      focus: () => this.getAttribute('focus'),
    };
  }

  #build(): Parts {
    if (this.#parts) return this.#parts;
    const host = this.#host();
    const keys = tabsOf(this.getAttribute('tabs'));
    const tabs = new Tabs<TraceTab>(
      keys.map((key) => ({ key, label: TAB_LABELS[key] })),
      'Views of the run',
      (key) => this.#parts?.views.get(key)?.shown(),
    );
    const visible = (key: TraceTab) => () => tabs.current === key && this.isConnected;
    const views = new Map(keys.map((key) => [key, VIEWS[key](host, tabs.panel(key), visible(key))]));
    const details = new SpanDetails(host, headingLevel(this.getAttribute('heading-level')));
    const jump = new DetailsJump(details.element, () => details.reveal());
    const staleBanner = h(
      'p',
      { class: 'tv-stale-banner', role: 'status', hidden: !this.#stale },
      '⚠ These views show the previous run: the code in the editor has not run.',
    );
    const summary = h('p', { class: 'tv-summary' });
    const notKept = h('input', { type: 'checkbox', class: 'tv-not-kept-box' });
    notKept.checked = this.#showNotKept;
    notKept.addEventListener('change', () => {
      this.showNotKept = notKept.checked;
    });
    const notKeptText = h('span', {}, 'Show spans not kept');
    const notKeptToggle = h('label', { class: 'tv-not-kept-toggle', hidden: true }, notKept, notKeptText);
    const live = h('p', { class: 'tv-sr', 'aria-live': 'polite' });
    const main = h('div', { class: 'tv-main' }, tabs.list, ...tabs.panels);
    this.classList.add('tv-root');
    if (!this.hasAttribute('role')) this.setAttribute('role', 'region');
    if (!this.hasAttribute('aria-label') && !this.hasAttribute('aria-labelledby'))
      this.setAttribute('aria-label', 'Trace of the run');
    const said = this.querySelector(':scope > .tv-summary')?.textContent.trim();
    if (said) this.#empty = said;
    this.replaceChildren(
      staleBanner,
      h('div', { class: 'tv-summary-row', hidden: this.hasAttribute('no-summary') }, summary, notKeptToggle),
      h('div', { class: 'tv-layout' }, main, details.element),
      jump.element,
      live,
    );
    this.#parts = { tabs, views, details, jump, staleBanner, summary, notKept, notKeptToggle, notKeptText, live };
    this.#selection.subscribe((selected) => this.#selectionChanged(selected));
    this.#update(true);
    return this.#parts;
  }

  #update(resultChanged: boolean): void {
    const parts = this.#parts;
    if (parts === null) return;
    const result = this.#result;
    if (resultChanged || this.#run === null) {
      const unsampled = result?.unsampledSpans ?? [];
      const index =
        result === null ? null : new RunIndex(this.#showNotKept ? withNotKept(result) : result.spans, unsampled);
      this.#run = result === null || index === null ? null : { result, index, problems: [] };
    }
    const run = this.#run;
    if (run !== null) run.problems = collectProblems(run.result, run.index, this.#findings);
    const count = (n: number): string => (n > 0 ? ` (${String(n)})` : '');
    // A run that did not compile has only its errors to show: in Problems, instead of the last run's.
    const failed = this.#failed;
    const problemsRun: RunData | null =
      failed === null
        ? run
        : { result: failed, index: new RunIndex([]), problems: collectProblems(failed, new RunIndex([]), []) };
    if (parts.views.has('problems'))
      parts.tabs.setLabel('problems', `${TAB_LABELS.problems}${count(problemsRun?.problems.length ?? 0)}`);
    if (parts.views.has('console'))
      parts.tabs.setLabel('console', `${TAB_LABELS.console}${count(run?.result.console.length ?? 0)}`);
    // A file has no virtual time or seed: say what it is instead.
    parts.summary.textContent =
      run === null ? (this.#pending ?? this.#empty) : this.#opened === null ? runSummary(run) : `${this.#opened}.`;
    const unsampled = this.#opened === null ? (run?.result.unsampledSpans?.length ?? 0) : 0;
    parts.notKeptToggle.hidden = unsampled === 0;
    parts.notKeptText.textContent = `Show spans not kept (${String(unsampled)})`;
    const waiting = run === null && this.#pending !== null;
    this.toggleAttribute('data-pending', waiting);
    const layout = this.querySelector<HTMLElement>(':scope > .tv-layout');
    if (layout) layout.style.display = waiting ? 'none' : '';
    parts.details.setRun(run);
    if (resultChanged) {
      for (const view of parts.views.values()) view.setRun(run);
      parts.views.get('problems')?.setRun(problemsRun);
      // Ids are deterministic: after a re-run the same span is usually still there.
      const selected = this.#selection.selected;
      if (selected !== null && run?.index.find(selected) === undefined) this.#selection.select(null);
      else this.#selectionChanged(selected, false);
    } else {
      parts.views.get('problems')?.setRun(problemsRun);
      for (const view of parts.views.values()) view.problemsChanged?.();
    }
  }

  #selectionChanged(selected: SpanRef | null, reveal = true): void {
    const parts = this.#parts;
    if (parts === null) return;
    for (const view of parts.views.values()) view.selectionChanged(selected, reveal);
    parts.details.show(selected);
    if (selected === null) parts.jump.hide();
    const entry = selected === null ? undefined : this.#run?.index.find(selected);
    if (reveal) parts.live.textContent = entry === undefined ? 'No span selected.' : `Selected ${spanTitle(entry)}.`;
  }
}

/** Makes the view of each tab in its panel. */
const VIEWS: Record<TraceTab, (host: ViewHost, panel: HTMLElement, visible: () => boolean) => TraceView> = {
  waterfall: (...args) => new WaterfallView(...args),
  graph: (...args) => new GraphView(...args),
  spans: (...args) => new SpanTable(...args),
  console: (...args) => new ConsoleView(...args),
  problems: (...args) => new ProblemsView(...args),
};

/** The `tabs` attribute as the tabs to show, in its order: every tab when it names none. */
function tabsOf(value: string | null): TraceTab[] {
  const known = (name: string): name is TraceTab => Object.hasOwn(TAB_LABELS, name);
  const named = [...new Set((value ?? '').split(/\s+/).filter(known))];
  return named.length > 0 ? named : (Object.keys(TAB_LABELS) as TraceTab[]);
}

/** The `heading-level` attribute as a level for the details' title (3 when absent or odd). */
function headingLevel(value: string | null): HeadingLevel {
  const level = Number(value);
  return level === 2 || level === 4 || level === 5 ? level : 3;
}

interface Parts {
  tabs: Tabs<TraceTab>;
  views: ReadonlyMap<TraceTab, TraceView>;
  details: SpanDetails;
  jump: DetailsJump;
  staleBanner: HTMLElement;
  summary: HTMLElement;
  notKept: HTMLInputElement;
  notKeptToggle: HTMLElement;
  notKeptText: HTMLElement;
  live: HTMLElement;
}
