import type { QuestionParts, QuestionUi } from './question-ui.ts';

/**
 * A choice or spot-the-mistake question: a radio group (arrows move between options, as in any
 * radio group) and Submit (or Enter on an option); then each option says whether it was the reader's and whether it is
 * right, in words and an icon, with its "why".
 */
export class OptionsQuestion implements QuestionUi {
  readonly #parts: QuestionParts;
  readonly #correct: number;

  constructor(parts: QuestionParts) {
    this.#parts = parts;
    this.#correct = parts.data.correct ?? -1;
    parts.part('submit').addEventListener('click', () => this.#submit());
    parts.part('options').addEventListener('change', () => {
      parts.part('hint').textContent = '';
    });
    // Enter on an option submits, as it would in a form.
    parts.part('options').addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
      event.preventDefault();
      this.#submit();
    });
  }

  #inputs(): HTMLInputElement[] {
    return [...this.#parts.part('options').querySelectorAll<HTMLInputElement>('input[type=radio]')];
  }

  /** Unchecks and re-enables the options, hides their marks. */
  reset(): void {
    for (const input of this.#inputs()) {
      input.checked = false;
      input.disabled = false;
    }
    for (const option of this.#parts.section.querySelectorAll<HTMLElement>('.qz-option')) {
      delete option.dataset['state'];
      for (const hidden of option.querySelectorAll<HTMLElement>('[data-qz-part=mark], [data-qz-part=why]'))
        hidden.hidden = true;
    }
    this.#parts.part('submit').hidden = false;
    this.#parts.part('hint').textContent = '';
  }

  /** Nothing heavy here (a trace, if any, is the quiz's). */
  reached(): void {}

  /** Focuses the checked option, or the first. */
  focusStart(): void {
    const inputs = this.#inputs();
    (inputs.find((input) => input.checked) ?? inputs[0])?.focus();
  }

  #submit(): void {
    const inputs = this.#inputs();
    const chosen = inputs.findIndex((input) => input.checked);
    if (chosen === -1) {
      this.#parts.part('hint').textContent = 'Choose an answer first.';
      inputs[0]?.focus();
      return;
    }
    const correct = chosen === this.#correct;
    const options = [...this.#parts.section.querySelectorAll<HTMLElement>('.qz-option')];
    options.forEach((option, index) => {
      const mark = option.querySelector<HTMLElement>('[data-qz-part=mark]');
      const why = option.querySelector<HTMLElement>('[data-qz-part=why]');
      const mine = index === chosen;
      const right = index === this.#correct;
      if (mine || right) option.dataset['state'] = right ? 'right' : 'wrong';
      if (mark !== null) {
        mark.hidden = !(mine || right);
        if (!mine && !right) mark.textContent = '';
        else if (right) mark.textContent = mine ? '✓ Your answer: right' : '✓ The right answer';
        else mark.textContent = '✗ Your answer: not right';
      }
      if (why !== null) why.hidden = !(mine || right);
    });
    for (const input of inputs) input.disabled = true;
    this.#parts.part('submit').hidden = true;
    const text = correct ? 'Right.' : `Not quite: the right answer is option ${String(this.#correct + 1)}.`;
    this.#parts.finish({ correct, text });
  }
}
