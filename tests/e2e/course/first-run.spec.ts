/**
 * The first Run on a page (BAD-INPUTS row 38, issue 11): a Run pressed before the runner has loaded
 * waits, says so, and then runs once; the page's own scenarios run from the build's compiled output
 * (no TypeScript in the page), an edit loads the compiler from its first keystroke, and the loop
 * guard stops a runaway precompiled scenario as it stops an edited one.
 */
import type { Locator, Page, Request, Route } from '@playwright/test';
import { precompileScenario } from '@spanlab/engine';
import { expect, saveScreenshot, setRunBudgets, switchColorScheme, test } from '../fixtures.ts';
import { code, LESSON_PATH, openLesson, scenario, setCode } from './lesson-parts.ts';

// Generous: on a loaded two-core machine the compiler alone can take many seconds to load.
test.describe.configure({ timeout: 120_000 });

/** The compiler worker's script (TypeScript inside). */
const COMPILER = /compile-worker/;
/** What a lesson's Run loads first: the runner's chunk and the run worker's script. */
const LESSON_RUNNER = /\/_astro\/(lesson-engine|run-worker)[^/]*\.js$/;
/** The playground's runner is in its page script; the run worker's script loads on demand. */
const PLAYGROUND_RUNNER = /\/_astro\/run-worker[^/]*\.js$/;

/** Holds back the scripts matching `pattern` until the returned function is called. */
async function holdBack(page: Page, pattern: RegExp): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.route(pattern, async (route: Route) => {
    held.push(route.request().url());
    await released;
    await route.continue();
  });
  return () => {
    expect(held.length, `a script matching ${String(pattern)} was asked for and held`).toBeGreaterThan(0);
    release();
  };
}

/** The URLs the page (and its workers) request from now on. */
function requests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (request: Request) => urls.push(request.url()));
  return urls;
}

/** Presses the part's Run and waits (long: the compiler may load) until its status says the run is over. */
async function runScenario(part: Locator): Promise<string> {
  await part.getByRole('button', { name: 'Run', exact: true }).click();
  const status = part.locator('[data-ls="status"]');
  await expect(status).toHaveText(/^(Ran in|Not run)/, { timeout: 60_000 });
  return (await status.textContent()) ?? '';
}

/** The run workers the page starts (the sandbox starts each from a blob: URL). */
function runWorkers(page: Page): string[] {
  const urls: string[] = [];
  page.on('worker', (worker) => {
    if (worker.url().startsWith('blob:')) urls.push(worker.url());
  });
  return urls;
}

/** Screenshots of the loading state in both themes (switched under the page, which keeps waiting). */
async function loadingScreenshots(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await switchColorScheme(page, colorScheme);
    await saveScreenshot(page, `${name}-${colorScheme}`, { fullPage: false });
  }
}

test('a lesson Run pressed before the runner has loaded waits, says so, then runs once: the code last pressed for', async ({
  page,
}) => {
  const workers = runWorkers(page);
  // Held from before the page loads: the warm-up asks for both as soon as the scenario is on screen.
  const release = await holdBack(page, LESSON_RUNNER);
  await openLesson(page);
  const part = scenario(page);
  await part.scrollIntoViewIfNeeded();
  const run = part.getByRole('button', { name: 'Run', exact: true });
  await run.click();
  const status = part.locator('[data-ls="status"]');
  await expect(status).toHaveText('Loading the runner…');
  await expect(run).toHaveAttribute('aria-busy', 'true');
  const views = part.locator('trace-views');
  await expect(views).toContainText('Loading the runner…');
  await expect(views.getByText(/No run yet/).filter({ visible: true })).toHaveCount(0);
  // Said once on screen, where the trace will be; the status says it to screen readers.
  await expect(status.getByText('Loading the runner…')).toHaveClass('sr-only');
  await expect(part.locator('scenario-editor'), 'the editor waits for the run path').toHaveAttribute(
    'data-mode',
    'static',
  );
  // Pressed again (and Ctrl+Enter) while it waits: still one run.
  await run.click();
  await status.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await loadingScreenshots(page, 'first-run-lesson-loading');
  // Edited and pressed again while it still waits: the edited code is what runs, still once.
  await setCode(
    part,
    `${await code(part)}\nimport { trace as readerTrace } from '@opentelemetry/api';\nreaderTrace.getTracer('reader').startSpan('reader-edit').end();\n`,
  );
  await run.click();
  release();
  await expect(status).toHaveText(/^Ran in \d+ ms: 8 spans in 5 traces/, { timeout: 60_000 });
  await expect(views.getByRole('tabpanel').locator('svg').first()).toBeVisible();
  await expect(run).not.toHaveAttribute('aria-busy');
  expect(workers, 'one run worker: one run').toHaveLength(1);
});

