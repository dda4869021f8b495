import { describeViolations, expect, saveScreenshot, seriousViolations, test } from '../fixtures.ts';
import { openPlayground, run } from './helpers.ts';

test("runs the seed's batch query in the SQL panel, and a span id selects the span in the views", async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(request.url());
  });
  await openPlayground(page, 'batch-consumer');
  await run(page);
  expect(wasm, 'the SQL engine loads only when SQL is opened').toEqual([]);

  const panel = page.locator('sql-panel');
  await panel.getByText('SQL: query the spans of this run').click();
  await expect(panel.getByRole('status')).toContainText('SQL engine loaded', { timeout: 20_000 });
  await panel.getByRole('button', { name: 'Batch spans (the article)' }).click();
  const table = panel.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.locator('thead th')).toHaveText(['span_id', 'name', 'link_count']);
  const row = table.locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(1)).toHaveText('process-message-batch');
  await expect(row.locator('td').nth(2)).toHaveText('3');

  await row.getByRole('button').click();
  const details = page.locator('trace-views .tv-details');
  await expect(details).toContainText('process-message-batch');
  await expect(details).toContainText('Links out (3)');
  await panel.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'sql-panel', { fullPage: false });

  const violations = await seriousViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
});

test('the seed linked-spans query with a real id, a bad query at its position, and a runaway query stopped', async ({
  page,
}) => {
  await openPlayground(page, 'batch-consumer');
  await run(page);
  const panel = page.locator('sql-panel');
  await panel.getByText('SQL: query the spans of this run').click();
  await panel.getByRole('button', { name: 'Linked spans (the article)' }).click();
  await expect(panel.getByText("Replace 'abc123'")).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText(/^0 rows/);
  await panel.getByRole('button', { name: 'Spans linked from process-message-batch' }).click();
  await expect(panel.getByRole('table').locator('tbody tr')).toHaveCount(3);

  const query = panel.getByRole('textbox', { name: /Query/ });
  await query.fill('SELECT name\nFORM spans');
  await panel.getByRole('button', { name: 'Run query' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Line 2, column 6: near "spans": syntax error');

  await query.fill('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c');
  await query.press('Control+Enter');
  await expect(panel.getByRole('alert')).toHaveText('The query ran past 3 s and was stopped.', { timeout: 10_000 });
  // A new worker takes over for the next query.
  await query.fill('SELECT count(*) AS n FROM spans');
  await panel.getByRole('button', { name: 'Run query' }).click();
  await expect(panel.getByRole('table').locator('tbody td')).toHaveText('7');
});
