import { sayStatus } from './report-dom.ts';

/** What an exercise's hints and solution panel need of the element that holds them (its parts it finds itself). */
export interface ExerciseHelpParts {
  /** Draws the diff from the reader's answer to the solution in the panel. */
  drawDiff(): Promise<void>;
  /** The solution, for Copy solution. */
  solution(): string;
  /** What the reader writes, in the messages: "code" or "query". */
  answer: 'code' | 'query';
}

/**
 * The Hint button (each press shows the next hint and moves focus to it), Show solution (the
 * solution as a diff beside the reader's answer, which stays unchanged) and Copy solution of an
 * exercise, code or SQL alike; the markup is ExerciseControls.astro's. Replacing the reader's answer
 * with the solution is the host's: code and query are kept differently.
 */
export class ExerciseHelp {
  readonly #parts: ExerciseHelpParts;
  readonly #root: HTMLElement;
  #shown = 0;

  constructor(root: HTMLElement, parts: ExerciseHelpParts) {
    this.#root = root;
    this.#parts = parts;
    this.#button('hint').addEventListener('click', () => this.#nextHint());
    this.#button('solution').addEventListener('click', () => void this.#toggleSolution());
    this.#button('copy').addEventListener('click', () => void this.#copySolution());
    this.#updateHintButton();
  }

  /** Whether the solution panel is open (its diff follows the reader's edits). */
  get solutionOpen(): boolean {
    return !this.#part('solution-panel').hidden;
  }

  #nextHint(): void {
    const hints = this.#hints;
    const next = hints[this.#shown];
    if (!next) return;
    next.hidden = false;
    this.#shown += 1;
    this.#part('hints').hidden = false;
    this.#updateHintButton();
    this.#status(`Hint ${this.#shown} of ${hints.length} shown.`);
    next.focus();
  }

  #updateHintButton(): void {
    const total = this.#hints.length;
    const button = this.#button('hint');
    if (this.#shown >= total) {
      button.textContent = total === 0 ? 'No hints' : `All ${total} hints shown`;
      button.disabled = true;
    } else {
      button.textContent = `Hint ${this.#shown + 1} of ${total}`;
    }
  }

  get #hints(): HTMLElement[] {
    return [...this.#root.querySelectorAll<HTMLElement>('[data-ex="hint-item"]')];
  }

  async #toggleSolution(): Promise<void> {
    const panel = this.#part('solution-panel');
    const button = this.#button('solution');
    if (this.solutionOpen) {
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      button.textContent = 'Show solution';
      return;
    }
    await this.#parts.drawDiff();
    panel.hidden = false;
    panel.scrollIntoView({ block: 'nearest' });
    button.setAttribute('aria-expanded', 'true');
    button.textContent = 'Hide solution';
    const { answer } = this.#parts;
    this.#status(`The solution is shown beside your ${answer} as a diff; your ${answer} is unchanged.`);
  }

  async #copySolution(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.#parts.solution());
      this.#status('The solution is copied to the clipboard.');
    } catch {
      this.#status("Couldn't copy to the clipboard: select the solution's lines in the diff instead.");
    }
  }

  #status(text: string): void {
    sayStatus(this.#root, text);
  }

  #button(name: string): HTMLButtonElement {
    return this.#part(name) as HTMLButtonElement;
  }

  #part(name: string): HTMLElement {
    return this.#root.querySelector(`[data-ex="${name}"]`) as HTMLElement;
  }
}
