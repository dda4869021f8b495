/**
 * Every message tells the current truth (issue 16): a notice goes when the state that made it
 * changes; an opened trace says what it is in place of the code; "Open in playground" names the
 * scenario an edit came from; a compile error replaces the old Problems; an empty editor says so.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { describeViolations, expect, saveScreenshot, seriousViolations, switchColorScheme, test } from '../fixtures.ts';
import { exercise, scenario } from '../course/lesson-parts.ts';
import { editorCode, openPlayground, setCode, showTab } from './helpers.ts';

// A first Run loads the compiler and the runner; on a busy two-core machine that takes a while.
test.describe.configure({ timeout: 180_000 });

/** Presses Run and waits for the status to say the run is over. */
async function run(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const status = page.locator('[data-pg="status"]');
  await expect(status).toHaveText(/^(Ran in|Not run)/, { timeout: 120_000 });
  return (await status.textContent()) ?? '';
}

/** Types into the editor as the reader would: the code changes and the editor says so. */
async function edit(page: Page, code: string): Promise<void> {
  await setCode(page, code);
  await page.locator('scenario-editor').evaluate((editor, value) => {
    editor.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  }, code);
}

test('the Reset and Undo notices go once the reader types in the code, and once they run it', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 900 }); // the textarea editor: typed as a reader types
  await openPlayground(page, 'http-chain');
  const original = await editorCode(page);
  const notice = page.locator('[data-pg="notice"]');
  const type = async (text: string): Promise<void> => {
    await page.getByRole('textbox', { name: 'Scenario code' }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(text);
  };
  await type('\n// mine\n');
  await expect.poll(() => editorCode(page)).toBe(`${original}\n// mine\n`);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(notice).toContainText('back to its original code');
  expect(await editorCode(page)).toBe(original);
  await type('\n// typed after the reset\n');
  await expect(notice).toBeHidden();

  // Undo says so, and goes with the next keystrokes too.
  await page.getByRole('button', { name: 'Reset' }).click();
  await notice.getByRole('button', { name: 'Undo reset' }).click();
  await expect(notice).toHaveText('Your edits are back.');
  expect(await editorCode(page)).toBe(`${original}\n// typed after the reset\n`);
  await type('// and more');
  await expect(notice).toBeHidden();

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(notice).toContainText('back to its original code');
  await run(page);
  await expect(notice).toBeHidden();
});

test('a syntax error replaces the last run’s Problems with its own, and marks the diagrams stale', async ({ page }) => {
  await openPlayground(page, 'http-chain');
  await run(page);
  await showTab(page, 'Problems');
  await expect(page.locator('trace-views [role=tabpanel]:not([hidden])')).toContainText('No problems');
  await edit(page, 'const broken = "unterminated;\n');
  expect(await run(page)).toMatch(/^Not run: line 1:/);
  const problems = page.locator('trace-views [role=tabpanel]:not([hidden])');
  await expect(problems).not.toContainText('No problems');
  await expect(problems).toContainText(/Unterminated string/i);
  await expect(page.getByRole('tab', { name: /Problems \(\d+\)/ })).toBeVisible();
  await expect(page.locator('trace-views')).toHaveAttribute('data-stale', '');
});

test('Run with an empty editor says the editor is empty, and marks the last run’s diagrams stale', async ({ page }) => {
  await openPlayground(page, 'http-chain');
  await run(page);
  await expect(page.locator('trace-views')).not.toHaveAttribute('data-stale', '');
  await edit(page, '  \n');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-pg="status"]')).toHaveText(/the editor is empty/);
  await expect(page.locator('trace-views')).toHaveAttribute('data-stale', '');
});

