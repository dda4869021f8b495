import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, SCREENSHOT_DIR, setRunBudgets, switchColorScheme, test } from '../fixtures.ts';
import { HALF_FIXES } from '../../../src/content/exercises/half-fixes.ts';
import { check, code, exercise, openLesson, setCode, unpinHeaders } from './lesson-parts.ts';

// 600 px wide: the editor is the plain textarea, which the tests type into as a reader would.
test.use({ viewport: { width: 600, height: 1000 } });

const EXERCISE_DIR = new URL('../../../src/content/exercises/link-the-batch/', import.meta.url);
const start = readFileSync(new URL('start.ts', EXERCISE_DIR), 'utf8');
const solution = readFileSync(new URL('solution.ts', EXERCISE_DIR), 'utf8');

/** Types `text` over the code in the exercise's textarea. */
async function typeCode(page: Page, text: string): Promise<void> {
  const host = exercise(page).locator('scenario-editor');
  await host.scrollIntoViewIfNeeded();
  await expect(host).toHaveAttribute('data-mode', 'textarea');
  await exercise(page)
    .getByRole('textbox', { name: /^Exercise code:/ })
    .click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

test('Check fails on the starting code, then passes once the reader types the solution', async ({ page }) => {
  await openLesson(page);
  const part = exercise(page);
  expect(await code(part)).toEqual(start);
  expect(await check(part)).toMatch(/^Not yet: \d of 3 checks pass/);
  const report = part.locator('[data-ex="report"]');
  await expect(report.locator('.ex-report__item--fail').first()).toContainText('Fail:');
  await expect(part.locator('trace-views').getByRole('tabpanel').locator('svg').first()).toBeVisible();
  await expect(part.locator('[data-ex="badge"]')).toBeHidden();

  await typeCode(page, solution);
  // Ctrl+Enter in the code checks it, as Check does.
  await page.keyboard.press('Control+Enter');
  await expect(part.locator('[data-ex="status"]')).toHaveText(/^Passed/, { timeout: 20_000 });
  expect(await check(part)).toMatch(/^Passed: all 3 checks pass and the linter finds no error/);
  await expect(report.locator('.ex-report__item--fail')).toHaveCount(0);
  await expect(report.locator('.ex-report__item--pass')).toHaveCount(3);
  await expect(part.locator('[data-ex="badge"]')).toBeVisible();
  const progress = await page.evaluate(() => localStorage.getItem('span-lab:progress:v1'));
  expect(JSON.parse(progress ?? '{}')).toMatchObject({ exercises: { 'link-the-batch': { passed: true } } });
});

test('hints appear one at a time', async ({ page }) => {
  await openLesson(page);
  const part = exercise(page);
  const hints = part.locator('[data-ex="hint-item"]');
  const total = await hints.count();
  expect(total).toBeGreaterThanOrEqual(2);
  await expect(hints.first()).toBeHidden();
  await part.getByRole('button', { name: `Hint 1 of ${total}` }).click();
  await expect(hints.nth(0)).toBeVisible();
  await expect(hints.nth(0)).toContainText(`Hint 1 of ${total}`);
  await expect(hints.nth(1)).toBeHidden();
  await part.getByRole('button', { name: `Hint 2 of ${total}` }).click();
  await expect(hints.nth(1)).toBeVisible();
  for (let shown = 2; shown < total; shown++)
    await part.getByRole('button', { name: `Hint ${shown + 1} of ${total}` }).click();
  await expect(part.getByRole('button', { name: `All ${total} hints shown` })).toBeDisabled();
});

test('Show solution shows a diff beside the code and leaves the code alone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 }); // a desktop's lesson column
  await openLesson(page);
  const part = exercise(page);
  const mine = `${start}\n// my attempt\n`;
  await setCode(part, mine);
  const toggle = part.getByRole('button', { name: 'Show solution' });
  await toggle.click();
  await expect(part.getByRole('button', { name: 'Hide solution' })).toHaveAttribute('aria-expanded', 'true');
  const diff = part.getByRole('region', { name: 'The solution beside your code' });
  await expect(diff.getByRole('table')).toBeVisible();
  await expect(diff.locator('caption')).toHaveText(
    /From your code to the solution: \d+ lines? removed \(−\), \d+ added \(\+\)\./,
  );
  await expect(diff.locator('tr.ex-diff__row--removed', { hasText: '// my attempt' })).toHaveCount(1);
  await expect(diff.locator('tr.ex-diff__row--added').first()).toContainText('added');
  // A long line wraps, as in the editor above, rather than hiding its end behind a sideways scroll.
  const box = part.locator('.ex-diff');
  expect(await box.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(1);
  expect(await code(part)).toEqual(mine);
  // Replacing is an explicit action, and it can be undone.
  await part.getByRole('button', { name: 'Replace my code with it' }).click();
  expect(await code(part)).toEqual(solution);
  await expect(diff.locator('caption')).toHaveText('Your code is the same as the solution.');
  await part.getByRole('button', { name: 'Undo' }).click();
  expect(await code(part)).toEqual(mine);
});

test('order-children: a half-fix fails on the span it leaves out of place; another correct answer passes, and the solution says so', async ({
  page,
}) => {
  test.setTimeout(120_000); // two Checks, each a run
  // Each test's browser context starts with empty storage: nothing to clear.
  await page.goto('/lessons/parent-child/');
  const part = exercise(page, 'order-children');
  const dir = new URL('../../../src/content/exercises/order-children/', import.meta.url);
  const own = readFileSync(new URL('solution.ts', dir), 'utf8');
  const [fix] = HALF_FIXES['order-children'];
  let halfFix = own;
  for (const [from, to] of fix!.edits) halfFix = halfFix.replace(from, to);
  await setCode(part, halfFix);
  expect(await check(part)).toMatch(/^Not yet: \d+ of \d+ checks pass/);
  const failing = part.locator('[data-ex="report"] .ex-report__item--fail');
  await expect(failing).toHaveCount(1);
  await expect(failing).toContainText('INSERT shipments');
  await expect(failing).toContainText('ship-order');
  await part.screenshot({ path: `${SCREENSHOT_DIR}exercise-half-fix-order-children.png` });

  // Another correct answer: the order made active with context.with, the steps with startActiveSpan.
  const other = own
    .replace(
      "await tracer.startActiveSpan('process-order', { attributes: { 'order.id': orderId } }, async (order) => {",
      "const order = tracer.startSpan('process-order', { attributes: { 'order.id': orderId } });\n  await context.with(trace.setSpan(context.active(), order), async () => {",
    )
    .replace("import { trace } from '@opentelemetry/api';", "import { context, trace } from '@opentelemetry/api';");
  expect(other).not.toEqual(own);
  await setCode(part, other);
  expect(await check(part)).toMatch(/^Passed/);
  await part.getByRole('button', { name: 'Show solution' }).click();
  await expect(part.locator('[data-ex="other-answers"]')).toBeVisible();
  await expect(part.locator('[data-ex="other-answers"]')).toContainText('a correct answer too');
  await part.screenshot({ path: `${SCREENSHOT_DIR}exercise-other-answer-order-children.png` });
});

test('fix-the-trace: a fault the linter also finds is said once, under its check, and Problems still lists it', async ({
  page,
}) => {
  await page.goto('/lessons/best-practices/');
  const part = exercise(page, 'fix-the-trace');
  expect(await check(part)).toBe('Not yet: 2 of 4 checks pass.');
  const report = part.locator('[data-ex="report"]');
  const failing = report.locator('.ex-report__item--fail');
  await expect(failing).toHaveCount(2);
  await expect(report.locator('.ex-report__item', { hasText: 'Linter:' })).toHaveCount(0);
  const ended = failing.filter({ hasText: 'every span was ended' });
  await expect(ended.locator('.ex-report__detail')).toHaveText('upload-file was never ended');
  await expect(ended.locator('.ex-report__also')).toContainText("The linter's span-not-ended says this too");
  const views = part.locator('trace-views');
  await views.getByRole('tab', { name: /Problems/ }).click();
  await expect(views.getByRole('tabpanel')).toContainText('span-not-ended');
});

test('order-children: Check names each trace as the waterfall does, by its number and short id', async ({ page }) => {
  await page.goto('/lessons/parent-child/');
  const part = exercise(page, 'order-children');
  expect(await check(part)).toMatch(/^Not yet/);
  const said = (await part.locator('[data-ex="report"]').innerText()).matchAll(/trace (\d+) · ([0-9a-f]{8})…/g);
  const named = [...new Set([...said].map(([, n, id]) => `${n ?? ''} ${id ?? ''}`))];
  expect(named.length).toBeGreaterThan(1);
  const waterfall = part.locator('trace-views').getByRole('tabpanel');
  await expect(waterfall).toContainText('trace 6');
  const drawn = (await waterfall.innerText()).matchAll(/trace (\d+) · ([0-9a-f]{8})…/g);
  const shown = new Set([...drawn].map(([, n, id]) => `${n ?? ''} ${id ?? ''}`));
  for (const trace of named) expect(shown, trace).toContain(trace);
});

test('a report says once the code it judged has changed, until the next Check or an undo', async ({ page }) => {
  await openLesson(page);
  const part = exercise(page);
  expect(await check(part)).toMatch(/^Not yet/);
  const report = part.locator('[data-ex="report"]');
  const note = report.locator('.ex-report__stale');
  const viewsStale = part.locator('trace-views .tv-stale-banner');
  await expect(note).toHaveCount(0);
  await expect(viewsStale).toBeHidden();

  // Replace my code with the solution: the failing verdicts are of the code before it.
  await part.getByRole('button', { name: 'Show solution' }).click();
  await part.getByRole('button', { name: 'Replace my code with it' }).click();
  await expect(note).toHaveText(/you have changed it since\. Press Check to check it as it is now\./);
  await expect(report).toHaveAttribute('data-stale', '');
  await expect(viewsStale).toBeVisible();

  // Undo puts back the code that was checked: the report is of it again.
  await part.getByRole('button', { name: 'Undo' }).click();
  await expect(note).toHaveCount(0);
  await expect(viewsStale).toBeHidden();

  await setCode(part, solution);
  await expect(note).toBeVisible();
  expect(await check(part)).toMatch(/^Passed/);
  await expect(note).toHaveCount(0);
  await expect(report).not.toHaveAttribute('data-stale', '');
  await expect(viewsStale).toBeHidden();
});

test("the reader's work survives a reload, and Reset can be undone", async ({ page }) => {
  await openLesson(page);
  await typeCode(page, `${start}// kept\n`);
  await exercise(page)
    .getByRole('textbox', { name: /^Exercise code:/ })
    .blur();
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).some((key) => key.includes('exercise:link-the-batch'))))
    .toBe(true);
  await page.reload();
  expect(await code(exercise(page))).toEqual(`${start}// kept\n`);
  await exercise(page).getByRole('button', { name: 'Reset' }).click();
  expect(await code(exercise(page))).toEqual(start);
  await exercise(page).getByRole('button', { name: 'Undo' }).click();
  expect(await code(exercise(page))).toEqual(`${start}// kept\n`);
});

