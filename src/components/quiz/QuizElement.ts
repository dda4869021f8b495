import { readProgress, recordQuiz } from '../../course/progress.ts';
import { h } from '../trace/dom/h.ts';
import { watchTheme } from '../trace/dom/theme.ts';
import { FlowchartQuestion } from './FlowchartQuestion.ts';
import { OptionsQuestion } from './OptionsQuestion.ts';
import { pickRound } from './pick-questions.ts';
import type { QuestionParts, QuestionUi, Verdict } from './question-ui.ts';
import { QUESTION_DATA_ATTRIBUTE, type QuestionData, type TraceData } from './quiz-data.ts';
import { QuizSession } from './quiz-session.ts';
import type { RunResult } from '@spanlab/engine';
import type { TraceViewsElement } from '../trace/TraceViewsElement.ts';

/** A question on the page: its markup, data and controller. */
interface PageQuestion {
  data: QuestionData;
  section: HTMLElement;
  ui: QuestionUi;
}

/** How far from the viewport the quiz starts loading its charts and traces. */
const REACH_MARGIN = '400px 0px';

/**
 * `<span-quiz>`: one question at a time from the questions its markup holds, the score, and
 * "Try again". With `data-pick`, it asks a seeded selection of that many questions ("New quiz"
 * deals the next ones). Mermaid and the trace views load only once the quiz comes near the
 * viewport. The result is recorded under `data-quiz-id` (progress.ts).
 */
export class QuizElement extends HTMLElement {
  readonly #questions = new Map<string, PageQuestion>();
  #session: QuizSession | null = null;
  #traces: Record<string, TraceData> | null = null;
  /** The sections whose trace marks the findings' spans: answered spot-the-mistake questions. */
  readonly #revealed = new Set<HTMLElement>();
  #reached = false;
  #observer: IntersectionObserver | null = null;
  #unwatchTheme: (() => void) | null = null;
  #seed = 0;
  #round = 0;

  /** The quiz being taken (for tests and the page). */
  get session(): QuizSession | null {
    return this.#session;
  }

  /** Reads the questions, starts the quiz, and waits to be reached. */
  connectedCallback(): void {
    // The chart is drawn in the theme's colours: redraw the one shown (others redraw when shown).
    this.#unwatchTheme ??= watchTheme(() => {
      const shown = this.#session === null ? undefined : this.#questions.get(this.#session.current);
      if (this.#reached && shown !== undefined) shown.ui.reached();
    });
    if (this.#session !== null) return;
    for (const section of this.querySelectorAll<HTMLElement>(`section[${QUESTION_DATA_ATTRIBUTE}]`)) {
      const data = JSON.parse(section.getAttribute(QUESTION_DATA_ATTRIBUTE) ?? '{}') as QuestionData;
      const parts = this.#partsFor(data, section);
      const ui = data.kind === 'flowchart' ? new FlowchartQuestion(parts, data.path ?? []) : new OptionsQuestion(parts);
      this.#questions.set(data.id, { data, section, ui });
      parts.part('next').addEventListener('click', () => this.#next());
    }
    // `?seed=N` fixes the full quiz's selection (a shared link, a test); else each visit differs.
    const seed = Number(new URLSearchParams(location.search).get('seed') ?? Number.NaN);
    this.#seed = Number.isSafeInteger(seed) ? seed : Math.floor(Math.random() * 2 ** 31);
    for (const button of this.#all('new')) button.addEventListener('click', () => this.#newQuiz(this.#round + 1));
    this.#one('count')?.addEventListener('change', () => this.#newQuiz(0));
    this.#one('again')?.addEventListener('click', () => this.#start(this.#session?.ids ?? [], true));
    this.#newQuiz(0, false);
    this.dataset['ready'] = '';
    if (typeof IntersectionObserver === 'function') {
      this.#observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) this.#reach();
        },
        { rootMargin: REACH_MARGIN },
      );
      this.#observer.observe(this);
    } else this.#reach();
  }

