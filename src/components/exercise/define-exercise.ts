/** Registers `<span-lab-exercise>` once. */
import { ExerciseElement } from './ExerciseElement.ts';

if (customElements.get('span-lab-exercise') === undefined) customElements.define('span-lab-exercise', ExerciseElement);

declare global {
  interface HTMLElementTagNameMap {
    'span-lab-exercise': ExerciseElement;
  }
}
