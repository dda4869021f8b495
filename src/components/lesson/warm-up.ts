/**
 * Loads what the first Run needs (the runner, TypeScript in its worker, Mermaid) once the reader
 * reaches a component — in the middle half of the screen, or the pointer or focus in it — so that Run draws
 * at once, while a page only scrolled past or loaded ships none of it.
 */
import { loadTraceViews, warmRunner } from './shared-runner.ts';

let warmed = false;

function warmUp(): void {
  if (warmed) return;
  warmed = true;
  warmRunner();
  void loadTraceViews();
  void import('mermaid').catch(() => undefined); // the views load it again, and report a failure
}

/** Warms up when the reader reaches `element`; returns a function that stops watching. */
export function warmWhenReached(element: HTMLElement): () => void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) stop();
    },
    { rootMargin: '-25% 0px' },
  );
  const onIntent = (): void => stop();
  function stop(): void {
    observer.disconnect();
    element.removeEventListener('pointerenter', onIntent);
    element.removeEventListener('focusin', onIntent);
    warmUp();
  }
  observer.observe(element);
  element.addEventListener('pointerenter', onIntent, { once: true });
  element.addEventListener('focusin', onIntent, { once: true });
  return () => {
    observer.disconnect();
    element.removeEventListener('pointerenter', onIntent);
    element.removeEventListener('focusin', onIntent);
  };
}
