import { ExerciseHelp } from './exercise-help.ts';
import type { ContextMode, Expectation, PrecompiledScenario, SamplerSpec } from '@spanlab/engine';
import { readProgress, recordExercise } from '../../course/progress.ts';
import type { ScenarioEditorElement } from '../editor/ScenarioEditorElement.ts';
import { linkWrittenLessons } from '../playground/run-messages.ts';
import { RunSession } from '../playground/run-session.ts';
import { LESSON_RUNNER, loadEngine } from '../lesson/shared-runner.ts';
import { RUN_STAGE_TEXT } from '../lesson/run-stage-text.ts';
import { rememberPrecompiled } from '../playground/compiled-cache.ts';
import { warmWhenReached } from '../lesson/warm-up.ts';
import type { TraceViewsElement } from '../trace/TraceViewsElement.ts';
import { checkOutcome, compileOutcome } from './check-outcome.ts';
import { exercisePart, markReportStale, renderDiff, sayStatus, showVerdict } from './report-dom.ts';
import { diffRows } from './solution-diff.ts';

/** What the page hands the element (JSON in its `data-ex="data"` script). */
export interface ExerciseElementData {
  id: string;
  start: string;
  solution: string;
  seed: number;
  /** The context manager and head sampler every Check runs with (`sampler` absent: the code's own, else always). */
  context: ContextMode;
  sampler?: SamplerSpec | undefined;
  expectations: Expectation[];
  /** The lesson paths that exist, so findings link only to written lessons. */
  lessons: string[];
  /** `start` and `solution` compiled at build time, so their Check needs no compiler in the page. */
  compiled?: PrecompiledScenario[];
}

/**
 * `<span-lab-exercise>`: an exercise — the reader's code (kept per exercise), Check (runs it in the
 * page's shared sandbox and shows one verdict per expectation and the linter's findings, and the
 * trace), hints one at a time, the solution as a diff beside the reader's code, Reset with undo.
 */
export class ExerciseElement extends HTMLElement {
  #data: ExerciseElementData | undefined;
  #session: RunSession | undefined;
  #stopWatching: (() => void) | undefined;
  #help: ExerciseHelp | undefined;
  /** The code the report shown was made for (undefined before a Check), and whether that code ran. */
  #checked: { code: string; ran: boolean } | undefined;

  connectedCallback(): void {
    if (this.#data) return;
    const data = (this.#data = JSON.parse(exercisePart(this, 'data').textContent ?? '{}') as ExerciseElementData);
    for (const entry of data.compiled ?? []) rememberPrecompiled(entry);
    this.#session = new RunSession({
      host: this,
      runner: LESSON_RUNNER,
      editor: this.#editor,
      views: this.#views,
      button: exercisePart<HTMLButtonElement>(this, 'check'),
      notice: exercisePart(this, 'notice'),
      storageKey: () => `exercise:${data.id}`,
      original: () => data.start,
      status: (text) => this.#status(text),
      codeChanged: () => {
        if (this.#help?.solutionOpen) void this.#drawDiff();
        this.#markStale();
      },
    });
    this.#session.restore('Your work on this exercise is back. Reset returns to the starting code.');
    if (readProgress().exercises[data.id]?.passed) exercisePart(this, 'badge').hidden = false;
    exercisePart<HTMLButtonElement>(this, 'check').addEventListener('click', () => void this.check());
    this.#help = new ExerciseHelp(this, {
      drawDiff: () => this.#drawDiff(),
      solution: () => this.#data?.solution ?? '',
      answer: 'code',
    });
    exercisePart<HTMLButtonElement>(this, 'reset').addEventListener('click', () => this.#reset());
    exercisePart<HTMLButtonElement>(this, 'use').addEventListener('click', () => this.#useSolution());
    this.#editor.addEventListener('run', () => void this.check());
    this.#stopWatching = warmWhenReached(this);
  }

  disconnectedCallback(): void {
    this.#stopWatching?.();
  }

  /** Runs the reader's code and shows the verdicts, the linter's findings and the trace. */
  async check(): Promise<void> {
    const data = this.#data;
    const session = this.#session;
    if (!data || !session) return;
    const code = this.#editor.value;
    const run = await session.run(
      {
        options: {
          seed: data.seed,
          context: data.context,
          ...(data.sampler === undefined ? {} : { sampler: data.sampler }),
        },
        fileName: `${data.id}.ts`,
      },
      (stage) => this.#status(stage === 'running' ? 'Checking…' : RUN_STAGE_TEXT[stage]),
    );
    if (run === null) return; // pressed again while waiting, or a newer Check took over
    this.#checked = { code, ran: run.ran };
    if (!run.ran) {
      showVerdict(this, compileOutcome(run.result));
      this.#markStale();
      return;
    }
    const { result, findings } = run;
    const engine = await loadEngine(); // loaded with the run
    const outcome = checkOutcome(
      result,
      engine.evaluateExpectations(result.spans, data.expectations, result.unsampledSpans),
      findings,
    );
    this.#views.findings = linkWrittenLessons(findings, data.lessons);
    this.#views.result = result;
    this.#views.stale = false;
    exercisePart(this, 'trace').hidden = false;
    showVerdict(this, outcome);
    this.#markStale(); // typed while it ran
    recordExercise(data.id, outcome.passed);
    if (outcome.passed) exercisePart(this, 'badge').hidden = false;
  }

  /** Says whether the report and the trace shown are of the code in the editor. */
  #markStale(): void {
    const checked = this.#checked;
    if (checked === undefined) return;
    const stale = this.#editor.value !== checked.code;
    markReportStale(this, stale);
    // The views show the last code that ran: a compile failure left them stale already.
    if (this.#views.result !== null) this.#views.stale = stale || !checked.ran;
  }

  async #drawDiff(): Promise<void> {
    const data = this.#data;
    if (!data) return;
    const { diffLines } = await import('diff');
    renderDiff(exercisePart(this, 'diff'), diffRows(diffLines(this.#editor.value, data.solution)));
  }

  #useSolution(): void {
    const data = this.#data;
    if (!data) return;
    this.#replaceCode(data.solution, 'Your code is replaced by the solution.');
  }

  #reset(): void {
    const data = this.#data;
    if (!data) return;
    if (this.#editor.value === data.start) {
      this.#session?.notice('The code is already the starting code.');
      return;
    }
    this.#replaceCode(data.start, 'The exercise is back to its starting code.');
  }

  /** Replaces the reader's code, offering to undo it. */
  #replaceCode(code: string, message: string): void {
    this.#session?.replaceCode(code, message, { label: 'Undo', message: 'Your code is back.' });
    // "Your work on this exercise is back" (or any status) no longer holds once the code is replaced.
    this.#status('');
  }

  #status(text: string): void {
    sayStatus(this, text);
  }

  get #editor(): ScenarioEditorElement {
    return this.querySelector('scenario-editor') as ScenarioEditorElement;
  }

  get #views(): TraceViewsElement {
    return this.querySelector('trace-views') as TraceViewsElement;
  }
}