test('an opened trace takes the code’s place and says what it is: file, format, spans, its real duration, no seed', async ({
  page,
}) => {
  const { stdout } = await promisify(execFile)(process.execPath, [
    'src/simulator/platform/node/cli.ts',
    'src/content/scenarios/retry.ts',
  ]);
  await openPlayground(page, 'batch-consumer');
  // The reader's own code, run settings and share link, all of which the opened file has nothing to do with.
  const code = `${await editorCode(page)}\n// my own edit\n`;
  await edit(page, code);
  await page.locator('select[data-run-setting="context"]').selectOption('stack');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.locator('[data-pg="share-url"]')).toBeVisible();
  const scenarioSummary = page.locator('[data-pg="summary"]');
  await expect(scenarioSummary).toContainText('Three producers');
  await page.locator('[data-pg="file"]').setInputFiles({
    name: 'retry.otlp.json',
    mimeType: 'application/json',
    buffer: Buffer.from(stdout),
  });
  const opened = page.locator('[data-opened-trace]');
  await expect(opened).toContainText('The views show retry.otlp.json, not a run of the code');
  await expect(page.locator('scenario-editor')).toBeHidden();
  // What the file holds is said once on screen, by the views' summary.
  const summary = page.locator('trace-views .tv-summary');
  await expect(summary).toHaveText(
    'retry.otlp.json · OTLP JSON · 9 spans in 3 traces · 6.156 s from first start to last end.',
  );
  await expect(opened).not.toContainText('9 spans');
  await expect(page.locator('[data-pg="status"] .sr-only')).toHaveText([': 9 spans', ' Read as OTLP JSON.']);
  await expect(summary).not.toContainText('seed');
  await expect(summary).not.toContainText('0 ms of virtual time');
  await expect(page.locator('[data-pg="share-url"]')).toBeHidden();
  // The batch scenario's summary would describe the code's traces, not these.
  await expect(scenarioSummary).toBeHidden();
  // Downloaded again, it keeps the file's name: it has no scenario and no seed.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download trace' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('retry.otlp.json');
  await saveScreenshot(page, 'opened-trace');
  for (const colorScheme of ['light', 'dark'] as const) {
    await switchColorScheme(page, colorScheme);
    const violations = await seriousViolations(page);
    expect(violations, `${colorScheme}: ${describeViolations(violations)}`).toEqual([]);
  }
  await saveScreenshot(page, 'opened-trace-dark');
  await opened.getByRole('button', { name: 'Back to code' }).click();
  await expect(page.locator('scenario-editor')).toBeVisible();
  await expect(opened).toHaveCount(0);
  await expect(summary).not.toContainText('retry.otlp.json');
  // The reader's code and settings, untouched.
  expect(await editorCode(page)).toBe(code);
  await expect(page.locator('select[data-run-setting="context"]')).toHaveValue('stack');
  await expect(scenarioSummary).toBeVisible();
});

test('"Open in playground" from an edited lesson scenario says which scenario it was edited from', async ({ page }) => {
  // Each test's browser context starts with empty storage: nothing to clear.
  await page.goto('/lessons/implementation-patterns/');
  await page.waitForFunction(() => customElements.get('lesson-scenario') !== undefined);
  const part = scenario(page, 'retry');
  const code = await part
    .locator('scenario-editor')
    .evaluate((editor) => (editor as HTMLElement & { value: string }).value);
  await part.locator('scenario-editor').evaluate((editor, value) => {
    (editor as HTMLElement & { value: string }).value = value;
    editor.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  }, `${code}\n// edited\n`);
  const link = part.getByRole('link', { name: 'Open in playground' });
  await expect(link).toHaveAttribute('data-edited', 'true');
  await expect(link).toHaveAttribute('href', /\?scenario=retry#code=/);
  await page.goto((await link.getAttribute('href')) ?? '');
  await expect(page.locator('[data-pg="notice"]')).toContainText(
    'This code was edited from the scenario “Retry with links to the first attempt”',
  );
  await expect(page.locator('[data-pg="picker"] option:checked')).toHaveText(
    'Edited from Retry with links to the first attempt',
  );
  expect(await editorCode(page)).toBe(`${code}\n// edited\n`);
});

test('in an exercise or a lesson scenario, Reset never leaves "your work is back" beside "back to its starting code"', async ({
  page,
}) => {
  // Each test's browser context starts with empty storage: nothing to clear.
  await page.goto('/lessons/span-links/');
  await page.waitForFunction(() => customElements.get('span-lab-exercise') !== undefined);
  await page.waitForFunction(() => customElements.get('lesson-scenario') !== undefined);
  const part = exercise(page);
  const lessonPart = scenario(page, 'batch-consumer');
  for (const editor of [part.locator('scenario-editor'), lessonPart.locator('scenario-editor')])
    await editor.evaluate((element) => {
      const value = `${(element as HTMLElement & { value: string }).value}\n// my work\n`;
      (element as HTMLElement & { value: string }).value = value;
      element.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    });
  await page.reload();
  await page.waitForFunction(() => customElements.get('span-lab-exercise') !== undefined);
  await page.waitForFunction(() => customElements.get('lesson-scenario') !== undefined);
  const lessonStatus = lessonPart.locator('[data-ls="status"]');
  await expect(lessonStatus).toContainText('Your edited code is back');
  await lessonPart.getByRole('button', { name: 'Reset' }).click();
  await expect(lessonPart.locator('[data-ls="notice"]')).toContainText('back to its original code');
  await expect(lessonStatus).not.toContainText('Your edited code is back');

  const status = part.locator('[data-ex="status"]');
  await expect(status).toContainText('Your work on this exercise is back');
  await part.getByRole('button', { name: 'Reset' }).click();
  await expect(part.locator('[data-ex="notice"]')).toContainText('back to its starting code');
  await expect(status).not.toContainText('Your work on this exercise is back');
});
