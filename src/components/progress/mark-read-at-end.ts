import { markLessonRead } from '../../course/progress.ts';

/** Marks the lesson read once `end` (the end of its page) scrolls into view. */
export function markReadAtEnd(end: HTMLElement, slug: string): void {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    markLessonRead(slug);
  });
  observer.observe(end);
}
