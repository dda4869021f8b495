/** What the browser benchmarks do in a lesson: press an embedded scenario's Run and wait for its picture. */
import type { Locator } from 'playwright-core';

/** Clicks the Run of the `<lesson-scenario>` and resolves with the milliseconds until its new diagram is painted. */
export async function lessonRunToPaint(part: Locator): Promise<number> {
  return part.evaluate(
    (element) =>
      new Promise<number>((resolve, reject) => {
        for (const svg of element.querySelectorAll('svg')) svg.setAttribute('data-bench-old', '');
        const timeout = setTimeout(() => reject(new Error('no diagram within 20 s')), 20_000);
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!element.querySelector('figure svg:not([data-bench-old])')) return;
          observer.disconnect();
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              clearTimeout(timeout);
              resolve(performance.now() - started);
            }),
          );
        });
        observer.observe(element, { childList: true, subtree: true });
        const run = [...element.querySelectorAll('button')].find((button) =>
          button.textContent?.trim().endsWith('Run'),
        );
        if (!run) reject(new Error('the scenario has no Run button'));
        run?.click();
      }),
  );
}
