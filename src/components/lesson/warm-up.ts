/**
 * Loads what the first Run needs (the runner's sandbox and run worker, the views) once the reader
 * reaches a component — in the middle half of the screen, or the pointer or focus in it — so that
 * Run draws at once, while a page only scrolled past or loaded ships none of it. Mermaid (the
 * gantt chart the first waterfall upgrades to) loads after that, in the background, once any Run
 * pressed meanwhile has drawn. The editors upgrade (Monaco) only after the run path, and after any
 * Run pressed meanwhile (and, unless the reader reaches for the code, after a quiet time): the
 * editor never delays a run.
 */
import { ScenarioEditorElement } from '../editor/ScenarioEditorElement.ts';
import { afterPaint } from '../trace/dom/after-paint.ts';
import { preloadMermaid } from '../trace/mermaid/preload-mermaid.ts';
import { loadTraceViews, runsSettled, warmRunner } from './shared-runner.ts';

let runPath: Promise<void> | undefined;
const holds = new Set<Promise<unknown>>();

/** Keeps the editors from upgrading until `done` settles: a Run drawing its first diagram. */
export function holdEditorsUntil(done: Promise<unknown>): void {
  holds.add(done);
  void done.finally(() => holds.delete(done));
}

/** Settles within `ms` at the latest: a view that never reports drawn must not keep the editor away. */
export function atMost(promise: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms))]);
}

/** Starts loading the run path (once); settles when it has loaded or failed. Mermaid follows it. */
function warmUp(): Promise<void> {
  if (runPath === undefined) {
    runPath = Promise.allSettled([warmRunner(), loadTraceViews()]).then(() => undefined);
    // Never beside the run path, nor beside a Run's first drawing (its waterfall needs no Mermaid).
    void runPath.then(runsSettled).then(afterPaint).then(preloadMermaid);
  }
  return runPath;
}

// A lesson's editors wait for the run path and for the runs pressed while it loaded.
ScenarioEditorElement.beforeUpgrade = async () => {
  await warmUp();
  await runsSettled();
  while (holds.size > 0) await Promise.allSettled([...holds]);
};

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
    void warmUp();
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
