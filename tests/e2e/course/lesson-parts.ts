/** Helpers for the lesson component specs: the page that embeds them, and how to drive them. */
import { expect, type Locator, type Page } from '@playwright/test';

/** A lesson page that embeds `<Scenario id="batch-consumer" />` and `<Exercise id="link-the-batch" />`. */
export const LESSON_PATH = '/lessons/span-links/';

/** Opens the lesson with no saved work. */
export async function openLesson(page: Page): Promise<void> {
  // Each test's browser context starts with empty storage: nothing to clear.
  await page.goto(LESSON_PATH);
}

/** The embedded scenario. */
export function scenario(page: Page, id = 'batch-consumer'): Locator {
  return page.locator(`lesson-scenario[data-scenario="${id}"]`);
}

/** The embedded exercise. */
export function exercise(page: Page, id = 'link-the-batch'): Locator {
  return page.locator(`span-lab-exercise[data-exercise="${id}"]`);
}

/** Replaces the code of the editor inside `part`, as a script (Reset, a paste) would. */
export async function setCode(part: Locator, code: string): Promise<void> {
  await part.locator('scenario-editor').evaluate((editor, value) => {
    (editor as HTMLElement & { value: string }).value = value;
    editor.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  }, code);
}

/** The code in the editor inside `part`. */
export function code(part: Locator): Promise<string> {
  return part.locator('scenario-editor').evaluate((editor) => (editor as HTMLElement & { value: string }).value);
}

/** Presses the part's Run and waits until its status says the run is over. */
export async function runScenario(part: Locator): Promise<string> {
  await part.getByRole('button', { name: 'Run', exact: true }).click();
  const status = part.locator('[data-ls="status"]');
  await expect(status).toHaveText(/^(Ran in|Not run)/, { timeout: 20_000 });
  return (await status.textContent()) ?? '';
}

/** Presses Check and waits for the verdict. */
export async function check(part: Locator): Promise<string> {
  await part.getByRole('button', { name: 'Check' }).click();
  const status = part.locator('[data-ex="status"]');
  await expect(status).toHaveText(/^(Passed|Not yet|Not checked)/, { timeout: 20_000 });
  return (await status.textContent()) ?? '';
}

/** The names in the span table of the trace views inside `part`. */
export async function spanNames(part: Locator): Promise<string[]> {
  const views = part.locator('trace-views');
  await views.getByRole('tab', { name: /Spans/ }).click();
  const table = views.getByRole('table').first();
  await expect(table).toBeVisible();
  return table
    .locator('tbody tr[data-span-key] th.tv-c-name')
    .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').trim()));
}

/** Starlight's fixed header and table-of-contents bar would cover the top of an element screenshot. */
export async function unpinHeaders(page: Page): Promise<void> {
  await page.addStyleTag({
    content: 'header.header, mobile-starlight-toc nav { position: absolute !important; }',
  });
}
