import {
  ANSWER_WORDS,
  answersOf,
  DECISION_LEAVES,
  DECISION_LEAVES_SHORT,
  DECISION_NODES,
  DECISION_ROOT,
  isLeaf,
  positionAfter,
  trailText,
  walkDecision,
  type DecisionAnswer,
  type DecisionLeaf,
  type DecisionStep,
} from '../../course/decision-flowchart.ts';
import { h } from '../trace/dom/h.ts';
import type { QuestionParts, QuestionUi, Verdict } from './question-ui.ts';

/**
 * A flowchart question: the reader answers the chart's questions one at a time, the path so far
 * shows as a text trail and on the chart, and the leaf reached is compared with the right one.
 */
export class FlowchartQuestion implements QuestionUi {
  readonly #parts: QuestionParts;
  readonly #right: readonly DecisionStep[];
  readonly #rightLeaf: DecisionLeaf;
  #steps: DecisionStep[] = [];
  #drawing = 0;
  #canDraw = false;

  constructor(parts: QuestionParts, right: readonly DecisionStep[]) {
    this.#parts = parts;
    this.#right = right;
    const walk = walkDecision(right);
    if (!walk.ok) throw new Error(`Question ${parts.data.id}: ${walk.error}`);
    this.#rightLeaf = walk.leaf;
    parts.part('answers').addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-answer]');
      if (button !== null) this.#answer(button.dataset['answer'] as DecisionAnswer);
    });
    parts.part('restart').addEventListener('click', () => {
      this.#steps = [];
      this.#parts.hideFeedback();
      this.#render(true);
      this.#parts.announce(`Started over. ${DECISION_NODES[DECISION_ROOT].question}`);
    });
    this.#render(false);
  }

  /** Back to the first question, nothing answered. */
  reset(): void {
    this.#steps = [];
    // Drawn again only when shown: a new quiz resets every question, and most stay hidden.
    this.#canDraw = false;
    this.#drawing += 1; // a drawing under way is no longer wanted
    this.#parts.part('chart').replaceChildren(h('p', { class: 'qz-note' }, 'Drawing the flowchart…'));
    this.#render(false);
  }

  /** The chart may be drawn now (the quiz was reached); draws it. */
  reached(): void {
    this.#canDraw = true;
    this.#drawChart();
  }

  /** Focuses the first answer of the question asked. */
  focusStart(): void {
    this.#parts.part('answers').querySelector('button')?.focus();
  }

  #answer(answer: DecisionAnswer): void {
    const at = positionAfter(this.#steps);
    if (at === null || isLeaf(at) || DECISION_NODES[at].next[answer] === undefined) return;
    this.#steps.push({ node: at, answer });
    const next = positionAfter(this.#steps);
    this.#render(true);
    if (next !== null && isLeaf(next)) this.#parts.finish(this.#verdict(next));
    else if (next !== null) this.#parts.announce(`${ANSWER_WORDS[answer]}. Next: ${DECISION_NODES[next].question}`);
  }

  #verdict(leaf: DecisionLeaf): Verdict {
    const correct = leaf === this.#rightLeaf;
    const rightPath = this.#parts.part('right-path');
    const sameWalk = trailText(this.#steps) === trailText(this.#right);
    rightPath.hidden = correct && sameWalk;
    rightPath.replaceChildren(
      h('strong', {}, correct ? 'The path the explanation takes: ' : 'The right path: '),
      trailText(this.#right),
    );
    // The leaf in the chart's own words, then what it asks of the code.
    const named = (at: DecisionLeaf): string => `“${DECISION_LEAVES_SHORT[at]}” (${lower(DECISION_LEAVES[at])})`;
    const text = correct
      ? `Right: ${named(leaf)}.`
      : `Not quite: you reached ${named(leaf)}; the right answer is ${named(this.#rightLeaf)}.`;
    return { correct, text };
  }

  #render(focus: boolean): void {
    const at = positionAfter(this.#steps);
    const done = at !== null && isLeaf(at);
    const askBox = this.#parts.part('ask-box');
    askBox.hidden = done;
    if (at !== null && !isLeaf(at)) {
      this.#parts.part('step').textContent = String(this.#steps.length + 1);
      this.#parts.part('ask').textContent = DECISION_NODES[at].question;
      const buttons = answersOf(at).map(({ answer, label }) =>
        h('button', { type: 'button', class: 'qz-answer', 'data-answer': answer }, label),
      );
      this.#parts.part('answers').replaceChildren(...buttons);
      if (focus) buttons[0]?.focus();
    }
    this.#parts.part('restart').hidden = this.#steps.length === 0;
    this.#renderTrail(at);
    this.#drawChart();
  }

  #renderTrail(at: ReturnType<typeof positionAfter>): void {
    const trail = this.#parts.part('trail');
    if (this.#steps.length === 0) {
      trail.replaceChildren(h('li', { class: 'qz-trail-empty' }, 'Nothing yet: answer the first question.'));
      return;
    }
    const items = this.#steps.map((step) =>
      h('li', {}, `${DECISION_NODES[step.node].short} `, h('strong', {}, ANSWER_WORDS[step.answer])),
    );
    if (at !== null && isLeaf(at))
      items.push(h('li', { class: 'qz-trail-leaf' }, h('strong', {}, DECISION_LEAVES[at])));
    trail.replaceChildren(...items);
  }

  /** Says so under the chart when it is wider than its box (on a narrow phone), beside the shadows at its edges. */
  #hintScroll(box: HTMLElement): void {
    let hint = box.nextElementSibling;
    if (!(hint instanceof HTMLElement) || !hint.classList.contains('qz-scroll-hint')) {
      hint = h(
        'p',
        { class: 'qz-note qz-scroll-hint' },
        'Wider than this column: scroll the chart sideways to see all of it.',
      );
      box.after(hint);
    }
    (hint as HTMLElement).hidden = box.scrollWidth <= box.clientWidth + 1;
  }

  #drawChart(): void {
    if (!this.#canDraw) return;
    const generation = (this.#drawing += 1);
    const at = positionAfter(this.#steps);
    const wrong = at !== null && isLeaf(at) && at !== this.#rightLeaf;
    const box = this.#parts.part('chart');
    const names = { labelledBy: this.#parts.part('chart-caption').id, describedBy: this.#parts.part('trail').id };
    box.setAttribute('aria-busy', 'true');
    import('./flowchart-chart.ts')
      .then(({ drawFlowchart }) =>
        drawFlowchart({ walked: this.#steps, right: this.#right, showRight: wrong }, names, contentWidth(box)),
      )
      .then(
        (svg) => {
          if (generation !== this.#drawing) return;
          box.replaceChildren(svg);
          box.removeAttribute('aria-busy');
          this.#hintScroll(box);
        },
        (error: unknown) => {
          if (generation !== this.#drawing) return;
          box.removeAttribute('aria-busy');
          const message = error instanceof Error ? error.message : String(error);
          box.replaceChildren(
            h('p', { class: 'qz-note' }, `The chart could not be drawn (${message}). Your path is listed beside it.`),
          );
        },
      );
  }
}

/** The width inside `box`'s padding, in CSS pixels (0 when not laid out). */
function contentWidth(box: HTMLElement): number {
  const style = getComputedStyle(box);
  return Math.max(0, box.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight));
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
