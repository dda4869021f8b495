import { describeViolations, expect, saveScreenshot, seriousViolations, switchColorScheme, test } from '../fixtures.ts';
import { downloadAndCli, openPlayground, run, showTab, spanNames } from './helpers.ts';

// Five runs, a CLI run, two axe scans and a second page: on a loaded two-core machine this took 35–53 s
// before the checks of the spans not kept (about 10 s more).
test.describe.configure({ timeout: 120_000 });

// The batch consumer processes its messages in `context.with(batch, async () => { … await … })`.
// Under the web SDK's StackContextManager the batch span is active only until the first await:
// the first message's span is its child, the next two start traces of their own.
test('runs with the stack context manager and a ratio sampler as the CLI does, and shares both settings', async ({
  page,
  context,
}) => {
  await openPlayground(page, 'batch-consumer');
  const contextPicker = page.getByRole('combobox', { name: 'Context' });
  const samplerPicker = page.getByRole('combobox', { name: 'Sampler' });
  await expect(contextPicker).toHaveValue('async');
  await expect(samplerPicker).toHaveValue('');
  expect(await run(page)).toMatch(/^Ran in \d+ ms: 7 spans in 4 traces/);

  await contextPicker.selectOption('stack');
  expect(await run(page)).toMatch(/^Ran in \d+ ms: 7 spans in 6 traces/);

  await samplerPicker.selectOption('ratio:0.5');
  await page.locator('[data-pg="seed"]').fill('4');
  expect(await run(page)).toMatch(
    /^Ran in \d+ ms: 5 spans in 4 traces, 40 ms of virtual time\. The sampler dropped 2 spans of 7 \(not exported\); 1 link points at spans no backend received\./,
  );
  // Only the sampled spans reach the views' table and the download, as a backend would receive them.
  expect(await spanNames(page)).toEqual([
    'send orders',
    'send orders',
    'process-message-batch',
    'process-message m1',
    'process-message m2',
  ]);
  await saveScreenshot(page, 'playground-stack-ratio');
  const { downloaded, printed } = await downloadAndCli(page, 'batch-consumer', [
    '--seed',
    '4',
    '--context',
    'stack',
    '--sampler',
    'ratio:0.5',
  ]);
  expect(downloaded).toEqual(printed);

  // What the sampler did not keep: counted in the views' summary, hidden until asked for, and
  // marked wherever a kept span's link points at it (it dangles: no backend received its target).
  const views = page.locator('trace-views');
  await expect(views.locator('.tv-summary')).toContainText(
    'Spans: 7 started, 5 kept, 2 dropped by the sampler (never exported); 1 link dangles',
  );
  const notKept = views.getByRole('checkbox', { name: 'Show spans not kept (2)' });
  await expect(notKept).not.toBeChecked();
  const shownPanel = views.locator('[role="tabpanel"]:not([hidden])');
  await showTab(page, 'Waterfall');
  await expect(shownPanel.locator('svg')).toContainText('process-message-batch ⚠ dangling: target not kept');
  await showTab(page, 'Link graph');
  await expect(shownPanel.locator('svg')).toContainText('target not kept');
  await expect(shownPanel.locator('svg g.node.notkept')).toContainText('send orders (not kept) · trace never exported');
  await showTab(page, 'Spans');
  await expect(shownPanel.locator('.tv-dangling-badge')).toHaveText('⚠ 1 dangling');

  await notKept.check();
  const names = await spanNames(page);
  expect(names.filter((name) => name.endsWith('(not kept)'))).toEqual([
    'send orders (not kept)',
    'process-message m3 (not kept)',
  ]);
  await shownPanel.getByRole('button', { name: 'process-message m3 (not kept)' }).click();
  await expect(views.locator('.tv-details')).toContainText('Sampledno (not kept)');
  // The choice survives a re-run.
  await run(page);
  await expect(notKept).toBeChecked();
  expect(await spanNames(page)).toEqual(names);
  await showTab(page, 'Link graph');
  await expect(shownPanel.locator('svg g.node.notkept')).toHaveCount(2);
  await expect(shownPanel.locator('svg')).not.toContainText('never exported');
  await expect(shownPanel.locator('svg')).toContainText('target not kept');
  await saveScreenshot(page, 'playground-not-kept');
  for (const colorScheme of ['dark', 'light'] as const) {
    await switchColorScheme(page, colorScheme);
    const violations = await seriousViolations(page);
    expect(violations, `${colorScheme}: ${describeViolations(violations)}`).toEqual([]);
  }

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.locator('[data-pg="share-url"]').inputValue();
  expect(link).toMatch(/#code=[A-Za-z0-9+\-$]+&seed=4&context=stack&sampler=ratio:0\.5$/);
  const friend = await context.newPage();
  await friend.goto(link);
  await expect(friend.locator('[data-pg="notice"]')).toContainText('runs only when you press Run');
  await expect(friend.getByRole('combobox', { name: 'Context' })).toHaveValue('stack');
  await expect(friend.getByRole('combobox', { name: 'Sampler' })).toHaveValue('ratio:0.5');
  expect(await run(friend)).toMatch(/^Ran in \d+ ms: 5 spans in 4 traces.*The sampler dropped 2 spans of 7/);
});
