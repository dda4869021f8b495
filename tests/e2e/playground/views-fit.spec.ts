/**
 * Tables and labels that fit (issue 16): the Spans table has no blank gaps and no clipped columns
 * at 1400 and 600 px, and keeps its long lines in view on a phone; the link graph's link labels
 * stay inside or outside each trace's box, never across its border.
 */
import type { Locator, Page } from '@playwright/test';
import { describeViolations, expect, saveElementScreenshot, seriousViolations, test } from '../fixtures.ts';
import { openPlayground, showTab } from './helpers.ts';

// A first Run loads the runner; on a busy two-core machine that takes a while.
test.describe.configure({ timeout: 120_000 });

/** Runs the playground's scenario and waits until the status says the run is over. */
async function runScenario(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-pg="status"]')).toHaveText(/^Ran in/, { timeout: 90_000 });
}

/** The visible tab panel of the views. */
const shownPanel = (page: Page): Locator => page.locator('trace-views [role="tabpanel"]:not([hidden])');

/** How the span table sits in its scroll box: header cells cut off at the right, and cells with blank space beside them. */
function tableFit(scroll: Locator): Promise<{ clipped: string[]; gaps: string[] }> {
  return scroll.evaluate((box) => {
    const right = box.getBoundingClientRect().right;
    const clipped = [...box.querySelectorAll('thead th')]
      .filter((th) => th.getBoundingClientRect().right > right + 1)
      .map((th) => th.textContent ?? '');
    const gaps: string[] = [];
    for (const row of box.querySelectorAll<HTMLTableRowElement>('tbody tr[data-span-key]')) {
      const height = row.getBoundingClientRect().height;
      const line = Number.parseFloat(getComputedStyle(row).fontSize) * 1.5;
      for (const cell of row.cells) {
        // The height of what the cell shows; the rest of the row's height beside it is blank.
        const range = document.createRange();
        range.selectNodeContents(cell);
        const blank = height - range.getBoundingClientRect().height;
        if (blank > 1.5 * line)
          gaps.push(`${row.cells[0]?.textContent ?? ''} / ${cell.textContent ?? ''}: ${blank} px`);
      }
    }
    return { clipped, gaps };
  });
}

test('the Spans table of the retry scenario fits at 1400 and 600 px: no clipped column, no blank gap', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openPlayground(page, 'retry');
  await runScenario(page);
  await showTab(page, 'Spans');
  const scroll = shownPanel(page).locator('.tv-table-scroll');
  await expect(scroll.locator('tbody tr[data-span-key]')).toHaveCount(9);
  for (const width of [1400, 600]) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(() => tableFit(scroll), { message: `at ${width} px` }).toEqual({ clipped: [], gaps: [] });
    await saveElementScreenshot(scroll, `span-table-retry-${String(width)}`);
  }
  // The attributes and the links, with theirs, are in the table, as text.
  const first = scroll.locator('tbody tr[data-span-key]').first();
  await expect(first.locator('th')).toHaveText('charge-attempt');
  const more = scroll.locator('tbody tr.tv-span-more').first();
  await expect(more).toContainText('retry.attempt = 1');
  await expect(more).toContainText('Links in');
  await expect(more).toContainText('link.type = retry-of');
  const violations = await seriousViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
});

/** Link labels of the drawn link graph that cross a trace box's border (partly inside it, partly out). */
function labelsAcrossBoxes(panel: Locator): Promise<string[]> {
  return panel
    .locator('svg')
    .first()
    .evaluate((svg) => {
      const boxes = [...svg.querySelectorAll('g.cluster > rect')].map((rect) => rect.getBoundingClientRect());
      const crossing: string[] = [];
      for (const label of svg.querySelectorAll('g.edgeLabel')) {
        // What the label shows, its text included should it overflow its box.
        const range = document.createRange();
        range.selectNodeContents(label);
        const b = range.getBoundingClientRect();
        if (b.width === 0 || b.height === 0) continue;
        for (const box of boxes) {
          const overlaps = b.left < box.right && b.right > box.left && b.top < box.bottom && b.bottom > box.top;
          const inside = b.left >= box.left && b.right <= box.right && b.top >= box.top && b.bottom <= box.bottom;
          if (overlaps && !inside) crossing.push(label.textContent ?? '');
        }
      }
      return crossing;
    });
}

for (const [id, label] of [
  ['retry', 'retry-of +1 more'],
  ['batch-consumer', 'messaging.message.id=m1'],
  ['saga', 'compensates +1 more'],
] as const) {
  test(`the link graph of the ${id} scenario keeps every link label inside or outside each trace box, never across it`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await openPlayground(page, id);
    await runScenario(page);
    await showTab(page, 'Link graph');
    await page.evaluate(() =>
      (document.querySelector('trace-views') as HTMLElement & { whenDrawn(): Promise<void> }).whenDrawn(),
    );
    const panel = shownPanel(page);
    await expect(panel.locator('svg g.cluster').first()).toBeVisible();
    expect(await labelsAcrossBoxes(panel)).toEqual([]);
    // The label says what kind of link it is, short.
    await expect(panel.locator('svg g.edgeLabel', { hasText: label }).first()).toBeVisible();
    await saveElementScreenshot(panel, `link-graph-labels-${id}`);
  });
}

test.describe('on a phone, 390 px wide', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the Spans table scrolls sideways under the span names, and keeps each span’s attributes and links in view', async ({
    page,
  }) => {
    await openPlayground(page, 'retry');
    await runScenario(page);
    await showTab(page, 'Spans');
    const scroll = shownPanel(page).locator('.tv-table-scroll');
    await expect(scroll.locator('tbody tr[data-span-key]')).toHaveCount(9);
    const outOfView = (): Promise<string[]> =>
      scroll.evaluate((box) => {
        const { left, right } = box.getBoundingClientRect();
        return [...box.querySelectorAll('.tv-more-list')]
          .filter((list) => {
            const shown = list.getBoundingClientRect();
            return shown.left < left - 1 || shown.right > right + 1;
          })
          .map((list) => list.textContent ?? '');
      });
    // Every span's long line is one the reader can read without scrolling sideways, before and after a scroll.
    const lists = scroll.locator('.tv-more-list');
    await expect(lists).toHaveCount(9);
    expect(await outOfView()).toEqual([]);
    await scroll.evaluate((box) => box.scrollBy({ left: 120 }));
    await expect.poll(outOfView).toEqual([]);
    // The names stay at the left edge, above the columns scrolled under them.
    const name = scroll.locator('tbody tr[data-span-key] th').nth(3);
    await name.scrollIntoViewIfNeeded();
    const cover = await name.evaluate((cell) => {
      const box = cell.closest('.tv-table-scroll')!;
      const shown = cell.getBoundingClientRect();
      const hit = document.elementFromPoint(shown.left + shown.width / 2, shown.top + shown.height / 2);
      return { left: shown.left - box.getBoundingClientRect().left, onTop: cell.contains(hit) };
    });
    expect(cover.onTop).toBe(true);
    expect(Math.abs(cover.left)).toBeLessThan(2);
    await saveElementScreenshot(scroll, 'span-table-retry-390');
  });
});
