/** Registers `<lesson-scenario>` once. */
import { LessonScenarioElement } from './LessonScenarioElement.ts';

if (customElements.get('lesson-scenario') === undefined)
  customElements.define('lesson-scenario', LessonScenarioElement);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-scenario': LessonScenarioElement;
  }
}
