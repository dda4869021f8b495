/** Registers `<span-quiz>` once (a lesson may hold more than one quiz). */
import { QuizElement } from './QuizElement.ts';

if (customElements.get('span-quiz') === undefined) customElements.define('span-quiz', QuizElement);

declare global {
  interface HTMLElementTagNameMap {
    'span-quiz': QuizElement;
  }
}
