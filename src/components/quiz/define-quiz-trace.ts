/** Registers `<quiz-trace>` once; imported when a question with a trace is reached. */
import { QuizTraceElement } from './QuizTraceElement.ts';

if (customElements.get('quiz-trace') === undefined) customElements.define('quiz-trace', QuizTraceElement);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-trace': QuizTraceElement;
  }
}
