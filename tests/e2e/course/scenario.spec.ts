import LZString from 'lz-string';
import {
  describeViolations,
  expect,
  SCREENSHOT_DIR,
  seriousViolations,
  setRunBudgets,
  switchColorScheme,
  test,
  type ColorScheme,
} from '../fixtures.ts';
import {
  check,
  code,
  exercise,
  spanNames,
  LESSON_PATH,
  openLesson,
  runScenario,
  scenario,
  setCode,
  unpinHeaders,
} from './lesson-parts.ts';

test('a lesson scenario runs in place: waterfall and link graph', async ({ page }) => {
  await openLesson(page);
  const part = scenario(page);
  await expect(part.getByText('Scenario', { exact: true })).toBeVisible();
  expect(await runScenario(part)).toMatch(/^Ran in \d+ ms: 7 spans in 4 traces/);
  const views = part.locator('trace-views');
  await expect(views.getByRole('tabpanel').locator('svg').first()).toBeVisible();
  await views.getByRole('tab', { name: /Link graph/ }).click();
  for (const id of ['m1', 'm2', 'm3'])
    await expect(views.getByText(`messaging.message.id=${id}`).first()).toBeVisible();
});

test('an edit changes the trace, survives a reload, and Reset brings the original back with undo', async ({ page }) => {
  await openLesson(page);
  const part = scenario(page);
  const original = await code(part);
  await runScenario(part);
  const edited = original.replace("'process-message-batch'", "'handle-batch'");
  expect(edited).not.toEqual(original);
  await setCode(part, edited);
  expect(await runScenario(part)).toMatch(/^Ran in/);
  expect(await spanNames(part)).toContain('handle-batch');
  expect(await spanNames(part)).not.toContain('process-message-batch');

  await page.reload();
  expect(await code(scenario(page))).toEqual(edited);
  await expect(scenario(page).locator('[data-ls="status"]')).toContainText('Your edited code is back');

  await scenario(page).getByRole('button', { name: 'Reset' }).click();
  expect(await code(scenario(page))).toEqual(original);
  await scenario(page).getByRole('button', { name: 'Undo reset' }).click();
  expect(await code(scenario(page))).toEqual(edited);
});

test('a compile error is shown at its line and keeps the code', async ({ page }) => {
  await openLesson(page);
  const part = scenario(page);
  const broken = `${await code(part)}\nconst x: number = ;\n`;
  await setCode(part, broken);
  expect(await runScenario(part)).toMatch(/^Not run: line \d+:\d+: /);
  expect(await code(part)).toEqual(broken);
});

