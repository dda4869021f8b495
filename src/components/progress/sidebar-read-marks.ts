import { onProgressChange, readProgress } from '../../course/progress.ts';
import { lessonSlugOf } from './lesson-slug.ts';

const MARK = 'span-lab-read-mark';

// A check mark, and "(read)" for screen readers: the mark is never colour alone.
function mark(): HTMLElement {
  const span = document.createElement('span');
  span.className = MARK;
  span.innerHTML =
    '<svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg><span class="sr-only"> (read)</span>';
  return span;
}

function show(read: ReadonlySet<string>): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('sl-sidebar-state-persist a[href]')) {
    const slug = lessonSlugOf(new URL(link.href).pathname);
    const current = link.querySelector(`.${MARK}`);
    const isRead = slug !== undefined && read.has(slug);
    if (isRead && !current) link.append(mark());
    if (!isRead) current?.remove();
  }
}

/** Puts a check mark beside each read lesson in the sidebar, and keeps the marks up to date. */
export function showReadInSidebar(): void {
  show(new Set(readProgress().lessonsRead));
  onProgressChange((progress) => show(new Set(progress.lessonsRead)));
}
