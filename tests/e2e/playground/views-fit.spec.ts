/**
 * Tables and labels that fit (issue 16): the Spans table has no blank gaps and no clipped columns
 * at 1400 and 600 px, and on a phone stacks each span's columns under its name; the link graph of
 * a retry or a batch fits the panel at 1400 × 900 with its text at 11 px or more; its link labels
 * stay inside or outside each trace's box, never across its border.
 */
import type { Locator, Page } from '@playwright/test';
import {
  describeViolations,
  expect,
  saveElementScreenshot,
  seriousViolations,
  switchColorScheme,
  test,
} from '../fixtures.ts';
import { pageWidth, smallTargets } from '../support/phone-fit.ts';
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

/** How the drawn link graph sits in its box: the smallest rendered label text, in CSS pixels, and how far it overflows. */
function graphFit(panel: Locator): Promise<{ minTextPx: number; overflowX: number; panZoom: boolean }> {
  return panel.evaluate((root) => {
    const box = root.querySelector<HTMLElement>('.tv-graph-scroll')!;
    const svg = box.querySelector('svg')!;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('.nodeLabel, .edgeLabel')]
      .filter((label) => label.getBoundingClientRect().width > 0)
      .map((label) => Number.parseFloat(getComputedStyle(label).fontSize) * scale);
    return {
      minTextPx: Math.round(Math.min(...sizes) * 10) / 10,
      overflowX: box.scrollWidth - box.clientWidth,
      panZoom: root.querySelector('.tv-zoom') !== null,
    };
  });
}

for (const [id, label, fits] of [
  ['retry', 'retry-of +1 more', true],
  ['batch-consumer', 'messaging.message.id=m1', true],
  ['saga', 'compensates +1 more', false],
] as const) {
  test(`the link graph of the ${id} scenario keeps every link label inside or outside each trace box, never across it${fits ? ', and fits 1400 × 900 readable' : ''}`, async ({
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
    if (fits) {
      // Whole in the panel, no pan and zoom, and its text at 11 px or more.
      const fit = await graphFit(panel);
      expect(fit, JSON.stringify(fit)).toMatchObject({ overflowX: 0, panZoom: false });
      expect(fit.minTextPx).toBeGreaterThanOrEqual(11);
    }
    // The label says what kind of link it is, short.
    await expect(panel.locator('svg g.edgeLabel', { hasText: label }).first()).toBeVisible();
    await saveElementScreenshot(panel, `link-graph-labels-${id}`);
  });
}

test.describe('on a phone, 390 px wide', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the Spans table stacks each span’s columns under its name, labelled: none cut off, no blank gap, its attributes and links in view', async ({
    page,
  }) => {
    await openPlayground(page, 'retry');
    await runScenario(page);
    await showTab(page, 'Spans');
    const scroll = shownPanel(page).locator('.tv-table-scroll');
    await expect(scroll.locator('tbody tr[data-span-key]')).toHaveCount(9);
    const fit = (): Promise<{ sideways: number; cut: string[]; gaps: string[]; unlabelled: string[] }> =>
      scroll.evaluate((box) => {
        const { left, right } = box.getBoundingClientRect();
        const cut: string[] = [];
        const gaps: string[] = [];
        const unlabelled: string[] = [];
        const headers = [...box.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
        for (const row of box.querySelectorAll<HTMLTableRowElement>('tbody tr[data-span-key], tbody tr.tv-span-more')) {
          const name = row.dataset['spanKey'] === undefined ? 'more' : (row.cells[0]?.textContent ?? '');
          const shown: DOMRect[] = [];
          for (const [i, cell] of [...row.cells].entries()) {
            const range = document.createRange();
            range.selectNodeContents(cell);
            const b = range.getBoundingClientRect();
            if (b.height === 0) continue;
            shown.push(b);
            if (b.left < left - 1 || b.right > right + 1) cut.push(`${name}: ${cell.textContent ?? ''}`);
            // Each compact column says which it is, as its header would.
            if (i > 0 && row.dataset['spanKey'] !== undefined) {
              const label = getComputedStyle(cell, '::before').content;
              if (!label.startsWith(`"${headers[i] ?? ''}"`))
                unlabelled.push(`${name}: ${headers[i] ?? ''} (${label})`);
            }
          }
          // Blank bands: height in the row that no cell's text covers, more than a line.
          const line = Number.parseFloat(getComputedStyle(row).fontSize) * 1.5;
          const { top, bottom } = row.getBoundingClientRect();
          let covered = top;
          for (const b of shown.sort((a, c) => a.top - c.top)) {
            if (b.top - covered > line) gaps.push(`${name}: ${Math.round(b.top - covered)} px`);
            covered = Math.max(covered, b.bottom);
          }
          if (bottom - covered > line) gaps.push(`${name}: ${Math.round(bottom - covered)} px at the end`);
        }
        return { sideways: box.scrollWidth - box.clientWidth, cut, gaps, unlabelled };
      });
    expect(await fit()).toEqual({ sideways: 0, cut: [], gaps: [], unlabelled: [] });
    // The header row is still there for screen readers, which hear it instead of the drawn labels.
    await expect(scroll.getByRole('columnheader', { name: 'Links in' })).toBeAttached();
    await expect(scroll.locator('tbody tr.tv-span-more').first()).toContainText('retry.attempt = 1');
    await saveElementScreenshot(scroll, 'span-table-retry-390');
    for (const colorScheme of ['light', 'dark'] as const) {
      await switchColorScheme(page, colorScheme);
      const violations = await seriousViolations(page);
      expect(violations, `${colorScheme}: ${describeViolations(violations)}`).toEqual([]);
    }
    await saveElementScreenshot(scroll, 'span-table-retry-390-dark');
  });
});

test.describe('held as a phone, 390 × 844 with touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the playground fits the screen, and every control in it, a span’s name too, is a 24 px touch target', async ({
    page,
  }) => {
    await openPlayground(page, 'retry');
    // The scenario picker is as wide as the screen at most, not as its longest option.
    expect(await pageWidth(page, 390)).toEqual({ scrollWidth: 390, innerWidth: 390, wider: [] });
    await runScenario(page);
    await showTab(page, 'Spans');
    await shownPanel(page).locator('tbody tr[data-span-key] .tv-name-button').nth(1).click();
    await expect(page.locator('trace-views .tv-details-head .tv-close')).toBeVisible();
    expect(await pageWidth(page, 390)).toEqual({ scrollWidth: 390, innerWidth: 390, wider: [] });
    expect(await smallTargets(page.locator('span-lab-playground'))).toEqual([]);
  });
});
