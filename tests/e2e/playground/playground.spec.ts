import { describeViolations, expect, saveScreenshot, seriousViolations, test } from '../fixtures.ts';
import {
  editorCode,
  openPlayground,
  pageSettled,
  run,
  setCode,
  showTab,
  spanNames,
  downloadAndCli,
} from './helpers.ts';

test('runs a scenario and shows a waterfall, a link graph and the span table', async ({ page }) => {
  await openPlayground(page, 'batch-consumer');
  expect(await run(page)).toMatch(/^Ran in \d+ ms: 7 spans in 4 traces, 40 ms of virtual time\./);
  const views = page.locator('trace-views');
  // The counts are said once on screen, by the views' summary; the status keeps them for screen readers.
  await expect(views.locator('.tv-summary')).toHaveText(/^7 spans · 4 traces · 40 ms of virtual time · seed 1\./);
  const counts = page.locator('[data-pg="status"] .sr-only');
  await expect(counts).toHaveText(': 7 spans in 4 traces, 40 ms of virtual time');
  expect((await counts.boundingBox())?.width).toBeLessThanOrEqual(1);
  await expect(views.getByRole('tabpanel').locator('svg').first()).toBeVisible();
  await saveScreenshot(page, 'playground-waterfall');
  await showTab(page, 'Link graph');
  await expect(views.getByRole('tabpanel').locator('svg').first()).toBeVisible();
  // Three dotted link edges, each labelled with its message id.
  for (const id of ['m1', 'm2', 'm3'])
    await expect(views.getByText(`messaging.message.id=${id}`).first()).toBeVisible();
  await saveScreenshot(page, 'playground-graph');
  expect(await spanNames(page)).toEqual([
    'send orders',
    'send orders',
    'send orders',
    'process-message-batch',
    'process-message m1',
    'process-message m2',
    'process-message m3',
  ]);
  await saveScreenshot(page, 'playground-spans');
});

test('an edit changes the trace, typed as a reader types it', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 900 }); // the textarea editor
  await openPlayground(page, 'order-processing');
  await run(page);
  expect(await spanNames(page)).toContain('send-confirmation');
  const editor = page.getByRole('textbox', { name: 'Scenario code' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type("\ntrace.getTracer('extra').startSpan('typed-by-hand').end();\n");
  expect(await run(page)).toMatch(/8 spans in 2 traces/);
  expect(await spanNames(page)).toContain('typed-by-hand');
});

test('selecting a span anywhere opens its details, and a link jumps to the linked span in another trace', async ({
  page,
}) => {
  await openPlayground(page, 'batch-consumer');
  await run(page);
  await showTab(page, 'Spans');
  await page.getByRole('button', { name: 'process-message-batch', exact: true }).first().click();
  const details = page.locator('.tv-details');
  await expect(details).toContainText('process-message-batch');
  await expect(details).toContainText('Links out (3)');
  await details
    .getByRole('button', { name: /send orders/ })
    .first()
    .click();
  await expect(details).toContainText('Links in (1)');
  await expect(details.locator('.tv-details-name')).toHaveText(/send orders/);
});

