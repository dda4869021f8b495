import type { Finding, RunResult, SpanRecord } from '@spanlab/engine';
import type { ScenarioEditorElement } from '../editor/ScenarioEditorElement.ts';
import type { TraceViewsElement } from '../trace/TraceViewsElement.ts';
import { clearNotice, showNotice, type NoticeAction } from './notice.ts';
import { PlaygroundStorage, storageNoticeText } from './playground-storage.ts';
import { compileFailed, EMPTY_EDITOR, runProblems } from './run-messages.ts';
import type { RunRequest, RunStage } from './SandboxRunner.ts';

/** What runs a session's code: the playground's own runner, or the runner a lesson's parts share. */
export interface SessionRunner {
  /** Runs for `owner`; null when a newer run of the same owner took over. */
  run(owner: object, request: RunRequest): Promise<RunResult | null>;
  /** Whether a run would start at once. */
  ready(): boolean;
  /** Starts loading the compiler: edited code needs it. */
  warmCompiler(): void;
  /** Loads what showing a run needs (the linter; in a lesson, the trace views too) beside the run; gives the linter. */
  loadShowing(): Promise<(spans: readonly SpanRecord[]) => Finding[]>;
}

/** The parts of a component that runs the reader's code: the playground, a lesson's scenario, an exercise. */
export interface RunSessionParts {
  /** The component: it owns its runs. */
  host: HTMLElement;
  runner: SessionRunner;
  editor: ScenarioEditorElement;
  views: TraceViewsElement;
  /** Run or Check: `aria-busy` while its run waits and goes. */
  button: HTMLButtonElement;
  /** Where notices (storage, reset, undo) show. */
  notice: HTMLElement;
  /** Says a run's progress, a restored edit, … */
  status: (text: string) => void;
  /** The key the reader's code is kept under: per page part, or per scenario picked. */
  storageKey: () => string;
  /** The code as shipped, for the key now: a saved edit differs from it. */
  original: () => string;
  /** The component's storage, when it keeps more than code; else the session makes its own. */
  storage?: PlaygroundStorage;
  /** An empty editor is not run: Run says so instead (a Check runs it, and fails). */
  refuseEmpty?: boolean;
  /** The code changed (typed, replaced, undone), after it was saved. */
  codeChanged?: () => void;
}

/** What a run gave: the result and the linter's findings, or a compile failure (its errors are in Problems). */
export type SessionRun = { ran: true; result: RunResult; findings: Finding[] } | { ran: false; result: RunResult };

/**
 * The run controller the playground, a lesson's scenario and an exercise compose: the reader's code
 * kept (restored on load, saved on each change), the compiler loaded from the first keystroke, a
 * problem's line revealed in the editor, one run at a time with its progress said, Problems filled
 * and the linter run, and code replaced with an undo. The component shows what a run means (a
 * trace, verdicts) and says it.
 */
export class RunSession {
  readonly storage: PlaygroundStorage;
  readonly #parts: RunSessionParts;
  /** The run that waits for the runner, with the code it was pressed for; null once it runs. */
  #waiting: { source: string } | null = null;

  constructor(parts: RunSessionParts) {
    this.#parts = parts;
    this.storage = parts.storage ?? new PlaygroundStorage((notice) => this.notice(storageNoticeText(notice)));
    const { editor, host, runner } = parts;
    // Edited code needs the compiler: it loads from the first keystroke (or a scripted change).
    editor.addEventListener('edit', () => runner.warmCompiler(), { once: true });
    editor.addEventListener('change', () => runner.warmCompiler(), { once: true });
    editor.addEventListener('change', () => {
      clearNotice(parts.notice); // it spoke of the code before this edit
      this.storage.saveCode(parts.storageKey(), editor.value); // may say storage is full: after the clear
      parts.codeChanged?.();
    });
    host.addEventListener('problem-select', (event) => {
      const { line } = (event as CustomEvent<{ line: number }>).detail;
      editor.revealLine(line);
      editor.focus();
    });
  }

  /** Puts back the reader's saved edit, if one differs from the original, and says `text`; whether it did. */
  restore(text: string): boolean {
    const saved = this.storage.code(this.#parts.storageKey());
    if (saved === undefined || saved === this.#parts.original()) return false;
    this.#parts.editor.value = saved;
    this.#parts.status(text);
    return true;
  }

  /**
   * Runs the editor's code. `progress` says each stage. A press while an earlier one still waits
   * for the runner adds nothing when the code is the same; edited since, it takes over, as it does
   * once the earlier run is going. Null when nothing ran (pressed again, an empty editor) or a
   * newer run of this component took over.
   */
  async run(
    request: Required<Pick<RunRequest, 'options' | 'fileName'>>,
    progress: (stage: RunStage) => void,
  ): Promise<SessionRun | null> {
    const { button, editor, views, notice, runner } = this.#parts;
    const source = editor.value;
    if (this.#waiting?.source === source) return null;
    clearNotice(notice);
    if (this.#parts.refuseEmpty && source.trim() === '') {
      this.#parts.status(EMPTY_EDITOR);
      // The diagrams shown are of code no longer in the editor.
      if (views.result !== null) views.stale = true;
      return null;
    }
    button.setAttribute('aria-busy', 'true');
    const mine = { source };
    this.#waiting = mine;
    const settled = (): void => {
      if (this.#waiting === mine) this.#waiting = null;
    };
    const said = (stage: RunStage): void => {
      if (stage === 'running') settled();
      progress(stage);
    };
    said(runner.ready() ? 'running' : 'loading-runner');
    const [result, lint] = await Promise.all([
      runner.run(this.#parts.host, { source, ...request, onProgress: said }),
      runner.loadShowing(),
    ]).finally(settled);
    if (result === null) return null; // a newer run of this component took over
    button.removeAttribute('aria-busy');
    views.pending = null;
    editor.setProblems(runProblems(result));
    if (compileFailed(result)) {
      views.failed = result; // Problems shows its errors; the old diagrams go stale
      return { ran: false, result };
    }
    return { ran: true, result, findings: lint(result.spans) };
  }

  /** Replaces the reader's code (saved), and offers `undo.label` to put it back while the same code is shown. */
  replaceCode(code: string, message: string, undo: { label: string; message: string }): void {
    const key = this.#parts.storageKey();
    const before = this.#parts.editor.value;
    this.#setCode(key, code);
    const action: NoticeAction = {
      label: undo.label,
      action: () => {
        if (this.#parts.storageKey() !== key) return; // another scenario is shown now
        this.#setCode(key, before);
        this.notice(undo.message);
      },
    };
    this.notice(message, action);
  }

  notice(text: string, action?: NoticeAction): void {
    showNotice(this.#parts.notice, text, action);
  }

  #setCode(key: string, code: string): void {
    this.#parts.editor.value = code;
    if (code === this.#parts.original()) this.storage.forgetCode(key);
    else this.storage.saveCode(key, code);
    this.#parts.codeChanged?.();
  }
}
