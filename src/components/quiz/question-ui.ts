/** What a question's controller and the quiz that holds it give each other. */
import type { QuestionData } from './quiz-data.ts';

/** The outcome of an answer, in words. */
export interface Verdict {
  correct: boolean;
  /** One sentence: right or not, and what the right answer is. */
  text: string;
}

/** What the quiz gives a question: its markup and the ways to report back. */
export interface QuestionParts {
  data: QuestionData;
  section: HTMLElement;
  /** The element marked `data-qz-part="<name>"` in the question; throws if the markup lacks it. */
  part(name: string): HTMLElement;
  /** The reader answered: score it (the first time), show the verdict and the explanation. */
  finish(verdict: Verdict): void;
  /** Hides the verdict and explanation again (the question was started over). */
  hideFeedback(): void;
  /** Says something through the quiz's live region. */
  announce(text: string): void;
}

/** What the quiz asks of a question's controller. */
export interface QuestionUi {
  /** Back to unanswered. */
  reset(): void;
  /** The quiz scrolled into reach: draw what is heavy (charts, traces). */
  reached(): void;
  /** Puts focus where answering starts. */
  focusStart(): void;
}
