import type { RunResult } from '@spanlab/engine';
import type { ScenarioEditorElement } from '../editor/ScenarioEditorElement.ts';
import { clearNotice, showNotice, type NoticeAction } from '../playground/notice.ts';
import { PlaygroundStorage, storageNoticeText } from '../playground/playground-storage.ts';
import { compileFailed, runProblems } from '../playground/run-messages.ts';
import type { RunRequest, RunStage } from '../playground/SandboxRunner.ts';
import type { TraceViewsElement } from '../trace/TraceViewsElement.ts';
import { loadEngine, loadTraceViews, runFor, runnerReady, warmCompiler, type LessonEngine } from './shared-runner.ts';

/** The parts of a component that runs code in a lesson: a `<lesson-scenario>` or an exercise. */
export interface RunSessionParts {
  /** The component: it owns its runs on the page's shared runner. */
  host: HTMLElement;
  editor: ScenarioEditorElement;
  views: TraceViewsElement;
  /** Run or Check: `aria-busy` while its run waits and goes. */
  button: HTMLButtonElement;
  /** Where notices (storage, reset, undo) show. */
  notice: HTMLElement;
  /** The reader's code is kept under this key, per page part. */
  storageKey: string;
  /** The code the page shipped: a saved edit differs from it. */
  original: string;
  /** Says a run's progress, a restored edit, a copied solution… */
  status: (text: string) => void;
  /** The code changed (typed, replaced, undone), after it was saved. */
  codeChanged?: () => void;
}

/** What a run gave: the result and the checks' findings, or a compile failure (its errors are in Problems). */
export type SessionRun =
  | { ran: true; result: RunResult; findings: ReturnType<LessonEngine['lintWithDocs']>; engine: LessonEngine }
  | { ran: false; result: RunResult };

/**
 * The controller a lesson's scenario and an exercise share: the reader's code kept per part
 * (restored on load, saved on each change), the compiler loaded from the first keystroke, a
 * problem's line revealed in the editor, one run at a time on the page's runner with its progress
 * said, Problems filled, and code replaced with an undo. The component shows what a run means
 * (a trace, verdicts).
 */
export class RunSession {
  readonly #parts: RunSessionParts;
  readonly #storage: PlaygroundStorage;
  #waiting = false;

  constructor(parts: RunSessionParts) {
    this.#parts = parts;
    this.#storage = new PlaygroundStorage((notice) => this.notice(storageNoticeText(notice)));
    const { editor, host } = parts;
    // Edited code needs the compiler: it loads from the first keystroke (or a scripted change).
    editor.addEventListener('edit', () => warmCompiler(), { once: true });
    editor.addEventListener('change', () => warmCompiler(), { once: true });
    editor.addEventListener('change', () => {
      clearNotice(parts.notice); // it spoke of the code before this edit
      this.#storage.saveCode(parts.storageKey, editor.value); // may say storage is full: after the clear
      parts.codeChanged?.();
    });
    host.addEventListener('problem-select', (event) => {
      const { line } = (event as CustomEvent<{ line: number }>).detail;
      editor.revealLine(line);
      editor.focus();
    });
  }

  /** Puts back the reader's saved edit, if any differs from the original, and says `text`; whether it did. */
  restore(text: string): boolean {
    const saved = this.#storage.code(this.#parts.storageKey);
    if (saved === undefined || saved === this.#parts.original) return false;
    this.#parts.editor.value = saved;
    this.#parts.status(text);
    return true;
  }

  /**
   * Runs the editor's code on the page's runner. `progress` says each stage; a press while an
   * earlier one still waits for the runner adds nothing. Resolves with null when it added nothing
   * or a newer run of this part took over.
   */
  async run(
    request: Required<Pick<RunRequest, 'options' | 'fileName'>>,
    progress: (stage: RunStage) => void,
  ): Promise<SessionRun | null> {
    if (this.#waiting) return null;
    const { button, editor, views, notice } = this.#parts;
    clearNotice(notice);
    button.setAttribute('aria-busy', 'true');
    this.#waiting = true;
    const said = (stage: RunStage): void => {
      if (stage === 'running') this.#waiting = false;
      progress(stage);
    };
    said(runnerReady() ? 'running' : 'loading-runner');
    const [result, engine] = await Promise.all([
      runFor(this.#parts.host, { source: editor.value, ...request, onProgress: said }),
      loadEngine(),
      loadTraceViews(),
    ]).finally(() => {
      this.#waiting = false;
    });
    if (result === null) return null; // a newer run of this part took over
    button.removeAttribute('aria-busy');
    views.pending = null;
    editor.setProblems(runProblems(result));
    if (compileFailed(result)) {
      views.failed = result; // Problems shows its errors; the old diagrams go stale
      return { ran: false, result };
    }
    return { ran: true, result, findings: engine.lintWithDocs(result.spans), engine };
  }

  /** Replaces the reader's code (saved), and offers `undo.label` to put it back. */
  replaceCode(code: string, message: string, undo: { label: string; message: string }): void {
    const { editor, storageKey } = this.#parts;
    const before = editor.value;
    this.#setCode(code);
    if (code === this.#parts.original) this.#storage.forgetCode(storageKey);
    const action: NoticeAction = {
      label: undo.label,
      action: () => {
        this.#setCode(before);
        this.notice(undo.message);
      },
    };
    this.notice(message, action);
  }

  notice(text: string, action?: NoticeAction): void {
    showNotice(this.#parts.notice, text, action);
  }

  #setCode(code: string): void {
    this.#parts.editor.value = code;
    this.#storage.saveCode(this.#parts.storageKey, code);
    this.#parts.codeChanged?.();
  }
}