test('Open in playground carries the scenario, and then the edited code', async ({ page }) => {
  await openLesson(page);
  const part = scenario(page);
  const link = part.getByRole('link', { name: 'Open in playground' });
  await expect(link).toHaveAttribute('href', /\/playground\/\?scenario=batch-consumer$/);
  await link.click();
  await expect(page.locator('[data-pg="picker"]')).toHaveValue('batch-consumer');

  await page.goto(LESSON_PATH);
  const edited = `${await code(scenario(page))}\n// my edit\n`;
  await setCode(scenario(page), edited);
  await expect(link).toHaveAttribute('href', /\/playground\/(\?scenario=batch-consumer)?#code=/);
  await scenario(page).getByRole('link', { name: 'Open in playground' }).click();
  await page.waitForURL(/\/playground\/(\?scenario=batch-consumer)?#code=/);
  await expect
    .poll(() =>
      page.evaluate(
        () => (document.querySelector('scenario-editor') as (HTMLElement & { value: string }) | null)?.value,
      ),
    )
    .toEqual(edited);
});

test('the playground picks ?scenario=<id>, and says so when there is no such scenario', async ({ page }) => {
  await page.goto('/playground/?scenario=retry');
  await expect(page.locator('[data-pg="picker"]')).toHaveValue('retry');
  await page.goto('/playground/?scenario=no-such-thing');
  await expect(page.locator('[data-pg="notice"]')).toContainText('There is no scenario "no-such-thing"');
  const first = await page.locator('[data-pg="picker"] option').first().getAttribute('value');
  await expect(page.locator('[data-pg="picker"]')).toHaveValue(first ?? '');
});

test('the playground picker groups good practice, anti-patterns and the lint rule examples', async ({ page }) => {
  await page.goto('/playground/?scenario=links-from-json-array');
  const picker = page.locator('[data-pg="picker"]');
  await expect(picker.locator('optgroup')).toHaveCount(3);
  expect(await picker.locator('optgroup').evaluateAll((groups) => groups.map((g) => g.getAttribute('label')))).toEqual([
    'Good practice',
    'Anti-patterns',
    'Lint rule examples',
  ]);
  // A reference example is listed with the reference, and picking it works as before.
  await expect(picker).toHaveValue('links-from-json-array');
  await expect(
    picker.locator('optgroup[label="Lint rule examples"] option[value="links-from-json-array"]'),
  ).toHaveCount(1);
  await expect(picker.locator('optgroup[label="Good practice"] option[value="order-processing"]')).toHaveCount(1);
});

test('a share fragment wins over ?scenario=', async ({ page }) => {
  const shared =
    "import { trace } from '@opentelemetry/api';\ntrace.getTracer('t').startSpan('from-the-link').end();\n";
  await page.goto(`/playground/?scenario=retry#code=${LZString.compressToEncodedURIComponent(shared)}`);
  await expect(page.locator('[data-pg="picker"]')).toHaveValue('shared');
  await expect
    .poll(() =>
      page.evaluate(() => (document.querySelector('scenario-editor') as HTMLElement & { value: string }).value),
    )
    .toEqual(shared);
});

test("a new Run cancels the scenario's run still going, and only the new one is shown", async ({ page }) => {
  // Two minutes: the spinning run can end before the next one shows only by being cancelled.
  await setRunBudgets(page, { wallClockBudgetMs: 120_000 });
  await openLesson(page);
  const part = scenario(page);
  const original = await code(part);
  await setCode(part, `${original}\nfor (let i = 0; i < 1e12; i++) {}\n`);
  const run = part.getByRole('button', { name: 'Run', exact: true });
  await run.click();
  await expect(part.locator('[data-ls="status"]')).toHaveText('Running…');
  await setCode(part, original);
  await run.click();
  await expect(part.locator('[data-ls="status"]')).toHaveText(/^Ran in \d+ ms: 7 spans in 4 traces/, {
    timeout: 20_000,
  });
  await expect(part.locator('[data-ls="status"]')).not.toContainText('wall-clock');
  await expect(run).not.toHaveAttribute('aria-busy');
});

test('two scenarios on a page share one runner: each shows its own run', async ({ page }) => {
  await openLesson(page);
  const part = scenario(page);
  const ex = exercise(page);
  // Run the scenario and Check the exercise at once: neither cancels the other.
  await part.getByRole('button', { name: 'Run', exact: true }).click();
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(part.locator('[data-ls="status"]')).toHaveText(/^Ran in/, { timeout: 20_000 });
  await expect(ex.locator('[data-ex="status"]')).toHaveText(/^Not yet/, { timeout: 20_000 });
  expect(await page.locator('iframe[title="Span Lab sandbox"]').count()).toBe(1);
});

// One page load for both themes: scanned light, switched to dark as the system setting would,
// scanned again; then the same once the exercise passes, dark first.
test('the page with a scenario and an exercise has no serious accessibility violation, in either theme', async ({
  page,
}) => {
  // Two scans of a long page and two of its exercise, a run and two checks, on a two-core machine.
  test.setTimeout(120_000);
  // At the default width, so Monaco is the editor scanned, in both of its themes.
  await page.emulateMedia({ colorScheme: 'light' });
  await openLesson(page);
  await runScenario(scenario(page));
  const ex = exercise(page);
  await check(ex);
  // The reader reaches for each editor, so that Monaco is what is scanned.
  for (const part of [scenario(page), ex]) {
    await part.locator('scenario-editor').hover();
    await expect(part.locator('scenario-editor')).toHaveAttribute('data-mode', 'monaco', { timeout: 30_000 });
  }
  await ex.getByRole('button', { name: /^Hint 1/ }).click();
  await ex.getByRole('button', { name: 'Show solution' }).click();
  await expect(ex.getByRole('table')).toBeVisible();
  const scan = async (colorScheme: ColorScheme, when: string, within?: string): Promise<void> => {
    await switchColorScheme(page, colorScheme);
    const violations = await seriousViolations(page, within === undefined ? {} : { within });
    expect(violations, `${colorScheme}, ${when}: ${describeViolations(violations)}`).toEqual([]);
  };
  await scan('light', 'failing');
  await scan('dark', 'failing');
  // And once it passes (the solution taken on purpose): only the exercise changed, so only it is scanned again.
  await ex.getByRole('button', { name: 'Replace my code with it' }).click();
  expect(await check(ex)).toMatch(/^Passed/);
  const onlyExercise = `span-lab-exercise[data-exercise="${(await ex.getAttribute('data-exercise'))!}"]`;
  await scan('dark', 'passed', onlyExercise);
  await scan('light', 'passed', onlyExercise);
});

test('screenshots of a scenario after a run, light and dark', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 1000 });
  await openLesson(page);
  const part = scenario(page);
  await runScenario(part);
  await expect(part.locator('trace-views').getByRole('tabpanel').locator('svg').first()).toBeVisible();
  await unpinHeaders(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    await switchColorScheme(page, colorScheme);
    await part.screenshot({ path: `${SCREENSHOT_DIR}lesson-scenario-${colorScheme}.png` });
  }
});

test('with `sql`, the SQL panel queries the run in place, and a span id selects the span', async ({ page }) => {
  await page.goto('/lessons/visualization-and-analysis/');
  const part = scenario(page);
  await expect(part.locator('sql-panel')).toHaveCount(1);
  await runScenario(part);
  const panel = part.locator('sql-panel');
  await panel.getByText('SQL: query the spans of this run').click();
  await panel.getByRole('button', { name: 'Batch spans (the article)' }).click();
  const row = panel.getByRole('table').locator('tbody tr');
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  await expect(row.locator('td').nth(1)).toHaveText('process-message-batch');
  await row.getByRole('button').click();
  await expect(part.locator('trace-views .tv-details')).toContainText('Links out (3)');
});

test('with storage blocked, a scenario says edits last only for the visit, and still runs', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(LESSON_PATH);
  const part = scenario(page);
  await expect(part.locator('[data-ls="notice"]')).toContainText('keeps no storage');
  await setCode(part, `${await code(part)}\n// kept in memory\n`);
  expect(await runScenario(part)).toMatch(/^Ran in \d+ ms: 7 spans/);
  await expect(exercise(page).locator('[data-ex="notice"]')).toContainText('keeps no storage');
});
