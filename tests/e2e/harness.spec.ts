import { readdirSync, readFileSync } from 'node:fs';
import { expect, guardOrigin, ORIGIN, test } from './fixtures.ts';

test('the origin guard sees requests from a page and from its worker', async ({ browser }) => {
  const context = await browser.newContext();
  // Aborted inside the browser: these requests are recorded but never sent.
  await context.route(
    (url) => url.origin !== ORIGIN,
    (route) => route.abort(),
  );
  const guard = guardOrigin(context, ORIGIN);
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate(async () => {
    await fetch('https://outside.invalid/from-page').catch(() => undefined);
    const code = "fetch('https://outside.invalid/from-worker').catch(() => {}).then(() => postMessage('done'));";
    const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    await new Promise((resolve) => worker.addEventListener('message', resolve, { once: true }));
  });
  await context.close();
  expect(guard.outside()).toEqual(['https://outside.invalid/from-page', 'https://outside.invalid/from-worker']);
  expect(guard.requested).toContain(`${ORIGIN}/`);
});

test('every spec imports test from the fixtures, so the origin guard runs everywhere', () => {
  const specs = readdirSync(import.meta.dirname, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.spec.ts'),
  );
  expect(specs.length).toBeGreaterThan(0);
  for (const spec of specs) {
    const source = readFileSync(`${import.meta.dirname}/${spec}`, 'utf8');
    // Types (`import type { Page }`) are harmless; a value import could bring an unguarded `test`.
    expect(source, spec).not.toMatch(/^import (?!type )[^;]*from '@playwright\/test'/m);
  }
});

test('no spec waits for a duration: tests wait for states, which hold on a loaded machine too', () => {
  const specs = readdirSync(import.meta.dirname, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
  );
  for (const spec of specs) {
    const source = readFileSync(`${import.meta.dirname}/${spec}`, 'utf8');
    expect(source, spec).not.toMatch(/\.waitForTimeout\(/);
  }
});