  /** Stops watching for the quiz to be reached, and the theme. */
  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#unwatchTheme?.();
    this.#unwatchTheme = null;
  }

  #one(name: string): HTMLElement | null {
    return this.querySelector<HTMLElement>(`[data-qz="${name}"]`);
  }

  #all(name: string): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>(`[data-qz="${name}"]`)];
  }

  #announce(text: string): void {
    const live = this.#one('live');
    if (live === null) return;
    // Cleared first, so saying the same thing twice is still announced.
    live.textContent = '';
    requestAnimationFrame(() => (live.textContent = text));
  }

  #partsFor(data: QuestionData, section: HTMLElement): QuestionParts {
    return {
      data,
      section,
      part: (name) => {
        const found = section.querySelector<HTMLElement>(`[data-qz-part="${name}"]`);
        if (found === null) throw new Error(`Question ${data.id} has no part "${name}".`);
        return found;
      },
      finish: (verdict) => this.#finishQuestion(data, section, verdict),
      hideFeedback: () => {
        const feedback = section.querySelector<HTMLElement>('[data-qz-part=feedback]');
        if (feedback !== null) feedback.hidden = true;
      },
      announce: (text) => this.#announce(text),
    };
  }

  /** The ids to ask: all, in the bank's order, or (with `data-pick`) the round's selection. */
  #newQuiz(round: number, focus = true): void {
    this.#round = round;
    const ids = [...this.#questions.keys()];
    if (!this.hasAttribute('data-pick')) {
      this.#start(ids, focus);
      return;
    }
    const select = this.#one('count') as HTMLSelectElement | null;
    const count = Number(select?.value ?? this.dataset['pick']);
    this.#start(pickRound(ids, Number.isFinite(count) && count > 0 ? count : ids.length, this.#seed, round), focus);
  }

  #start(ids: readonly string[], focus: boolean): void {
    if (ids.length === 0) return;
    this.#session = new QuizSession(ids);
    for (const question of this.#questions.values()) {
      question.ui.reset();
      this.#resetFeedback(question);
    }
    const result = this.#one('result');
    if (result !== null) result.hidden = true;
    this.#show(focus);
    if (focus) this.#announce(`Quiz started: ${String(ids.length)} questions.`);
  }

  #resetFeedback({ section, data }: PageQuestion): void {
    const feedback = section.querySelector<HTMLElement>('[data-qz-part=feedback]');
    if (feedback !== null) feedback.hidden = true;
    this.#revealFindings(section, data.trace, false);
  }

  #show(focus: boolean): void {
    const session = this.#session;
    if (session === null) return;
    const { number, total } = session.position;
    for (const [id, question] of this.#questions) question.section.hidden = id !== session.current;
    const question = this.#questions.get(session.current);
    if (question === undefined) return;
    const numberText = question.section.querySelector('[data-qz-part=number]');
    if (numberText !== null) numberText.textContent = `Question ${String(number)} of ${String(total)}`;
    const next = question.section.querySelector<HTMLElement>('[data-qz-part=next]');
    if (next !== null) next.textContent = number === total ? 'See your score' : 'Next question';
    if (this.#reached) this.#draw(question);
    if (focus) question.section.querySelector<HTMLElement>('[data-qz-part=heading]')?.focus();
  }

  #reach(): void {
    if (this.#reached) return;
    this.#reached = true;
    this.#observer?.disconnect();
    const current = this.#session === null ? undefined : this.#questions.get(this.#session.current);
    if (current !== undefined) this.#draw(current);
  }

  /** Draws a question's heavy parts: its chart and its trace. */
  #draw(question: PageQuestion): void {
    question.ui.reached();
    const holder = question.section.querySelector<HTMLElement>('trace-views');
    const scenario = question.data.trace;
    if (holder === null || scenario === undefined || holder.dataset['loaded'] !== undefined) return;
    holder.dataset['loaded'] = '';
    const trace = this.#trace(scenario);
    import('../trace/define-trace-views.ts').then(
      () => {
        const views = holder as TraceViewsElement;
        // The findings' spans are marked once the question is answered.
        views.findings = this.#revealed.has(question.section) ? (trace?.findings ?? []) : [];
        views.result = trace === null ? null : shownRun(trace);
      },
      () => {
        holder.replaceChildren(
          h('p', { class: 'qz-note' }, 'The trace could not be loaded. Reload the page to try again.'),
        );
      },
    );
  }

  /** The run a question's trace shows, with the linter's findings, from the quiz's markup. */
  #trace(scenario: string): TraceData | null {
    this.#traces ??= JSON.parse(this.#one('traces')?.textContent ?? '{}') as Record<string, TraceData>;
    return this.#traces[scenario] ?? null;
  }

  /** Marks (or stops marking) in a question's trace the spans the linter's findings name. */
  #revealFindings(section: HTMLElement, scenario: string | undefined, reveal: boolean): void {
    if (reveal) this.#revealed.add(section);
    else this.#revealed.delete(section);
    const views = section.querySelector<TraceViewsElement>('trace-views[data-loaded]');
    if (views === null || scenario === undefined) return;
    const trace = this.#trace(scenario);
    if (trace === null) return;
    views.findings = reveal ? trace.findings : [];
  }

  #finishQuestion(data: QuestionData, section: HTMLElement, verdict: Verdict): void {
    const session = this.#session;
    if (session === null || session.current !== data.id) return;
    const first = session.answer(verdict.correct);
    const feedback = section.querySelector<HTMLElement>('[data-qz-part=feedback]');
    const box = section.querySelector<HTMLElement>('[data-qz-part=verdict]');
    if (feedback === null || box === null) return;
    feedback.hidden = false;
    feedback.dataset['correct'] = String(verdict.correct);
    const counted = session.result(data.id);
    const note =
      first || counted === undefined
        ? ''
        : ` (Your first answer, ${counted ? 'right' : 'not right'}, is the one scored.)`;
    box.replaceChildren(
      h('span', { class: 'qz-verdict-icon', 'aria-hidden': 'true' }, verdict.correct ? '✓' : '✗'),
      h('span', {}, verdict.text + note),
    );
    if (data.kind === 'spot-the-mistake') this.#revealFindings(section, data.trace, true);
    box.focus();
    this.#announce(verdict.text);
  }

  #next(): void {
    const session = this.#session;
    if (session === null) return;
    if (session.next()) {
      this.#show(true);
      return;
    }
    this.#finishQuiz(session);
  }

  #finishQuiz(session: QuizSession): void {
    const quizId = this.dataset['quizId'] ?? 'all';
    const { total } = session.position;
    const score = session.score;
    recordQuiz(quizId, score, total);
    for (const question of this.#questions.values()) question.section.hidden = true;
    const result = this.#one('result');
    const heading = this.#one('score');
    if (result === null || heading === null) return;
    result.hidden = false;
    heading.textContent = `You scored ${String(score)} of ${String(total)}`;
    const best = readProgress().quizzes[quizId]?.best ?? score;
    const detail = this.#one('score-detail');
    if (detail !== null) {
      detail.textContent =
        score === total
          ? 'Every answer right. Your score is saved in this browser.'
          : `Your best so far: ${String(best)} of ${String(total)}. Your score is saved in this browser.`;
    }
    const review = this.#one('review');
    review?.replaceChildren(
      ...session.ids.map((id, index) => {
        const right = session.result(id) === true;
        const title = this.#questions.get(id)?.section.dataset['title'] ?? id;
        return h(
          'li',
          { 'data-correct': String(right) },
          h('span', { class: 'qz-verdict-icon', 'aria-hidden': 'true' }, right ? '✓' : '✗'),
          ` Question ${String(index + 1)}: ${right ? 'right' : 'not right'} — ${title}`,
        );
      }),
    );
    heading.focus();
    this.#announce(`Quiz finished. You scored ${String(score)} of ${String(total)}.`);
  }
}

/** The run a question's trace shows: errors and limits are not what a quiz's trace is about. */
function shownRun(trace: TraceData): RunResult {
  return { ...trace.result, errors: [], limits: [] };
}
