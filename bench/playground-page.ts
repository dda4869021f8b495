/** What the browser benchmarks do in the playground: press Run and wait for the picture, and a 10,000-span scenario. */
import type { Page } from 'playwright-core';

/** Clicks Run and resolves with the milliseconds until a new diagram is on screen and painted. */
export async function runToPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const views = document.querySelector('trace-views')!;
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
        (document.querySelector('[data-pg="run"]') as HTMLButtonElement).click();
      }),
  );
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
