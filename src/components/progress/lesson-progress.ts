/** The script of every page: check marks in the sidebar, and on a lesson, marking it read at its end. */
import { markReadAtEnd } from './mark-read-at-end.ts';
import { showReadInSidebar } from './sidebar-read-marks.ts';

showReadInSidebar();
const end = document.querySelector<HTMLElement>('[data-lesson-end]');
if (end?.dataset['lessonEnd']) markReadAtEnd(end, end.dataset['lessonEnd']);