test('a playground Run pressed before the runner has loaded waits, says so, then runs once', async ({ page }) => {
  const workers = runWorkers(page);
  const release = await holdBack(page, PLAYGROUND_RUNNER);
  await page.goto('/playground/?scenario=order-processing');
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await run.click();
  const status = page.locator('[data-pg="status"]');
  await expect(status).toHaveText('Loading the runner…');
  await expect(run).toHaveAttribute('aria-busy', 'true');
  await expect(
    page
      .locator('trace-views')
      .getByText(/No run yet/)
      .filter({ visible: true }),
  ).toHaveCount(0);
  // The editor waits for the run path: still the highlighted code.
  await expect(page.locator('scenario-editor')).toHaveAttribute('data-mode', 'static');
  await run.click();
  await loadingScreenshots(page, 'first-run-playground-loading');
  release();
  await expect(status).toHaveText(/^Ran in \d+ ms/, { timeout: 60_000 });
  await expect(page.locator('trace-views').getByRole('tabpanel').locator('svg').first()).toBeVisible();
  await expect(run).not.toHaveAttribute('aria-busy');
  expect(workers, 'one run worker: one run').toHaveLength(1);
});

test("an unedited scenario's first Run loads no TypeScript; an edit loads the compiler from its first keystroke", async ({
  page,
}) => {
  const urls = requests(page);
  await openLesson(page);
  const part = scenario(page);
  await part.scrollIntoViewIfNeeded();
  expect(await runScenario(part)).toMatch(/^Ran in \d+ ms: 7 spans in 4 traces/);
  // The reader reaches for the code: the editor upgrades; even then nothing has asked for the compiler.
  await part.locator('scenario-editor').hover();
  await expect(part.locator('scenario-editor')).toHaveAttribute('data-mode', 'monaco', { timeout: 60_000 });
  expect(
    urls.filter((url) => COMPILER.test(url)),
    'compiler requests for unedited code',
  ).toEqual([]);

  // A keystroke, not Run, starts loading the compiler.
  const compiler = page.waitForRequest(COMPILER);
  await part.locator('scenario-editor .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n// my note');
  await compiler;
  expect(await runScenario(part)).toMatch(/^Ran in \d+ ms: 7 spans in 4 traces/);
});

test('an exercise Check of the starting code loads no TypeScript', async ({ page }) => {
  const urls = requests(page);
  await openLesson(page);
  const part = page.locator('span-lab-exercise').first();
  await part.scrollIntoViewIfNeeded();
  await part.getByRole('button', { name: 'Check' }).click();
  await expect(part.locator('[data-ex="status"]')).toHaveText(/^(Passed|Not yet)/, { timeout: 60_000 });
  expect(urls.filter((url) => COMPILER.test(url))).toEqual([]);
});

test('the loop guard stops a runaway precompiled scenario at its line, as it stops the same code edited', async ({
  page,
}) => {
  const id = 'batch-consumer';
  await setRunBudgets(page, { wallClockBudgetMs: 1_000 });
  await openLesson(page);
  const original = await code(scenario(page));
  const runaway = `${original}\nlet spins = 0;\nwhile (true) {\n  spins += 1;\n}\n`;
  const loopLine = runaway.split('\n').indexOf('while (true) {') + 1;
  // The page ships the runaway compiled, as the build compiles a scenario; the reader's saved edit
  // puts that text in the editor. (A restored edit starts loading the compiler at once, in case the
  // reader edits on; the Run itself takes the compiled output, keyed by the text.)
  const compiled = precompileScenario(runaway, `${id}.ts`);
  expect(compiled).toBeDefined();
  await page.route(LESSON_PATH, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /(<script type="application\/json" data-ls="data">)(.*?)(<\/script>)/gs,
      (whole, open: string, json: string, close: string) => {
        const data = JSON.parse(json) as { id: string; compiled?: unknown };
        if (data.id !== id) return whole;
        data.compiled = compiled;
        return `${open}${JSON.stringify(data).replace(/</g, '\\u003c')}${close}`;
      },
    );
    await route.fulfill({ response, body: html });
  });
  await setCode(scenario(page), runaway);
  const urls = requests(page);
  await page.reload();
  const part = scenario(page);
  expect(await code(part)).toEqual(runaway);
  const precompiledStatus = await runScenario(part);

  // The same loop, edited in (a different text: it must compile in the page).
  await setCode(part, `${runaway}// edited\n`);
  const editedStatus = await runScenario(part);
  expect(urls.filter((url) => COMPILER.test(url)).length, 'the edited text compiles in the page').toBeGreaterThan(0);

  for (const status of [precompiledStatus, editedStatus]) {
    expect(status).toContain('wall-clock');
    expect(status).toContain(`line ${loopLine}:`);
  }
});

/** Mermaid's core and its gantt chart: what the waterfall upgrades to. */
const MERMAID = /\/_astro\/(mermaid\.core|ganttDiagram)[^/]*\.js$/;