test('a share link round-trips the code and seed, and does not run it', async ({ page, context }) => {
  await openPlayground(page, 'retry');
  const code = `${await editorCode(page)}\n// shared with a friend\n`;
  await setCode(page, code);
  await page.locator('[data-pg="seed"]').fill('7');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.locator('[data-pg="share-url"]').inputValue();
  expect(link).toMatch(/\/playground\/\?scenario=retry#code=[A-Za-z0-9+\-$]+&seed=7$/);

  const friend = await context.newPage();
  const workers: string[] = [];
  friend.on('worker', (worker) => workers.push(worker.url()));
  await friend.goto(link);
  await expect(friend.locator('[data-pg="notice"]')).toContainText('runs only when you press Run');
  expect(await editorCode(friend)).toBe(code);
  await expect(friend.locator('[data-pg="seed"]')).toHaveValue('7');
  await pageSettled(friend);
  expect(workers.filter((url) => url.startsWith('blob:'))).toEqual([]);
  expect(await run(friend)).toMatch(/9 spans in 3 traces/);
});

test('the downloaded trace is the OTLP JSON the CLI prints for the same code and seed', async ({ page }) => {
  await openPlayground(page, 'fan-out');
  await page.locator('[data-pg="seed"]').fill('42');
  await run(page);
  const { downloaded, printed } = await downloadAndCli(page, 'fan-out', ['--seed', '42']);
  expect(downloaded).toEqual(printed);
});

test('edits and the last run survive a reload; Reset restores the original and offers undo', async ({ page }) => {
  await openPlayground(page, 'http-chain');
  const original = await editorCode(page);
  await setCode(page, `${original}\n// my change\n`);
  await page.locator('scenario-editor').dispatchEvent('change');
  await run(page);
  await page.reload();
  expect(await editorCode(page)).toBe(`${original}\n// my change\n`);
  await expect(page.locator('[data-pg="status"]')).toContainText('Showing your last run');
  expect(await spanNames(page)).toHaveLength(7);

  // A stored run that is not this version's, or was tampered with, is dropped with a word, not shown.
  await page.evaluate(() => {
    const key = 'span-lab:v1:run:http-chain';
    const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as { result?: { spans?: { name: string }[] } };
    if (stored.result?.spans?.[0]) stored.result.spans[0].name = 42 as unknown as string;
    localStorage.setItem(key, JSON.stringify(stored));
  });
  await page.reload();
  await expect(page.locator('[data-pg="status"]')).toHaveText(
    /^Your last run of this scenario was not shown: it has the wrong shape \(spans\.0\.name: .*\)\. Press Run/,
  );
  await expect(page.locator('trace-views')).toContainText('No run yet: run the scenario to see its trace.');
  expect(await page.evaluate(() => localStorage.getItem('span-lab:v1:run:http-chain'))).toBeNull();

  await page.getByRole('button', { name: 'Reset' }).click();
  expect(await editorCode(page)).toBe(original);
  await page.getByRole('button', { name: 'Undo reset' }).click();
  expect(await editorCode(page)).toBe(`${original}\n// my change\n`);
});

test('hostile span names render literally, adding no node, script or image', async ({ page }) => {
  const names = [
    'a : b',
    'section y',
    '%%{init: {"themeCSS": "body{display:none}"}}%%',
    '"]-->X[pwn',
    '<img src=x onerror=alert(1)>',
    'end',
  ];
  await openPlayground(page, 'order-processing');
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const source = [
    "import { trace } from '@opentelemetry/api';",
    "const t = trace.getTracer('t');",
    "t.startActiveSpan('root', (root) => {",
    ...names.map((name) => `  t.startSpan(${JSON.stringify(name)}).end();`),
    // 5 ms long: a trace of 0 ms folds into one row of the waterfall, and here every span needs its bar.
    '  root.end(Date.now() + 5);',
    '});',
  ].join('\n');
  await setCode(page, source);
  expect(await run(page)).toMatch(/7 spans in 1 trace/);
  const views = page.locator('trace-views');
  await expect(views.getByRole('tabpanel').locator('svg [role="button"]')).toHaveCount(7);
  for (const name of names) await expect(views.getByText(name, { exact: false }).first()).toBeAttached();
  expect(await page.locator('trace-views img, trace-views script').count()).toBe(0);
  expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
  expect(dialogs).toBe(0);
  await showTab(page, 'Link graph');
  await expect(views.getByRole('tabpanel').locator('svg [role="button"]')).toHaveCount(7);
});

test('axe finds no serious or critical violation on the playground after a run', async ({ page }) => {
  await openPlayground(page, 'batch-consumer');
  await run(page);
  const violations = await seriousViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
});

test('the linter flags an anti-pattern in Problems and marks its spans in the diagrams', async ({ page }) => {
  await openPlayground(page, 'batch-consumer-parented');
  expect(await run(page)).toMatch(/The linter has 2 findings: see Problems\./);
  const views = page.locator('trace-views');
  await expect(
    views.getByRole('button', { name: /process-message-batch.*linter error: batch-parented-to-producer/ }).first(),
  ).toBeVisible();
  await showTab(page, 'Link graph');
  await expect(views.getByRole('button', { name: /process-message-batch.*linter error/ }).first()).toBeVisible();
  await showTab(page, 'Problems');
  await expect(views.getByText('batch-parented-to-producer')).toBeVisible();
  await saveScreenshot(page, 'playground-findings');
  // The finding's link lands on its rule's section of the reference, the rule's id the anchor.
  await views.getByRole('link', { name: 'Read about the rule' }).first().click();
  await expect(page).toHaveURL(/\/reference\/lint-rules\/#batch-parented-to-producer$/);
  await expect(page.locator('h2[id="batch-parented-to-producer"]')).toBeInViewport();
});

test('a compiler that cannot be fetched says so and what to do; the next Run, once it can be, runs', async ({
  page,
}) => {
  await openPlayground(page, 'order-processing');
  // An edited scenario needs the compiler (the shipped one is compiled already). Offline, it fails to load.
  await page.route('**/compile-worker*', (route) => route.abort('internetdisconnected'));
  const code = `${await editorCode(page)}\ntrace.getTracer('extra').startSpan('after-reconnect').end();\n`;
  await setCode(page, code);
  expect(await run(page)).toBe('Not run: The compiler failed to load. Check the connection, then Run again.');
  await page.unroute('**/compile-worker*');
  expect(await run(page)).toMatch(/^Ran in \d+ ms/);
  expect(await spanNames(page)).toContain('after-reconnect');
});
