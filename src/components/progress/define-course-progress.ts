/** Registers `<course-progress>` once. */
import { CourseProgressElement } from './CourseProgressElement.ts';

if (customElements.get('course-progress') === undefined)
  customElements.define('course-progress', CourseProgressElement);

declare global {
  interface HTMLElementTagNameMap {
    'course-progress': CourseProgressElement;
  }
}
