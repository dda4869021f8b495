import { ExerciseHelp } from './exercise-help.ts';
import type { ContextMode, PrecompiledScenario, RunResult, SamplerSpec } from '@spanlab/engine';
import { readProgress, recordExercise } from '../../course/progress.ts';
import { SQL_CHECKS, type SqlCheckId } from '../../course/sql-exercise-check.ts';
import { rememberPrecompiled } from '../playground/compiled-cache.ts';
import { clearNotice, showNotice } from '../playground/notice.ts';
import { PlaygroundStorage, storageNoticeText } from '../playground/playground-storage.ts';
import { describeErrors, linkWrittenLessons } from '../playground/run-messages.ts';
import { LESSON_RUNNER } from '../lesson/shared-runner.ts';
import { RUN_STAGE_TEXT } from '../lesson/run-stage-text.ts';
import { warmWhenReached } from '../lesson/warm-up.ts';
import { resultsTable } from '../sql/results-table.ts';
import { SQL_MAX_ROWS, type SqlOutcome } from '../sql/sql-engine.ts';
import { SqlWorkerClient } from '../sql/SqlWorkerClient.ts';
import type { TraceViewsElement } from '../trace/TraceViewsElement.ts';
import { exercisePart, markReportStale, renderDiff, sayStatus, showVerdict } from './report-dom.ts';
import { diffRows } from './solution-diff.ts';

/** What the page hands the element (JSON in its `data-ex="data"` script). */
export interface SqlExerciseElementData {
  id: string;
  /** The starting query and the reference one. */
  start: string;
  solution: string;
  /** The check that judges the query's result. */
  check: SqlCheckId;
  /** The lesson paths that exist, so the run's findings link only to written lessons. */
  lessons: string[];
  /** The scenario whose run the query reads, run as its metadata says, with seed 1. */
  scenario: {
    id: string;
    code: string;
    context: ContextMode;
    sampler?: SamplerSpec | undefined;
    /** `code` compiled at build time: running it needs no compiler in the page. */
    compiled?: PrecompiledScenario | undefined;
  };
}

/** The seed of the scenario's run, as a lesson's scenarios use. */
const SEED = 1;

/**
 * `<span-lab-sql-exercise>`: a SQL exercise — a fixed scenario's run (Run the scenario, or the first
 * Check, runs it in the page's shared sandbox), the reader's query (kept per exercise, under the
 * same key a code exercise uses), Check (runs the query over the run's tables in the SQL worker and
 * shows the check's verdict and the result table; a failed query its error, at its line and
 * column), hints one at a time, the solution as a diff, Reset with undo. Ctrl/Cmd+Enter checks.
 */
export class SqlExerciseElement extends HTMLElement {
  #data: SqlExerciseElementData | undefined;
  #storage: PlaygroundStorage | undefined;
  #client: SqlWorkerClient | undefined;
  /** The scenario's run, once it has run; its spans are what every Check queries. */
  #run: RunResult | undefined;
  #running: Promise<RunResult | undefined> | undefined;
  #checking = false;
  #help: ExerciseHelp | undefined;
  /** The query the report shown was made for (undefined before a Check). */
  #checkedQuery: string | undefined;
  #stopWatching: (() => void) | undefined;

