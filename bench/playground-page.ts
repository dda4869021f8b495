/** What the browser benchmarks do in the playground and in a lesson: press Run and wait for the picture; a 10,000-span scenario. */
import type { Locator, Page } from 'playwright-core';

/**
 * Clicks the Run button inside `scope` (the playground, or a scenario in a lesson) and resolves
 * with the milliseconds until a new diagram of its trace views is on screen and painted.
 */
export async function runToPaintIn(scope: Locator, runButton: string): Promise<number> {
  return scope.evaluate(
    (element, selector) =>
      new Promise<number>((resolve, reject) => {
        const views = element.querySelector('trace-views')!;
        for (const svg of views.querySelectorAll('svg')) svg.setAttribute('data-bench-old', '');
        const timeout = setTimeout(() => reject(new Error('no diagram within 20 s')), 20_000);
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!views.querySelector('svg:not([data-bench-old])')) return;
          observer.disconnect();
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              clearTimeout(timeout);
              resolve(performance.now() - started);
            }),
          );
        });
        observer.observe(views, { childList: true, subtree: true });
        (element.querySelector(selector) as HTMLButtonElement).click();
      }),
    runButton,
  );
}

/** Clicks the playground's Run and resolves with the milliseconds until a new diagram is painted. */
export function runToPaint(page: Page): Promise<number> {
  return runToPaintIn(page.locator('span-lab-playground'), '[data-pg="run"]');
}

/** Puts `code` in the playground's editor. */
export async function setCode(page: Page, code: string): Promise<void> {
  await page.evaluate((source) => {
    (document.querySelector('scenario-editor') as HTMLElement & { value: string }).value = source;
  }, code);
}

/** A scenario of 10,000 spans: a root and 9,999 children, one virtual millisecond apart. */
export const TEN_THOUSAND = `import { trace } from '@opentelemetry/api';
const tracer = trace.getTracer('bench');
export default async () => {
  await tracer.startActiveSpan('root', async (root) => {
    for (let i = 0; i < 9_999; i++) {
      const span = tracer.startSpan('step ' + i);
      await new Promise((r) => setTimeout(r, 1));
      span.end();
    }
    root.end();
  });
};`;