/** The part's waterfall panel, and what drew it (`data-renderer`). */
function waterfall(part: Locator): Locator {
  return part.locator('trace-views [role=tabpanel]:not([hidden])');
}

test("a lesson's first waterfall is drawn before Mermaid is asked for, then becomes the gantt chart in place, the selection kept", async ({
  page,
}) => {
  const urls = requests(page);
  const release = await holdBack(page, MERMAID);
  await openLesson(page);
  const part = scenario(page);
  await part.scrollIntoViewIfNeeded();
  await part.getByRole('button', { name: 'Run', exact: true }).click();
  const panel = waterfall(part);
  // The run's waterfall, drawn by our own SVG while Mermaid is held back: every span, on one clock.
  await expect(panel).toHaveAttribute('data-renderer', 'svg-first', { timeout: 60_000 });
  await expect(panel.getByRole('listbox', { name: 'Waterfall of 7 spans' })).toBeVisible();
  await expect(panel.locator('.tv-svgwf [role=option]')).toHaveCount(7);
  await expect(part.locator('[data-ls="status"]')).toHaveText(/^Ran in \d+ ms: 7 spans in 4 traces/);
  // Mermaid was asked for only after the runner's chunk and the run worker's script.
  const index = (pattern: RegExp): number => urls.findIndex((url) => pattern.test(new URL(url).pathname));
  const firstMermaid = index(MERMAID);
  for (const runner of [/\/lesson-engine[^/]*\.js$/, /\/run-worker[^/]*\.js$/])
    expect(index(runner), `${String(runner)} before Mermaid`).toBeLessThan(
      firstMermaid === -1 ? Infinity : firstMermaid,
    );
  // A span selected elsewhere (the details, the table) stays selected through the upgrade.
  const selected = await part.locator('trace-views').evaluate((views) => {
    const element = views as HTMLElement & {
      result: { spans: { traceId: string; spanId: string; name: string }[] };
      selectSpan(traceId: string, spanId: string): boolean;
    };
    const span = element.result.spans[0]!;
    element.selectSpan(span.traceId, span.spanId);
    return span.name;
  });
  await expect(panel.locator('[role=option][aria-selected=true]')).toHaveCount(1);
  // Measured from the panel's top: the editor above may upgrade meanwhile and move the whole panel.
  const legendTop = (): Promise<number> =>
    panel.evaluate(
      (element) =>
        (element.querySelector('.tv-wf-legend')?.getBoundingClientRect().top ?? 0) -
        element.getBoundingClientRect().top,
    );
  const legendBefore = await legendTop();
  await expect.poll(() => index(MERMAID), 'Mermaid asked for once the first drawing is shown').toBeGreaterThan(-1);
  release();
  await expect(panel).toHaveAttribute('data-renderer', 'mermaid', { timeout: 60_000 });
  await expect(panel.locator('figure.tv-mermaid svg')).toBeVisible();
  await expect(panel.locator('.tv-svgwf')).toHaveCount(0);
  await expect(panel.locator('figure.tv-mermaid rect[aria-pressed=true]')).toHaveCount(1);
  await expect(panel.locator('figure.tv-mermaid rect[aria-pressed=true]')).toHaveAccessibleName(
    new RegExp(selected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  );
  // The chart took the first drawing's place: what follows it moved less than a row.
  expect(Math.abs((await legendTop()) - legendBefore)).toBeLessThan(22);
  await expect(panel).not.toHaveAttribute('aria-busy', 'true');
});

test('a first waterfall the reader has used stays until the next Run, which draws the gantt chart', async ({
  page,
}) => {
  const urls = requests(page);
  const release = await holdBack(page, MERMAID);
  await openLesson(page);
  const part = scenario(page);
  await part.scrollIntoViewIfNeeded();
  await part.getByRole('button', { name: 'Run', exact: true }).click();
  const panel = waterfall(part);
  await expect(panel).toHaveAttribute('data-renderer', 'svg-first', { timeout: 60_000 });
  const row = panel.locator('.tv-svgwf [role=option]').nth(1);
  await row.click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => urls.some((url) => MERMAID.test(new URL(url).pathname))).toBe(true);
  release();
  // Swapping now would move what the reader points at and drop the focus: the drawing stays.
  await expect(panel).toHaveAttribute('data-renderer', 'svg', { timeout: 60_000 });
  await expect(panel.locator('.tv-svgwf [role=option]').nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('listbox')).toBeFocused();
  await expect(panel).not.toHaveAttribute('aria-busy', 'true');
  await part.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(panel).toHaveAttribute('data-renderer', 'mermaid', { timeout: 60_000 });
  await expect(panel.locator('figure.tv-mermaid rect[aria-pressed=true]')).toHaveCount(1);
});
