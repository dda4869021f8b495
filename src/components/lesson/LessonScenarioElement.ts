import type { ContextMode, PrecompiledScenario, RunResult, SamplerSpec } from '@spanlab/engine';
import { readSettingsFields } from '../playground/run-settings-fields.ts';
import { settingsOptions, settingsParams, type RunSettings } from '../playground/run-settings.ts';
import type { ScenarioEditorElement } from '../editor/ScenarioEditorElement.ts';
import type { TraceViewsElement } from '../trace/TraceViewsElement.ts';
import { describeErrors, linkWrittenLessons, runStatus, showRunStatus } from '../playground/run-messages.ts';
import { rememberPrecompiled } from '../playground/compiled-cache.ts';
import type { RunStage } from '../playground/SandboxRunner.ts';
import { RUN_STAGE_TEXT } from './run-stage-text.ts';
import { RunSession } from '../playground/run-session.ts';
import { LESSON_RUNNER } from './shared-runner.ts';
import { atMost, holdEditorsUntil, warmWhenReached } from './warm-up.ts';

/** What the page hands the element (JSON in its `data-ls="data"` script). */
export interface LessonScenarioData {
  /** The scenario's id in src/content/scenarios/. */
  id: string;
  /** Its original code. */
  code: string;
  /** The playground's URL (`/playground/`). */
  playground: string;
  /** The lesson paths that exist, so findings link only to written lessons. */
  lessons: string[];
  /** `code` compiled at build time, so its Run needs no compiler in the page. */
  compiled?: PrecompiledScenario | undefined;
  /** The context manager its runs use (`<Scenario context>`, else the scenario's metadata). */
  context: ContextMode;
  /** The head sampler its runs use (`<Scenario sampler>`, else the metadata); absent: the code's own, else always. */
  sampler?: SamplerSpec | undefined;
}

/** Every run of a lesson scenario uses this seed, as the playground's default does. */
const SEED = 1;

/** The status when the page puts back the reader's saved edit of the scenario. */
const EDITS_RESTORED = 'Your edited code is back. Reset returns to the original.';

/**
 * `<lesson-scenario>`: a scenario in a lesson — its code in an editor, Run (and Ctrl/Cmd+Enter),
 * Reset with undo, Open in playground, and the trace of the run under it. The runner, shared by
 * the page's scenarios and exercises, loads when the reader comes near; the reader's edits are
 * kept per lesson and scenario.
 */
export class LessonScenarioElement extends HTMLElement {
  #data: LessonScenarioData | undefined;
  #session: RunSession | undefined;
  #stopWatching: (() => void) | undefined;
  #shareVersion = 0;

  connectedCallback(): void {
    if (this.#data) return;
    const data = (this.#data = JSON.parse(this.#part('data').textContent ?? '{}') as LessonScenarioData);
    rememberPrecompiled(data.compiled);
    this.#session = new RunSession({
      host: this,
      runner: LESSON_RUNNER,
      editor: this.#editor,
      views: this.#views,
      button: this.#button('run'),
      notice: this.#part('notice'),
      storageKey: () => `lesson:${location.pathname}:${data.id}`,
      original: () => data.code,
      refuseEmpty: true,
      status: (text) => this.#status(text),
      codeChanged: () => void this.#updateOpenLink(),
    });
    this.#session.restore(EDITS_RESTORED);
    void this.#updateOpenLink();
    // The pickers (`<Scenario settings>`) change what Run runs and what Open in playground carries.
    this.addEventListener('change', (event) => {
      if ((event.target as HTMLElement).matches('select[data-run-setting]')) void this.#updateOpenLink();
    });
    this.#button('run').addEventListener('click', () => void this.run());
    this.#button('reset').addEventListener('click', () => this.#reset());
    this.#editor.addEventListener('run', () => void this.run());
    this.querySelector('sql-panel')?.addEventListener('span-select', (event) => {
      const { traceId, spanId } = (event as CustomEvent<{ traceId: string; spanId: string }>).detail;
      this.#views.selectSpan(traceId, spanId);
    });
    this.#stopWatching = warmWhenReached(this);
  }

  disconnectedCallback(): void {
    this.#stopWatching?.();
  }

