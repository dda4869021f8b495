/** Helpers for the playground specs: open a scenario, set code, run, read the views. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, type Page } from '@playwright/test';

/** Opens the playground on a scenario, with a clean slate of saved work. */
export async function openPlayground(page: Page, scenario = 'batch-consumer'): Promise<void> {
  // Each test's browser context starts with empty storage: nothing to clear.
  await page.goto(`/playground/?scenario=${scenario}`);
  await expect(page.locator('[data-pg="picker"]')).toHaveValue(scenario);
}

/** Replaces the editor's code, as Reset or a share link does. */
export async function setCode(page: Page, code: string): Promise<void> {
  await page.evaluate((value) => {
    (document.querySelector('scenario-editor') as HTMLElement & { value: string }).value = value;
  }, code);
}

/** The code in the editor. */
export function editorCode(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('scenario-editor') as HTMLElement & { value: string }).value);
}

/** Presses Run and waits for the status to say the run is over. */
export async function run(page: Page, done: RegExp = /^(Ran in|Not run)/): Promise<string> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const status = page.locator('[data-pg="status"]');
  await expect(status).toHaveText(done, { timeout: 20_000 });
  return (await status.textContent()) ?? '';
}

/** Shows one of the views' tabs. */
export async function showTab(
  page: Page,
  name: 'Waterfall' | 'Link graph' | 'Spans' | 'Console' | 'Problems',
): Promise<void> {
  await page.getByRole('tab', { name, exact: false }).first().click();
}

/** The rows of the span table, as the text of their name cells. */
export async function spanNames(page: Page): Promise<string[]> {
  await showTab(page, 'Spans');
  const table = page.getByRole('table').first();
  await expect(table).toBeVisible();
  return table
    .locator('tbody tr[data-span-key] th.tv-c-name')
    .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').trim()));
}

/**
 * Resolves once the page has had an idle moment, so whatever its last events started has run:
 * the state to reach before asserting that something did not happen.
 */
export async function pageSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => requestIdleCallback(() => resolve()));
      }),
  );
}

/**
 * Presses Download trace and runs the CLI on `scenario` with `cliArgs`; returns both OTLP JSON
 * documents, parsed, for a test to compare.
 */
export async function downloadAndCli(
  page: Page,
  scenario: string,
  cliArgs: readonly string[],
): Promise<{ downloaded: unknown; printed: unknown }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download trace' }).click(),
  ]);
  const downloaded = JSON.parse(readFileSync(await download.path(), 'utf8')) as unknown;
  const { stdout } = await promisify(execFile)(process.execPath, [
    'src/simulator/platform/node/cli.ts',
    `src/content/scenarios/${scenario}.ts`,
    ...cliArgs,
  ]);
  return { downloaded, printed: JSON.parse(stdout) as unknown };
}
