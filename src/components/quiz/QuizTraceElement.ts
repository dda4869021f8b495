import { h } from '../trace/dom/h.ts';
import { Tabs } from '../trace/dom/Tabs.ts';
import { isDarkTheme, watchTheme } from '../trace/dom/theme.ts';
import { collectProblems } from '../trace/model/problems.ts';
import { RunIndex } from '../trace/model/RunIndex.ts';
import { SelectionStore } from '../trace/model/SelectionStore.ts';
import { GraphView } from '../trace/views/GraphView.ts';
import { SpanDetails } from '../trace/views/SpanDetails.ts';
import { SpanTable } from '../trace/views/SpanTable.ts';
import type { RunData, TraceView, ViewHost } from '../trace/views/view-types.ts';
import { WaterfallView } from '../trace/views/WaterfallView.ts';
import type { TraceData } from './quiz-data.ts';

type QuizTraceTab = 'waterfall' | 'graph' | 'spans';

const TAB_LABELS: Record<QuizTraceTab, string> = { waterfall: 'Waterfall', graph: 'Link graph', spans: 'Spans' };

/**
 * `<quiz-trace>`: the trace a question is about — Waterfall, Link graph and Spans tabs and the
 * span details, the playground's own views — without the run's Problems: the linter's findings
 * would give the answer away. `revealFindings(true)` marks the spans they name once answered.
 */
export class QuizTraceElement extends HTMLElement {
  #data: TraceData | null = null;
  #revealed = false;
  #parts: { tabs: Tabs<QuizTraceTab>; views: Record<QuizTraceTab, TraceView>; details: SpanDetails } | null = null;
  readonly #selection = new SelectionStore();
  #unwatchTheme: (() => void) | null = null;

  /** The run drawn, with the linter's findings (kept hidden until revealed). */
  get trace(): TraceData | null {
    return this.#data;
  }

  set trace(value: TraceData | null) {
    this.#data = value;
    this.#update();
  }

  /** Marks (or stops marking) the spans the linter names in the diagrams. */
  revealFindings(reveal: boolean): void {
    if (reveal === this.#revealed) return;
    this.#revealed = reveal;
    this.#update();
  }

  /** Settles when the diagram of the shown tab has been drawn. */
  async whenDrawn(): Promise<void> {
    const view = this.#parts?.views[this.#parts.tabs.current];
    if (view instanceof WaterfallView || view instanceof GraphView) await view.drawn;
  }

  /** Builds the views and follows the theme. */
  connectedCallback(): void {
    this.#build();
    this.#unwatchTheme ??= watchTheme(() => {
      for (const view of Object.values(this.#parts?.views ?? {})) view.themeChanged();
    });
  }

  /** Stops following the theme. */
  disconnectedCallback(): void {
    this.#unwatchTheme?.();
    this.#unwatchTheme = null;
  }

  #build(): void {
    if (this.#parts) return;
    const host: ViewHost = {
      selection: this.#selection,
      pick: (ref) => this.#selection.select(ref),
      pickLocation: () => undefined,
      dark: isDarkTheme,
    };
    const keys = Object.keys(TAB_LABELS) as QuizTraceTab[];
    const tabs = new Tabs<QuizTraceTab>(
      keys.map((key) => ({ key, label: TAB_LABELS[key] })),
      'Views of the trace',
      (key) => this.#parts?.views[key].shown(),
    );
    const visible = (key: QuizTraceTab) => () => tabs.current === key && this.isConnected;
    const views: Record<QuizTraceTab, TraceView> = {
      waterfall: new WaterfallView(host, tabs.panel('waterfall'), visible('waterfall')),
      graph: new GraphView(host, tabs.panel('graph'), visible('graph')),
      spans: new SpanTable(host, tabs.panel('spans'), visible('spans')),
    };
    const level = Number(this.getAttribute('heading-level'));
    const details = new SpanDetails(host, level === 5 ? 5 : 4);
    this.classList.add('tv-root');
    this.replaceChildren(
      h('div', { class: 'tv-layout' }, h('div', { class: 'tv-main' }, tabs.list, ...tabs.panels), details.element),
    );
    this.#parts = { tabs, views, details };
    this.#selection.subscribe((selected) => {
      for (const view of Object.values(views)) view.selectionChanged(selected, true);
      details.show(selected);
    });
    this.#update();
  }

  #update(): void {
    const parts = this.#parts;
    if (parts === null) return;
    const data = this.#data;
    let run: RunData | null = null;
    if (data !== null) {
      const index = new RunIndex(data.result.spans);
      // Only the findings, once revealed: errors and limits are not what a quiz's trace is about.
      const problems = this.#revealed
        ? collectProblems({ ...data.result, errors: [], limits: [] }, index, data.findings).filter(
            (p) => p.source === 'finding',
          )
        : [];
      run = { result: data.result, index, problems };
    }
    parts.details.setRun(run);
    for (const view of Object.values(parts.views)) view.setRun(run);
    parts.details.show(this.#selection.selected);
  }
}