  connectedCallback(): void {
    if (this.#data) return;
    const data = (this.#data = JSON.parse(exercisePart(this, 'data').textContent ?? '{}') as SqlExerciseElementData);
    rememberPrecompiled(data.scenario.compiled);
    this.#storage = new PlaygroundStorage((notice) => this.#notice(storageNoticeText(notice)));
    const saved = this.#storage.code(this.#key);
    if (saved !== undefined && saved !== data.start) {
      this.#query.value = saved;
      this.#status('Your work on this exercise is back. Reset returns to the starting query.');
    }
    if (readProgress().exercises[data.id]?.passed) exercisePart(this, 'badge').hidden = false;
    this.#query.addEventListener('input', () => this.#queryChanged());
    this.#query.addEventListener(
      'focus',
      () =>
        void this.#engine()
          .start()
          .catch(() => undefined),
      { once: true },
    );
    this.#query.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        event.stopPropagation();
        void this.check();
      }
    });
    exercisePart<HTMLButtonElement>(this, 'run').addEventListener('click', () => void this.#runScenario());
    exercisePart<HTMLButtonElement>(this, 'check').addEventListener('click', () => void this.check());
    this.#help = new ExerciseHelp(this, {
      drawDiff: () => this.#drawDiff(),
      solution: () => this.#data?.solution ?? '',
      answer: 'query',
    });
    exercisePart<HTMLButtonElement>(this, 'reset').addEventListener('click', () => this.#reset());
    exercisePart<HTMLButtonElement>(this, 'use').addEventListener('click', () => {
      if (this.#data) this.#replaceQuery(this.#data.solution, 'Your query is replaced by the solution.');
    });
    exercisePart(this, 'results').addEventListener('click', (event) => {
      const { traceId, spanId } =
        (event.target as Element).closest<HTMLButtonElement>('button[data-span-id]')?.dataset ?? {};
      if (traceId !== undefined && spanId !== undefined) this.#views.selectSpan(traceId, spanId);
    });
    this.#stopWatching = warmWhenReached(this);
  }

  disconnectedCallback(): void {
    this.#stopWatching?.();
    this.#client?.dispose();
    this.#client = undefined;
  }

  /** Runs the reader's query over the scenario's run (running it first if needed) and shows the verdict. */
  async check(): Promise<void> {
    const data = this.#data;
    if (!data || this.#checking) return;
    this.#checking = true;
    clearNotice(exercisePart(this, 'notice')); // "replaced by the solution. Undo" spoke of the query before this Check
    const button = exercisePart<HTMLButtonElement>(this, 'check');
    button.setAttribute('aria-busy', 'true');
    this.#status('Checking…');
    try {
      const run = await this.#ensureRun();
      if (!run) return;
      const query = this.#query.value;
      if (query.trim() === '') {
        this.#status('The query is empty: write one, or press Reset for the starting query.');
        return;
      }
      this.#status('Running your query…');
      const outcome = await this.#engine().query(run.spans, query);
      this.#checkedQuery = query;
      if (!outcome.ok) {
        this.#showFailedQuery(outcome);
        this.#markStale();
        return;
      }
      const verdict = SQL_CHECKS[data.check](outcome, run.spans);
      // The banner is short; the verdict under it says what is wrong, and the live region says both.
      showVerdict(
        this,
        {
          passed: verdict.passed,
          items: [
            {
              status: verdict.passed ? 'pass' : 'fail',
              title: 'The result holds exactly the spans the goal asks for',
              detail: verdict.message,
            },
          ],
          summary: verdict.passed
            ? 'Passed: your query finds exactly the spans the goal asks for.'
            : 'Not yet: your query’s result is not the answer. What is wrong, and its rows, are below.',
        },
        `${verdict.passed ? 'Passed' : 'Not yet'}: ${verdict.message}`,
      );
      this.#showResults(outcome, run);
      this.#markStale(); // typed while it ran
      recordExercise(data.id, verdict.passed);
      if (verdict.passed) exercisePart(this, 'badge').hidden = false;
    } finally {
      this.#checking = false;
      button.removeAttribute('aria-busy');
    }
  }

  /** The scenario's run: the one shown, or a new one (one at a time). */
  #ensureRun(): Promise<RunResult | undefined> {
    if (this.#run) return Promise.resolve(this.#run);
    return this.#runScenario();
  }

  #runScenario(): Promise<RunResult | undefined> {
    this.#running ??= this.#startRun().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #startRun(): Promise<RunResult | undefined> {
    const data = this.#data;
    if (!data) return undefined;
    const { id, code, context, sampler } = data.scenario;
    const button = exercisePart<HTMLButtonElement>(this, 'run');
    button.setAttribute('aria-busy', 'true');
    const progress = (stage: keyof typeof RUN_STAGE_TEXT): void =>
      this.#status(stage === 'running' ? 'Running the scenario…' : RUN_STAGE_TEXT[stage]);
    progress(LESSON_RUNNER.ready() ? 'running' : 'loading-runner');
    try {
      const [result, lint] = await Promise.all([
        LESSON_RUNNER.run(this, {
          source: code,
          options: { seed: SEED, context, ...(sampler === undefined ? {} : { sampler }) },
          fileName: `${id}.ts`,
          onProgress: progress,
        }),
        LESSON_RUNNER.loadShowing(),
      ]);
      if (result === null) return undefined;
      if (result.errors.length > 0 || result.limits.length > 0) {
        this.#status(`The scenario did not run cleanly: ${describeErrors(result.errors)}`);
        return undefined;
      }
      const views = this.#views;
      views.pending = null;
      views.findings = linkWrittenLessons(lint(result.spans), data.lessons);
      views.result = result;
      views.stale = false;
      this.#run = result;
      this.#status(`The scenario ran: ${result.spans.length} spans. Your query reads them.`);
      return result;
    } finally {
      button.removeAttribute('aria-busy');
    }
  }

  #engine(): SqlWorkerClient {
    this.#client ??= new SqlWorkerClient();
    return this.#client;
  }

  /** A query SQLite refused: its message, at its line and column when known; the caret goes there. */
  #showFailedQuery(outcome: Extract<SqlOutcome, { ok: false }>): void {
    const where = outcome.position ? `Line ${outcome.position.line}, column ${outcome.position.column}: ` : '';
    const at = outcome.position ? ` at line ${outcome.position.line}, column ${outcome.position.column}` : '';
    showVerdict(
      this,
      {
        passed: false,
        items: [{ status: 'fail', title: 'The query runs', detail: `${where}${outcome.error}` }],
        summary: `Not checked: the query failed${at}. Your query is kept: fix it and press Check again.`,
      },
      `Not checked: the query failed. ${where}${outcome.error}`,
    );
    exercisePart(this, 'results').hidden = true;
    exercisePart(this, 'results').replaceChildren();
    if (outcome.position) this.#query.setSelectionRange(outcome.position.offset, outcome.position.offset);
  }

  #showResults(outcome: Extract<SqlOutcome, { ok: true }>, run: RunResult): void {
    const results = exercisePart(this, 'results');
    const count = `${outcome.rows.length}${outcome.truncated ? `+ rows (only the first ${SQL_MAX_ROWS} shown)` : ` row${outcome.rows.length === 1 ? '' : 's'}`}`;
    if (outcome.columns.length === 0) {
      results.replaceChildren('Your query returned no columns.');
    } else {
      const traces = new Map(run.spans.map((span) => [span.spanId, span.traceId]));
      results.replaceChildren(
        resultsTable(outcome.columns, outcome.rows, `Your query's result: ${count}`, (id) => traces.get(id)),
      );
    }
    results.hidden = false;
  }

  /** Shows a verdict; the live region says `spoken` (by default the banner's summary). */

  #queryChanged(): void {
    const data = this.#data;
    if (!data) return;
    clearNotice(exercisePart(this, 'notice')); // it spoke of the query before this edit
    this.#keepQuery();
  }

  /** Keeps the query the textarea holds (forgotten when it is the starting one); the open diff follows it. */
  #keepQuery(): void {
    const query = this.#query.value;
    if (query === this.#data?.start) this.#storage?.forgetCode(this.#key);
    else this.#storage?.saveCode(this.#key, query);
    if (this.#help?.solutionOpen) void this.#drawDiff();
    this.#markStale();
  }

  /** Says whether the report shown is of the query in the textarea. */
  #markStale(): void {
    if (this.#checkedQuery !== undefined) markReportStale(this, this.#query.value !== this.#checkedQuery, 'query');
  }

  async #drawDiff(): Promise<void> {
    const data = this.#data;
    if (!data) return;
    const { diffLines } = await import('diff');
    renderDiff(exercisePart(this, 'diff'), diffRows(diffLines(this.#query.value, data.solution)), 'query');
  }

  #reset(): void {
    const data = this.#data;
    if (!data) return;
    if (this.#query.value === data.start) {
      this.#notice('The query is already the starting query.');
      return;
    }
    this.#replaceQuery(data.start, 'The exercise is back to its starting query.');
  }

  /** Replaces the reader's query (kept), offering Undo. */
  #replaceQuery(query: string, message: string): void {
    const before = this.#query.value;
    this.#setQuery(query);
    this.#notice(message, {
      label: 'Undo',
      action: () => {
        this.#setQuery(before);
        this.#notice('Your query is back.');
      },
    });
    this.#status('');
  }

  #setQuery(query: string): void {
    this.#query.value = query;
    this.#keepQuery();
  }

  #notice(text: string, action?: Parameters<typeof showNotice>[2]): void {
    showNotice(exercisePart(this, 'notice'), text, action);
  }

  #status(text: string): void {
    sayStatus(this, text);
  }

  /** The key the query is kept under: the one a code exercise keeps its code under. */
  get #key(): string {
    return `exercise:${this.#data?.id ?? ''}`;
  }

  get #query(): HTMLTextAreaElement {
    return exercisePart<HTMLTextAreaElement>(this, 'query');
  }

  get #views(): TraceViewsElement {
    return this.querySelector('trace-views') as TraceViewsElement;
  }
}