  /** Runs the code in the editor and shows its trace. */
  async run(): Promise<void> {
    // The editor upgrades only after this Run has drawn its diagram: it never delays a Run.
    let done!: () => void;
    holdEditorsUntil(new Promise<void>((resolve) => (done = resolve)));
    try {
      await this.#run();
      await atMost((this.#views as Partial<TraceViewsElement>).whenDrawn?.() ?? Promise.resolve(), 3_000);
    } finally {
      done();
    }
  }

  async #run(): Promise<void> {
    const data = this.#data;
    const session = this.#session;
    if (!data || !session) return;
    const started = performance.now();
    const run = await session.run(
      { options: { seed: SEED, ...settingsOptions(this.#settings) }, fileName: `${data.id}.ts` },
      (stage) => this.#progress(stage),
    );
    if (run === null) return; // pressed again while waiting, an empty editor, or a newer run took over
    if (!run.ran) {
      this.#status(`Not run: ${describeErrors(run.result.errors)}`);
      return;
    }
    const findings = linkWrittenLessons(run.findings, data.lessons);
    this.#show(run.result, findings);
    showRunStatus(this.#part('status'), runStatus(run.result, performance.now() - started, findings.length));
  }

  /** Says what the Run waits for, in the status line and (before a first run) in the views. */
  #progress(stage: RunStage): void {
    const text = RUN_STAGE_TEXT[stage];
    this.#views.pending = text;
    // Before the views' code has loaded, their placeholder says it.
    const placeholder = this.#views.querySelector(':scope > .tv-summary:only-child');
    const early = placeholder !== null && customElements.get('trace-views') === undefined;
    if (early) placeholder.textContent = text;
    // Before a first run the views say it where the trace will be: the status says it to screen readers only.
    showRunStatus(this.#part('status'), [{ text, shown: !early && !this.#views.hasAttribute('data-pending') }]);
  }

  #show(result: RunResult, findings: TraceViewsElement['findings']): void {
    this.#views.findings = findings;
    this.#views.result = result;
    this.#views.stale = false;
    const sql = this.querySelector('sql-panel') as (HTMLElement & { result: RunResult | null }) | null;
    if (sql) sql.result = result;
  }

  #reset(): void {
    const data = this.#data;
    if (!data) return;
    if (this.#editor.value === data.code) {
      this.#session?.notice('The code is already the original.');
      return;
    }
    // "Your edited code is back" no longer holds; a status about the last run still does.
    if (this.#part('status').textContent === EDITS_RESTORED) this.#status('');
    this.#session?.replaceCode(data.code, 'The scenario is back to its original code.', {
      label: 'Undo reset',
      message: 'Your edits are back.',
    });
  }

  /** Unedited: the playground with this scenario picked. Edited: a share link of the edit, naming the scenario. */
  async #updateOpenLink(): Promise<void> {
    const data = this.#data;
    if (!data) return;
    const link = this.#part<HTMLAnchorElement>('open');
    const code = this.#editor.value;
    const base = new URL(data.playground, location.href);
    const version = ++this.#shareVersion;
    // Edited or not, the link names the scenario: the playground says what the code was edited from.
    base.searchParams.set('scenario', data.id);
    const settings = this.#settings;
    if (code === data.code) {
      for (const [name, value] of settingsParams(settings)) base.searchParams.set(name, value);
      link.href = base.toString();
      link.dataset['edited'] = 'false';
      return;
    }
    const { shareUrl } = await import('../playground/share-link.ts');
    if (version !== this.#shareVersion) return;
    link.href = shareUrl(code, SEED, base.toString(), settings);
    link.dataset['edited'] = 'true';
  }

  /** The settings the runs use: the pickers' when shown, else the page's. */
  get #settings(): RunSettings {
    const data = this.#data;
    return readSettingsFields(this, { context: data?.context ?? 'async', sampler: data?.sampler });
  }

  #status(text: string): void {
    this.#part('status').textContent = text;
  }

  get #editor(): ScenarioEditorElement {
    return this.querySelector('scenario-editor') as ScenarioEditorElement;
  }

  get #views(): TraceViewsElement {
    return this.querySelector('trace-views') as TraceViewsElement;
  }

  #button(name: string): HTMLButtonElement {
    return this.#part<HTMLButtonElement>(name);
  }

  #part<T extends HTMLElement = HTMLElement>(name: string): T {
    return this.querySelector(`[data-ls="${name}"]`) as T;
  }
}
