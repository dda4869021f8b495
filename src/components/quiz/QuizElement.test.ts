// @vitest-environment jsdom
/**
 * `<span-quiz>` over markup shaped as QuizQuestion.astro writes it: a flowchart walk scored on its
 * first leaf, Start over, a choice, the score at the end and its record in the progress store.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROGRESS_KEY } from '../../course/progress.ts';
import type { QuestionData } from './quiz-data.ts';
import type { QuizElement } from './QuizElement.ts';

beforeAll(async () => {
  await import('./define-quiz.ts');
});

beforeEach(() => {
  localStorage.clear();
  document.body.replaceChildren();
});

const FLOWCHART: QuestionData = {
  id: 'q-batch',
  bank: 'sample',
  kind: 'flowchart',
  path: [
    { node: 'started', answer: 'yes' },
    { node: 'only', answer: 'no' },
  ],
};
const CHOICE: QuestionData = { id: 'q-choice', bank: 'sample', kind: 'choice', correct: 1 };

/** A question's markup: the parts `<span-quiz>` and its controllers look for. */
function section(data: QuestionData): string {
  const answer =
    data.kind === 'flowchart'
      ? `<div data-qz-part="ask-box"><span data-qz-part="step"></span><p data-qz-part="ask"></p>
           <div data-qz-part="answers"></div></div>
         <ol id="${data.id}-trail" data-qz-part="trail"></ol>
         <button type="button" data-qz-part="restart" hidden>Start over</button>
         <div data-qz-part="chart"></div><p id="${data.id}-caption" data-qz-part="chart-caption">Chart</p>`
      : `<fieldset data-qz-part="options">
           ${['a', 'b', 'c'].map((text, i) => `<div class="qz-option"><label><input type="radio" name="${data.id}" value="${String(i)}">${text}</label><p data-qz-part="mark" hidden></p></div>`).join('')}
         </fieldset><p data-qz-part="hint"></p><button type="button" data-qz-part="submit">Submit</button>`;
  return `<section class="qz-question" data-qz-question='${JSON.stringify(data)}' data-title="${data.id}">
    <h3 tabindex="-1" data-qz-part="heading"><span data-qz-part="number"></span></h3>
    ${answer}
    <div data-qz-part="feedback" hidden><p data-qz-part="verdict" tabindex="-1"></p>
      ${data.kind === 'flowchart' ? '<p data-qz-part="right-path" hidden></p>' : ''}
      <button type="button" data-qz-part="next">Next</button></div>
  </section>`;
}

function mount(...questions: QuestionData[]): QuizElement {
  document.body.innerHTML = `<span-quiz data-quiz-id="sample">
    ${questions.map(section).join('')}
    <section data-qz="result" hidden><h3 data-qz="score" tabindex="-1"></h3><p data-qz="score-detail"></p>
      <ol data-qz="review"></ol><button type="button" data-qz="again">Try again</button></section>
    <p data-qz="live"></p></span-quiz>`;
  return document.querySelector('span-quiz')!;
}

const $ = <E extends HTMLElement = HTMLElement>(selector: string): E => document.querySelector<E>(selector)!;
const visible = (): HTMLElement => $('section.qz-question:not([hidden])');
const part = (name: string): HTMLElement => visible().querySelector<HTMLElement>(`[data-qz-part="${name}"]`)!;
const press = (answer: string): void =>
  part('answers').querySelector<HTMLButtonElement>(`[data-answer="${answer}"]`)!.click();
const trail = (): string[] => [...part('trail').querySelectorAll('li')].map((li) => li.textContent);

describe('<span-quiz>', () => {
  it('walks a flowchart one question at a time, scores the first leaf, and lets the reader start over', () => {
    const quiz = mount(FLOWCHART, CHOICE);
    expect(part('number').textContent).toBe('Question 1 of 2');
    expect(part('ask').textContent).toBe(
      'Did A cause B to start: did A call B, send the message B handles, schedule B, hand B an input it waits for, or fail so that B retries its work?',
    );
    expect([...part('answers').querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Yes: B started because of A',
      'No: they only coincide or share data',
    ]);

    press('yes');
    expect(part('step').textContent).toBe('2');
    expect(trail()).toEqual(['Did A cause B to start? Yes']);
    expect(document.activeElement).toBe(part('answers').querySelector('button'));
    press('yes');
    press('yes');
    // "Message 1 started the batch, and nothing separates them": the parent the old chart allowed.
    expect(trail()).toEqual([
      'Did A cause B to start? Yes',
      'Is A its only cause? Yes',
      "Should B stay in A's trace? Yes",
      'Make A the parent of B',
    ]);
    expect(part('feedback').hidden).toBe(false);
    expect(part('verdict').textContent).toBe(
      '✗Not quite: you reached “Parent and child” (make A the parent of B); the right answer is “Links to each cause” (link B to each of its causes; its parent, if any, is what started it).',
    );
    expect(part('right-path').textContent).toBe(
      'The right path: Did A cause B to start? Yes → Is A its only cause? No → Link B to each of its causes; its parent, if any, is what started it',
    );
    expect(document.activeElement).toBe(part('verdict'));
    expect(quiz.session?.score).toBe(0);

    part('restart').click();
    expect(part('feedback').hidden).toBe(true);
    press('yes');
    press('no');
    expect(part('verdict').textContent).toBe(
      '✓Right: “Links to each cause” (link B to each of its causes; its parent, if any, is what started it). (Your first answer, not right, is the one scored.)',
    );
    expect(quiz.session?.score).toBe(0);
  });

  it('checks a choice, asks for one first, and records the score at the end', () => {
    const quiz = mount(FLOWCHART, CHOICE);
    press('yes');
    press('no');
    part('next').click();
    expect(part('number').textContent).toBe('Question 2 of 2');
    expect(document.activeElement).toBe(part('heading'));

    part('submit').click();
    expect(part('hint').textContent).toBe('Choose an answer first.');
    const radios = visible().querySelectorAll<HTMLInputElement>('input[type=radio]');
    radios[2]!.checked = true;
    part('submit').click();
    expect(part('verdict').textContent).toBe('✗Not quite: the right answer is option 2.');
    expect([...visible().querySelectorAll('[data-qz-part=mark]')].map((mark) => mark.textContent)).toEqual([
      '',
      '✓ The right answer',
      '✗ Your answer: not right',
    ]);
    expect([...radios].every((radio) => radio.disabled)).toBe(true);

    part('next').click();
    expect($('[data-qz=result]').hidden).toBe(false);
    expect($('[data-qz=score]').textContent).toBe('You scored 1 of 2');
    expect(document.activeElement).toBe($('[data-qz=score]'));
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}')).toMatchObject({
      quizzes: { sample: { score: 1, total: 2, best: 1 } },
    });

    $('[data-qz=again]').click();
    expect(quiz.session?.position).toEqual({ number: 1, total: 2, finished: false });
    expect(trail()).toEqual(['Nothing yet: answer the first question.']);
    expect($('[data-qz=result]').hidden).toBe(true);
  });
});
