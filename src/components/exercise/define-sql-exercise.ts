/** Registers `<span-lab-sql-exercise>` once. */
import { SqlExerciseElement } from './SqlExerciseElement.ts';

if (customElements.get('span-lab-sql-exercise') === undefined)
  customElements.define('span-lab-sql-exercise', SqlExerciseElement);

declare global {
  interface HTMLElementTagNameMap {
    'span-lab-sql-exercise': SqlExerciseElement;
  }
}
