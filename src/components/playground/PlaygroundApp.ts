import { lintWithDocs } from '../../course/rule-docs.ts';
import type { ContextMode, PrecompiledScenario, RunResult, SamplerSpec } from '@spanlab/engine';
import { ScenarioEditorElement } from '../editor/ScenarioEditorElement.ts';
import { RUN_STAGE_TEXT } from '../lesson/run-stage-text.ts';
import { afterPaint } from '../trace/dom/after-paint.ts';
import { preloadMermaid } from '../trace/mermaid/preload-mermaid.ts';
import { plural } from '../trace/model/format.ts';
import { rememberPrecompiled } from './compiled-cache.ts';
import type { TraceViewsElement } from '../trace/TraceViewsElement.ts';
import { clearNotice, showNotice, type NoticeAction } from './notice.ts';
import { describeOpenedTrace, showOpenedTrace } from './opened-trace.ts';
import { PlaygroundStorage, storageNoticeText } from './playground-storage.ts';
import { downloadTrace, openTrace } from './run-files.ts';
import { describeErrors, linkWrittenLessons, openedStatus, runStatus, showRunStatus } from './run-messages.ts';
import { RunSession } from './run-session.ts';
import { SandboxRunner, type RunStage } from './SandboxRunner.ts';
import { readStoredRun, storedRunText } from './stored-run.ts';
import { readFragment, shareUrl } from './share-link.ts';
import { readSettingsFields, writeSettingsFields } from './run-settings-fields.ts';
import { DEFAULT_SETTINGS, parseRunSettings, settingsOptions, type RunSettings } from './run-settings.ts';

/** A scenario the picker offers. */
export interface PlaygroundScenario {
  id: string;
  title: string;
  summary: string;
  code: string;
  /** The picker's group it is listed in ("Good practice", "Lint rule examples", …). */
  group?: string | undefined;
  /** `code` compiled at build time, so its Run needs no compiler in the page. */
  compiled?: PrecompiledScenario | undefined;
  /** The context manager its metadata asks for (default async). */
  context?: ContextMode | undefined;
  /** The head sampler its metadata asks for (default: its own export, else always). */
  sampler?: SamplerSpec | undefined;
}

const SHARED = 'shared';

/**
 * `<span-lab-playground>`: wires the scenario picker, the editor, the controls and the views to
 * the sandboxed runner and to the reader's saved work. State lives here; the editor and the views
 * only show what they are given and report what the reader does.
 */
export class PlaygroundApp extends HTMLElement {
  #runner = new SandboxRunner();
  #storage = new PlaygroundStorage((notice) => this.#notice(storageNoticeText(notice)));
  #scenarios: PlaygroundScenario[] = [];
  #current = '';
  #result: RunResult | null = null;
  #session: RunSession | undefined;
  #lessons: string[] = [];
  #closeOpenedTrace: (() => void) | undefined;
  /** The name of the trace file the views show, while they show one. */
  #openedFile: string | undefined;
  #running: Promise<void> = Promise.resolve();