test('a compile error and a runaway loop get clear messages, and the code stays', async ({ page }) => {
  await setRunBudgets(page, { wallClockBudgetMs: 1_000 });
  await openLesson(page);
  const part = exercise(page);
  const broken = `${start}\nconst x: number = ;\n`;
  await setCode(part, broken);
  expect(await check(part)).toMatch(/^Not checked: the code does not compile \(line \d+:\d+: /);
  expect(await code(part)).toEqual(broken);
  const looping = start.replace('export default async function', 'while (true) {}\nexport default async function');
  await setCode(part, looping);
  expect(await check(part)).toMatch(/^Not yet: .*the run did not end cleanly/);
  await expect(part.locator('[data-ex="report"]')).toContainText(/line \d+/);
  expect(await code(part)).toEqual(looping);
});

test('screenshots of an exercise, light and dark: failing, passing, solution', async ({ page }) => {
  const both = async (part: Locator, name: string): Promise<void> => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await switchColorScheme(page, colorScheme);
      await part.screenshot({ path: `${SCREENSHOT_DIR}exercise-${name}-${colorScheme}.png` });
    }
  };
  await openLesson(page);
  await unpinHeaders(page);
  const part = exercise(page);
  await check(part);
  await both(part, 'failing');
  await part.getByRole('button', { name: /^Hint 1/ }).click();
  await part.getByRole('button', { name: 'Show solution' }).click();
  await both(part, 'solution');
  await part.getByRole('button', { name: 'Hide solution' }).click();
  await typeCode(page, solution);
  await check(part);
  await both(part, 'passing');
});
