import type { Problem } from './types.ts';

/** The problems under the textarea editor: one button per problem, which jumps to its line. */
export class ProblemList {
  /** The `<ul>` to place in the page. */
  readonly element: HTMLUListElement;
  readonly #onSelect: (line: number) => void;

  constructor(doc: Document, onSelect: (line: number) => void) {
    this.element = doc.createElement('ul');
    this.element.className = 'scenario-editor__problems';
    this.element.setAttribute('aria-label', 'Problems');
    this.element.hidden = true;
    this.#onSelect = onSelect;
  }

  /** Replaces the list's entries with these problems (hides it when there are none). */
  show(problems: readonly Problem[]): void {
    const doc = this.element.ownerDocument;
    const items = problems.map((problem) => {
      const item = doc.createElement('li');
      item.dataset['severity'] = problem.severity;
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = `Line ${problem.line}, column ${problem.column} — ${problem.severity}: ${problem.message}`;
      button.addEventListener('click', () => this.#onSelect(problem.line));
      item.append(button);
      return item;
    });
    this.element.replaceChildren(...items);
    this.element.hidden = items.length === 0;
  }
}