  connectedCallback(): void {
    this.#scenarios = JSON.parse(this.#part('scenarios').textContent ?? '[]') as PlaygroundScenario[];
    this.#lessons = JSON.parse(this.#part('lessons').textContent ?? '[]') as string[];
    for (const scenario of this.#scenarios) rememberPrecompiled(scenario.compiled);
    // What a Run needs loads first (no TypeScript: the scenarios come compiled); the editor
    // upgrades after it, and after a Run pressed meanwhile.
    const runPath = this.#runner.prepare().catch(() => undefined); // settles loaded or failed, never rejects
    // Mermaid (the gantt chart a first waterfall upgrades to) after the run path and a Run pressed meanwhile.
    void runPath
      .then(() => this.#running)
      .then(afterPaint)
      .then(preloadMermaid);
    ScenarioEditorElement.beforeUpgrade = async () => {
      await runPath;
      await this.#running;
    };
    this.#session = new RunSession({
      host: this,
      runner: {
        run: (_owner, request) => this.#runner.run(request),
        ready: () => this.#runner.ready,
        warmCompiler: () => this.#runner.prepareCompiler(),
        loadShowing: () => Promise.resolve(lintWithDocs),
      },
      editor: this.#editor,
      views: this.#views,
      button: this.#button('run'),
      notice: this.#part('notice'),
      status: (text) => this.#status(text),
      storageKey: () => this.#current,
      original: () => this.#scenarios.find((s) => s.id === this.#current)?.code ?? '',
      storage: this.#storage,
      refuseEmpty: true,
    });
    this.#picker.addEventListener('change', () =>
      this.#open(this.#picker.value, this.#storage.code(this.#picker.value)),
    );
    // A run's settings belong to the code shown: a share link made after a change carries them.
    this.addEventListener('change', (event) => {
      if ((event.target as HTMLElement).matches('select[data-run-setting]')) this.#part('share-url').hidden = true;
    });
    this.#button('run').addEventListener('click', () => void this.run());
    this.#button('reset').addEventListener('click', () => this.#reset());
    this.#button('share').addEventListener('click', () => void this.#share());
    this.#button('download').addEventListener('click', () => this.#download());
    this.#button('open').addEventListener('click', () => this.#fileInput.click());
    this.#fileInput.addEventListener('change', () => void this.#openFile());
    // A trace file dropped anywhere on the playground opens as Open trace would; the editor never gets it.
    this.addEventListener('dragover', (event) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    });
    this.addEventListener(
      'drop',
      (event) => {
        const file = event.dataTransfer?.files[0];
        if (!file) return;
        event.preventDefault();
        event.stopPropagation();
        void this.#openTraceFile(file);
      },
      { capture: true },
    );
    this.#editor.addEventListener('run', () => void this.run());
    this.querySelector('sql-panel')?.addEventListener('span-select', (event) => {
      const { traceId, spanId } = (event as CustomEvent<{ traceId: string; spanId: string }>).detail;
      this.#views.selectSpan(traceId, spanId);
    });
    void this.#start();
    this.#button('run').disabled = false;
  }

  disconnectedCallback(): void {
    this.#runner.dispose();
  }

  /** Compiles and runs the code in the editor, and shows what it produced. */
  async run(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    const scenario = this.#current;
    const started = performance.now();
    // The editor upgrades only after this Run has drawn its diagram: it never delays a Run.
    let drawn!: () => void;
    const running = new Promise<void>((resolve) => (drawn = resolve));
    const run = session.run(
      { options: { seed: this.#seed, ...settingsOptions(readSettingsFields(this)) }, fileName: `${scenario}.ts` },
      (stage) => this.#progress(stage),
    );
    // Beside any run still held (a second press adds no run, and must not release the first).
    this.#running = Promise.all([this.#running, running]).then(() => undefined);
    const outcome = await run.finally(() => {
      // After the rest of this method has shown the result (it does not wait).
      queueMicrotask(() => {
        void Promise.race([this.#views.whenDrawn(), new Promise((resolve) => setTimeout(resolve, 3_000))]).finally(
          drawn,
        );
      });
    });
    if (outcome === null) return; // pressed again while waiting, an empty editor, or a newer run took over
    if (!outcome.ran) {
      // Nothing ran: the last trace stays on screen, marked as from before this edit.
      this.#status(`Not run: ${describeErrors(outcome.result.errors)}`);
      return;
    }
    this.#show(outcome.result, outcome.findings);
    this.#storage.saveLastRun(scenario, storedRunText(outcome.result));
    showRunStatus(
      this.#part('status'),
      runStatus(outcome.result, performance.now() - started, this.#views.findings.length),
    );
  }

  /** Says what the Run waits for, in the status line and (before any run) in the views. */
  #progress(stage: RunStage): void {
    const text = RUN_STAGE_TEXT[stage];
    this.#views.pending = text;
    // Before a first run the views say it where the trace will be: the status says it to screen readers only.
    showRunStatus(this.#part('status'), [{ text, shown: !this.#views.hasAttribute('data-pending') }]);
  }

  async #start(): Promise<void> {
    const fragment = await readFragment();
    if (fragment.kind === 'code') {
      // A lesson's "Open in playground" of edited code names its scenario in `?scenario=`.
      const from = this.#scenarios.find((s) => s.id === new URLSearchParams(location.search).get('scenario'));
      this.#addSharedScenario(fragment.code, from);
      if (fragment.seed !== undefined) this.#seedInput.value = String(fragment.seed);
      this.#open(SHARED, fragment.code, fragment.settings);
      this.#notice(
        from
          ? `This code was edited from the scenario “${from.title}”. It runs only when you press Run.`
          : 'This code came from a share link. It runs only when you press Run.',
      );
      return;
    }
    // `?scenario=<id>` (a lesson's "Open in playground") picks that scenario; an unknown one
    // gives the default scenario, not the last one, so the notice and the picker agree.
    const requested = new URLSearchParams(location.search).get('scenario');
    const known = (id: string | null | undefined): boolean => !!id && this.#scenarios.some((s) => s.id === id);
    const last = fragment.kind === 'bad' ? undefined : this.#storage.lastScenario();
    const initial = requested !== null ? requested : last;
    const id = (known(initial) ? initial : undefined) ?? this.#scenarios[0]?.id ?? '';
    // A lesson's "Open in playground" passes the settings its <Scenario> runs with.
    const search = new URLSearchParams(location.search);
    const asked = parseRunSettings(search.get('context'), search.get('sampler'));
    const askedAny = search.has('context') || search.has('sampler');
    this.#open(id, this.#storage.code(id), asked.ok && askedAny ? asked.settings : undefined);
    // After opening: putting the code in the editor is a change, which clears the notices before it.
    if (!asked.ok) this.#notice(`The link's run settings were left out: ${asked.reason}.`);
    else if (fragment.kind === 'bad')
      this.#notice(`Couldn't load the shared code (${fragment.reason}); showing the default scenario instead.`);
    else if (requested !== null && !known(requested))
      this.#notice(`There is no scenario "${requested.slice(0, 80)}"; showing the default scenario instead.`);
  }

  /** Opens a scenario with `code`, and the run settings given, else the scenario's own. */
  #open(id: string, code: string | undefined, settings?: RunSettings): void {
    const scenario = this.#scenarios.find((s) => s.id === id);
    if (!scenario) return;
    this.#current = id;
    writeSettingsFields(
      this,
      settings ?? { context: scenario.context ?? DEFAULT_SETTINGS.context, sampler: scenario.sampler },
    );
    this.#picker.value = id;
    this.#part('summary').textContent = scenario.summary;
    if (id !== SHARED) this.#storage.saveLastScenario(id);
    this.#editor.value = code ?? scenario.code;
    this.#editor.setProblems([]);
    const text = this.#storage.lastRun(id);
    const saved = text === undefined ? undefined : readStoredRun(text);
    if (saved?.ok === false) this.#storage.forgetLastRun(id);
    this.#show(saved?.ok ? saved.result : null);
    this.#status(
      saved?.ok
        ? 'Showing your last run of this scenario. Press Run to run it again.'
        : saved
          ? `Your last run of this scenario was not shown: ${saved.reason}. Press Run (Ctrl+Enter) to run it again.`
          : 'Press Run (Ctrl+Enter) to run the scenario.',
    );
  }

  /** Shows a run (or a trace file, or nothing) with the linter's findings, linted now unless given. */
  #show(result: RunResult | null, findings = result ? lintWithDocs(result.spans) : []): void {
    this.#result = result;
    this.#closeOpenedTrace?.();
    this.#closeOpenedTrace = undefined;
    this.#openedFile = undefined;
    this.#part('summary').hidden = false;
    this.#views.opened = null;
    // The linter's findings go to Problems, for a run and for a trace opened from a file alike;
    // a finding links to its lesson only once that lesson is written.
    this.#views.findings = linkWrittenLessons(findings, this.#lessons);
    this.#views.result = result;
    this.#views.stale = false;
    const sql = this.querySelector<HTMLElement & { result: RunResult | null }>('sql-panel');
    if (sql) sql.result = result;
    this.#button('download').toggleAttribute('disabled', !result || result.spans.length === 0);
  }

  #reset(): void {
    const scenario = this.#scenarios.find((s) => s.id === this.#current);
    if (!scenario) return;
    this.#session?.replaceCode(scenario.code, 'The scenario is back to its original code.', {
      label: 'Undo reset',
      message: 'Your edits are back.',
    });
  }

  async #share(): Promise<void> {
    const url = shareUrl(this.#editor.value, this.#seed, location.href, readSettingsFields(this));
    const field = this.#part<HTMLInputElement>('share-url');
    field.value = url;
    field.hidden = false;
    try {
      await navigator.clipboard.writeText(url);
      this.#status('Share link copied to the clipboard.');
    } catch {
      field.select();
      this.#status('Copy the share link from the field below the controls.');
    }
  }

  #download(): void {
    if (!this.#result) return;
    // An opened file keeps its own name: it came from no scenario and no seed.
    const name =
      this.#openedFile === undefined
        ? `${this.#current}-seed-${this.#result.seed}`
        : this.#openedFile.replace(/(\.otlp)?\.jsonl?$/i, '');
    const left = downloadTrace(this.#result, `${name}.otlp.json`);
    this.#status(
      left > 0
        ? `Trace downloaded. ${plural(left, 'span')} never ended and ${left === 1 ? 'is' : 'are'} not in it.`
        : 'Trace downloaded as OTLP JSON.',
    );
  }

  async #openFile(): Promise<void> {
    const file = this.#fileInput.files?.[0];
    this.#fileInput.value = '';
    if (file) await this.#openTraceFile(file);
  }

  async #openTraceFile(file: File): Promise<void> {
    const opened = await openTrace(file);
    if (!opened.ok) {
      this.#notice(opened.error);
      return;
    }
    const trace = { fileName: file.name, format: opened.format, spans: opened.result.spans };
    this.#show(opened.result);
    this.#views.opened = describeOpenedTrace(trace);
    // The code did not make this trace: the code panel says what the file is until Back to code.
    clearNotice(this.#part('notice'));
    this.#part('share-url').hidden = true;
    // The scenario's summary speaks of the code's run, not of this file.
    this.#part('summary').hidden = true;
    this.#openedFile = file.name;
    this.#closeOpenedTrace?.();
    // Back to code: the code, the scenario and the run settings the reader left, untouched.
    this.#closeOpenedTrace = showOpenedTrace(this.#part('code'), trace, () =>
      this.#open(this.#current, this.#editor.value, readSettingsFields(this)),
    );
    // The views' summary shows the format and the counts: on screen the status adds only its warnings.
    showRunStatus(
      this.#part('status'),
      openedStatus(file.name, opened.result.spans.length, opened.format, opened.warnings),
    );
  }

  #addSharedScenario(code: string, from?: PlaygroundScenario): void {
    if (this.#scenarios.some((s) => s.id === SHARED)) return;
    const title = from ? `Edited from ${from.title}` : 'Shared code';
    const summary = from ? `Your edit of the scenario “${from.title}”. ${from.summary}` : 'Code from a share link.';
    this.#scenarios.unshift({ id: SHARED, title, summary, code });
    const option = document.createElement('option');
    option.value = SHARED;
    option.textContent = title;
    this.#picker.prepend(option);
  }

  #notice(text: string, action?: NoticeAction): void {
    showNotice(this.#part('notice'), text, action);
  }

  #status(text: string): void {
    this.#part('status').textContent = text;
  }

  get #seed(): number {
    const seed = Number(this.#seedInput.value);
    return Number.isSafeInteger(seed) ? seed : 1;
  }

  get #picker(): HTMLSelectElement {
    return this.#part<HTMLSelectElement>('picker');
  }

  get #seedInput(): HTMLInputElement {
    return this.#part<HTMLInputElement>('seed');
  }

  get #fileInput(): HTMLInputElement {
    return this.#part<HTMLInputElement>('file');
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
    return this.querySelector(`[data-pg="${name}"]`) as T;
  }
}
