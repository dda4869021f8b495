/**
 * The views a person can read (issue 16): every trace of a run on one clock, children under tree
 * guides, the lesson's trace first; labels that stay readable (≥ 11 px) on a phone; axis labels
 * apart; errors marked by an outline and an icon; stacks at the scenario's own lines.
 */
import { readdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import {
  describeViolations,
  expect,
  saveElementScreenshot,
  saveScreenshot,
  seriousViolations,
  test,
} from '../fixtures.ts';
import { pageWidth, smallTargets } from '../support/phone-fit.ts';
import { exercise, scenario } from './lesson-parts.ts';
import { answer, chartDrawn, current, next, openQuiz } from './quiz-helpers.ts';

// A first Run loads the compiler and the runner; on a busy two-core machine that takes a while.
test.describe.configure({ timeout: 180_000 });

const RETRY_LESSON = '/lessons/implementation-patterns/';
const BATCH_LESSON = '/lessons/span-links/';

/** Opens a lesson with no saved work, once its scenarios can be run. */
async function open(page: Page, path: string): Promise<void> {
  // Each test's browser context starts with empty storage: nothing to clear.
  await page.goto(path);
  await page.waitForFunction(() => customElements.get('lesson-scenario') !== undefined);
}

/** Presses the part's Run and waits until its status says the run is over. */
async function runScenario(part: Locator): Promise<void> {
  await part.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(part.locator('[data-ls="status"]')).toHaveText(/^(Ran in|Not run)/, { timeout: 120_000 });
}

/** Runs a lesson's scenario and waits until its waterfall is drawn (a chart, or the stacked list). */
async function runAndDraw(page: Page, id: string): Promise<Locator> {
  const part = scenario(page, id);
  await part.scrollIntoViewIfNeeded();
  await runScenario(part);
  await expect(
    part.locator('trace-views [role=tabpanel]:not([hidden]) :is(figure.tv-mermaid svg, .tv-svgwf)'),
  ).toBeVisible({ timeout: 30_000 });
  await expect(part.locator('trace-views [role=tabpanel]:not([hidden])')).not.toHaveAttribute('aria-busy', 'true');
  return part;
}

/** The rendered heights, in CSS pixels, of the visible text of the diagrams in `scope`. */
function textHeights(scope: Locator, selector: string): Promise<{ text: string; px: number }[]> {
  return scope.locator(selector).evaluateAll((elements) =>
    elements
      .map((element) => {
        // An SVG's text is scaled with its drawing: its font size times the drawing's scale.
        const svg = element.closest('svg');
        const view = svg?.viewBox.baseVal;
        const scale = svg && view && view.width > 0 ? svg.getBoundingClientRect().width / view.width : 1;
        const size = Number.parseFloat(getComputedStyle(element).fontSize);
        const box = element.getBoundingClientRect();
        return { text: (element.textContent ?? '').trim(), px: box.width > 0 ? size * scale : -1 };
      })
      .filter((entry) => entry.px >= 0 && entry.text !== ''),
  );
}

test('the retry scenario draws its three attempts on one clock, so the backoff between them shows', async ({
  page,
}) => {
  await open(page, RETRY_LESSON);
  const part = await runAndDraw(page, 'retry');
  const charts = part.locator('figure.tv-mermaid svg');
  await expect(charts).toHaveCount(1);
  await expect(charts.locator('text.sectionTitle')).toHaveText(['trace 1', 'trace 2', 'trace 3']);
  // Each attempt's root bar starts further right: 0 ms, then after 2 s, then after 4 s more.
  const starts = await charts
    .locator('rect[role=button]')
    .evaluateAll((bars) => bars.filter((bar) => /s0$/.test(bar.id)).map((bar) => bar.getBoundingClientRect().left));
  expect(starts).toHaveLength(3);
  const [first = 0, second = 0, third = 0] = starts;
  expect(second - first).toBeGreaterThan(20);
  // 4 s of backoff after the second attempt is twice the 2 s after the first.
  expect((third - second) / (second - first)).toBeGreaterThan(1.6);
  // Children are indented with tree guides, never dots.
  const labels = await charts.locator('text.tv-wf-label-text').allTextContents();
  expect(labels.filter((label) => label.includes('POST /charge')).every((label) => /[├└]─/.test(label))).toBe(true);
  expect(labels.some((label) => label.startsWith('·'))).toBe(false);
  await expect(part.locator('.tv-wf-legend li')).toHaveText([
    /^trace 1 · .* · 3 spans · 52 ms, from 0 ms$/,
    /^trace 2 · .* · 3 spans · 52 ms, from 2\.052 s$/,
    /^trace 3 · .* · 3 spans · 52 ms, from 6\.104 s$/,
  ]);
  // The zoom menu still shows one trace on its own axis.
  await part.locator('select.tv-wf-zoom').selectOption({ index: 3 });
  await expect(part.locator('figure.tv-mermaid svg text.sectionTitle')).toHaveText(['trace 3']);
  await saveScreenshot(page, 'retry-one-clock');
});

test('the batch scenario puts the batch the lesson is about first, and each 0 ms producer trace takes one line', async ({
  page,
}) => {
  await open(page, BATCH_LESSON);
  const part = await runAndDraw(page, 'batch-consumer');
  const chart = part.locator('figure.tv-mermaid svg');
  await expect(chart).toHaveCount(1);
  // In the order drawn, top to bottom (Mermaid adds the elements in order of start time).
  const labels = await chart.locator('text.tv-wf-label-text').evaluateAll((texts) =>
    texts
      .map((text) => ({ y: text.getBoundingClientRect().top, label: text.textContent ?? '' }))
      .sort((a, b) => a.y - b.y)
      .map(({ label }) => label),
  );
  expect(labels[0]).toContain('process-message-batch');
  expect(labels.filter((label) => label.includes('send orders'))).toHaveLength(3);
  // One row each: 22 px a row, so three producer traces and four batch rows fit in 7 rows' height.
  const rows = await chart.locator('rect[role=button]').count();
  expect(rows).toBe(7);
  // Each producer's send lasts 0 ms and still shows as a mark at its time on the one clock, 10 ms apart.
  const sends = await chart.locator('rect[role=button]').evaluateAll((bars) =>
    bars
      .filter((bar) => /t[0-2]s0$/.test(bar.id))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((bar) => ({ left: bar.getBoundingClientRect().left, width: bar.getBoundingClientRect().width })),
  );
  expect(sends).toHaveLength(3);
  expect(sends.every((send) => send.width >= 2)).toBe(true);
  const [first, second, third] = sends.map((send) => send.left);
  expect((second ?? 0) - (first ?? 0)).toBeGreaterThan(10);
  expect(Math.abs((third ?? 0) - (second ?? 0) - ((second ?? 0) - (first ?? 0)))).toBeLessThan(2);
  await saveScreenshot(page, 'batch-one-clock');
});

/**
 * How a drawn gantt waterfall in `scope` sits: axis labels closer than 4 px to the one before
 * (null when no gantt chart is drawn: the stacked list has no axis), and labels outside the drawing.
 */
function ganttFit(scope: Locator): Promise<{ overlaps: number; outside: string[] } | null> {
  return scope.evaluate((root) => {
    const svg = root.querySelector<SVGSVGElement>('[role=tabpanel]:not([hidden]) figure.tv-mermaid svg');
    if (svg === null) return null;
    const ticks = [...svg.querySelectorAll('g.tick text')]
      .map((text) => text.getBoundingClientRect())
      .filter((box) => box.width > 0);
    const overlaps = ticks.slice(1).filter((box, i) => box.left < (ticks[i]?.right ?? 0) + 4).length;
    // On screen: an SVG clips what lies outside its viewBox.
    const box = svg.getBoundingClientRect();
    const outside = [...svg.querySelectorAll('text')]
      .map((text) => ({ label: text.textContent ?? '', b: text.getBoundingClientRect() }))
      .filter(({ b }) => b.width > 0 && (b.left < box.left - 0.5 || b.right > box.right + 0.5))
      .map(({ label }) => label);
    return { overlaps: ticks.length < 2 ? -1 : overlaps, outside };
  });
}

test('the axis labels of a waterfall never run together, wide or narrow', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await open(page, RETRY_LESSON);
  const part = await runAndDraw(page, 'retry');
  expect(await ganttFit(part)).toEqual({ overlaps: 0, outside: [] });
  // Narrower, the chart is drawn again for its new width, with fewer ticks.
  await page.setViewportSize({ width: 600, height: 900 });
  await expect.poll(() => ganttFit(part), { timeout: 30_000 }).toEqual({ overlaps: 0, outside: [] });
});

test('a quiz question’s waterfall keeps its axis labels apart and its labels inside the chart, at any width', async ({
  page,
}) => {
  // A lesson column at 900 px: the width where the axis labels once ran together.
  await page.setViewportSize({ width: 900, height: 900 });
  // This lesson's third question is a mistake to spot on a nested retry: 6 s of backoff on one axis.
  const quiz = await openQuiz(page, RETRY_LESSON);
  let shown = await current(quiz);
  while (shown.data.kind !== 'spot-the-mistake') {
    await answer(shown.section, shown.data, true);
    await next(shown.section);
    shown = await current(quiz);
  }
  expect(shown.data.id).toBe('spot-nested-retry-fix');
  const trace = shown.section.locator('trace-views');
  await expect(trace.locator(':is(figure.tv-mermaid svg, .tv-svgwf)').first()).toBeVisible({ timeout: 30_000 });
  await expect(trace.locator('[role=tabpanel]:not([hidden])')).not.toHaveAttribute('aria-busy', 'true');
  expect(await ganttFit(trace), 'at 900 px').toEqual({ overlaps: 0, outside: [] });
  for (const width of [1400, 600, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // Drawn again for the new width: a gantt chart laid out for the panel's width, or the stacked list.
    const drawn = (): Promise<string> =>
      trace.evaluate((root) => {
        const panel = root.querySelector<HTMLElement>('[role=tabpanel]:not([hidden])');
        if (panel === null || panel.getAttribute('aria-busy') === 'true') return 'drawing';
        if (panel.querySelector('.tv-svgwf') !== null) return 'stacked list';
        const view = panel.querySelector<SVGSVGElement>('figure.tv-mermaid svg')?.viewBox.baseVal;
        return view !== undefined && Math.abs(view.width - panel.clientWidth) < 2 ? 'gantt' : 'drawing';
      });
    await expect.poll(drawn, { message: `at ${String(width)} px`, timeout: 30_000 }).not.toBe('drawing');
    if ((await drawn()) === 'gantt')
      expect(await ganttFit(trace), `at ${String(width)} px`).toEqual({ overlaps: 0, outside: [] });
    else expect(width, 'the stacked list, only where the chart would not fit').toBeLessThan(900);
  }
  await saveElementScreenshot(trace, 'quiz-waterfall-390');
});

test('an error bar has a muted fill, an outline that stands out and an icon, in both themes', async ({ page }) => {
  await open(page, RETRY_LESSON);
  const part = await runAndDraw(page, 'retry');
  for (const theme of ['light', 'dark'] as const) {
    // Starlight's theme switch: the views redraw in the new theme.
    await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
    const bar = part.locator('figure.tv-mermaid rect[role=button]').first();
    await expect(bar).toBeVisible();
    const look = async (): Promise<{ fill: string; stroke: string; strokeWidth: string; background: string }> =>
      bar.evaluate((rect) => {
        const style = getComputedStyle(rect);
        let element: Element | null = rect.closest('figure');
        let background = 'rgba(0, 0, 0, 0)';
        while (element && /rgba\(0, 0, 0, 0\)|transparent/.test(background)) {
          background = getComputedStyle(element).backgroundColor;
          element = element.parentElement;
        }
        return { fill: style.fill, stroke: style.stroke, strokeWidth: style.strokeWidth, background };
      });
    await expect
      .poll(async () => contrast((await look()).stroke, (await look()).background), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(3);
    const { fill, strokeWidth } = await look();
    expect(fill, `${theme}: not a pure red bar`).not.toMatch(/rgb\(2\d\d, [0-9]{1,2}, [0-9]{1,2}\)/);
    expect(Number.parseFloat(strokeWidth)).toBeGreaterThanOrEqual(2);
    await expect(part.locator('figure.tv-mermaid .tv-error-icon').first()).toHaveText('✖ ');
  }
  await saveScreenshot(page, 'retry-errors-dark');
});

test('an exception in span details shows the scenario’s file and line, not blob: URLs', async ({ page }) => {
  await open(page, RETRY_LESSON);
  const part = await runAndDraw(page, 'retry');
  await part.locator('figure.tv-mermaid rect[role=button]').first().click();
  const details = part.locator('.tv-details');
  await expect(details).toContainText('exception.stacktrace');
  await expect(details).toContainText(/at .*\(retry\.ts:\d+:\d+\)/);
  await expect(details).not.toContainText('blob:');
  await expect(details).not.toContainText('spanlab-scenario.js');
});

test('the favicon is served', async ({ request }) => {
  const response = await request.get('/favicon.svg');
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('<svg');
});

test.describe('on a phone, 390 px wide', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a lesson’s waterfall and link graph keep their text at 11 px or more', async ({ page }) => {
    await open(page, RETRY_LESSON);
    const part = await runAndDraw(page, 'retry');
    const waterfall = await textHeights(part, '[role=tabpanel]:not([hidden]) svg text');
    expect(waterfall.length).toBeGreaterThan(3);
    expect(waterfall.filter((entry) => entry.px < 11)).toEqual([]);
    await saveScreenshot(page, 'retry-phone');
    await part.getByRole('tab', { name: 'Link graph' }).click();
    await expect(part.locator('.tv-graph-scroll svg')).toBeVisible();
    await expect(part.locator('[role=tabpanel]:not([hidden])')).not.toHaveAttribute('aria-busy', 'true');
    const graph = await textHeights(part, '[role=tabpanel]:not([hidden]) :is(.nodeLabel, .edgeLabel)');
    expect(graph.length).toBeGreaterThan(3);
    expect(graph.filter((entry) => entry.px < 11)).toEqual([]);
    // Too wide to show whole: it pans, with visible zoom controls.
    await expect(part.getByRole('button', { name: /Zoom into the link graph/ })).toBeVisible();
    await saveScreenshot(page, 'link-graph-phone');
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  test('an exercise’s waterfall keeps its text at 11 px or more', async ({ page }) => {
    await page.goto(BATCH_LESSON);
    await page.waitForFunction(() => customElements.get('span-lab-exercise') !== undefined);
    const part = exercise(page);
    await part.scrollIntoViewIfNeeded();
    await part.getByRole('button', { name: 'Check' }).click();
    await expect(part.locator('[data-ex="status"]')).toHaveText(/^(Passed|Not yet|Not checked)/, { timeout: 120_000 });
    const panel = part.locator('trace-views [role=tabpanel]:not([hidden])');
    await expect(panel.locator(':is(figure.tv-mermaid svg, .tv-svgwf)').first()).toBeVisible({ timeout: 30_000 });
    await expect(panel).not.toHaveAttribute('aria-busy', 'true');
    const waterfall = await textHeights(panel, 'svg text');
    expect(waterfall.length).toBeGreaterThan(3);
    expect(waterfall.filter((entry) => entry.px < 11)).toEqual([]);
  });
});

/** Every page a reader reaches: the home page, the course, each lesson there is, and the rest. */
const EVERY_PAGE = [
  '/',
  '/course/',
  ...readdirSync(new URL('../../../src/content/docs/lessons/', import.meta.url))
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => `/lessons/${file.replace(/\.mdx$/, '')}/`),
  '/playground/',
  '/quiz/',
  '/reference/lint-rules/',
];

test.describe('held as a phone, 390 × 844 with touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('no page is wider than the screen: nothing scrolls the page sideways', async ({ page }) => {
    expect(EVERY_PAGE.length).toBe(15);
    for (const path of EVERY_PAGE) {
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible();
      // A phone shows a page wider than its screen zoomed out: innerWidth grows with it.
      expect(await pageWidth(page, 390), path).toEqual({ scrollWidth: 390, innerWidth: 390, wider: [] });
    }
  });

  test('the home page’s sketch of two traces keeps its labels at 11 px or more', async ({ page }) => {
    await page.goto('/');
    const labels = await textHeights(page.locator('main'), 'svg.trace-sketch text');
    expect(labels.length).toBe(7);
    expect(labels.filter((entry) => entry.px < 11)).toEqual([]);
  });

  test('a lesson’s tabs make rows of equal buttons with the one shown marked, every control a 24 px target', async ({
    page,
  }) => {
    await open(page, BATCH_LESSON);
    const part = await runAndDraw(page, 'batch-consumer');
    const tabs = part.getByRole('tab');
    await expect(tabs).toHaveCount(5);
    const boxes = await tabs.evaluateAll((all) => all.map((tab) => tab.getBoundingClientRect()));
    // Three a row, all as wide: no tab alone on a row of its own width.
    expect(new Set(boxes.map((box) => Math.round(box.width))).size, JSON.stringify(boxes)).toBe(1);
    expect(new Set(boxes.map((box) => Math.round(box.top))).size).toBe(2);
    await expect(tabs.first()).toHaveCSS('border-bottom-width', '3px');
    await expect(tabs.nth(1)).toHaveCSS('border-bottom-width', '1px');
    await part.getByRole('tab', { name: /^Spans/ }).click();
    await part.locator('tbody tr[data-span-key] .tv-name-button').nth(1).click();
    await expect(part.locator('.tv-details-head .tv-close')).toBeVisible();
    expect(await smallTargets(part)).toEqual([]);
  });

  test('a tap on a span in the waterfall selects it and opens its details, as a click does', async ({ page }) => {
    await open(page, RETRY_LESSON);
    const part = await runAndDraw(page, 'retry');
    // On a phone the waterfall is the stacked list, our own SVG.
    const row = part.locator('.tv-svgwf .tv-wf-row').nth(1);
    await row.tap();
    await expect(part.locator('.tv-details-head')).toContainText('POST /charge');
    await expect(row).toHaveClass(/tv-selected/);
  });

  test('a span tapped with its details below the screen offers the way there, which focuses them', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 560 });
    await open(page, RETRY_LESSON);
    const part = await runAndDraw(page, 'retry');
    const row = part.locator('.tv-svgwf .tv-wf-row').nth(1);
    // The row at the top of the screen: the list under it pushes the details below the screen.
    await row.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await row.tap();
    const details = part.locator('.tv-details');
    await expect(details.locator('.tv-details-head')).toContainText('POST /charge');
    expect(await details.evaluate((element) => element.getBoundingClientRect().top)).toBeGreaterThan(560 - 48);
    const jump = part.getByRole('button', { name: /^↓ Details of .*POST \/charge$/ });
    await expect(jump).toBeVisible();
    await expect(row).toBeInViewport();
    await jump.tap();
    await expect(details.locator('.tv-details-head')).toBeInViewport();
    await expect(details.locator('.tv-details-title')).toBeFocused();
    await expect(jump).toBeHidden();
  });

  test('an exercise’s solution diff wraps its lines to the width, and a SQL result fits it', async ({ page }) => {
    await page.goto(BATCH_LESSON);
    await page.waitForFunction(() => customElements.get('span-lab-exercise') !== undefined);
    const part = exercise(page);
    await part.scrollIntoViewIfNeeded();
    await part.getByRole('button', { name: 'Show solution' }).click();
    const diff = part.getByRole('region', { name: 'The solution beside your code' });
    await expect(diff.locator('tbody tr').first()).toBeVisible();
    const sideways = (box: Locator): Promise<number> =>
      box.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(await sideways(diff)).toBe(0);

    await page.goto('/lessons/visualization-and-analysis/');
    await page.waitForFunction(() => customElements.get('span-lab-sql-exercise') !== undefined);
    const sql = page.locator('span-lab-sql-exercise');
    await sql.scrollIntoViewIfNeeded();
    await sql.getByRole('button', { name: 'Check' }).click();
    const results = sql.locator('[data-ex="results"]');
    // The starting query's five producers: span_id, name and trace_id.
    await expect(results.locator('tbody tr')).toHaveCount(5, { timeout: 120_000 });
    expect(await sideways(results)).toBe(0);
    expect(await smallTargets(results)).toEqual([]);
  });
});

test.describe('on a tablet, 768 × 1024', () => {
  test.use({ viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true });

  test('a lesson’s gantt chart keeps its labels and its time axis at 11 px or more; its span names are 24 px targets', async ({
    page,
  }) => {
    await open(page, RETRY_LESSON);
    const part = await runAndDraw(page, 'retry');
    const panel = part.locator('[role=tabpanel]:not([hidden])');
    // Wide enough for Mermaid's chart, not the stacked list.
    await expect(panel.locator('figure.tv-mermaid svg')).toBeVisible({ timeout: 30_000 });
    const ticks = await textHeights(panel, 'g.tick text');
    expect(ticks.length).toBeGreaterThan(2);
    const all = await textHeights(panel, 'svg text');
    expect(all.filter((entry) => entry.px < 11)).toEqual([]);
    await saveElementScreenshot(part, 'retry-tablet');
    // On a touch screen a span's name in the table and a link to a span are 24 px targets too.
    await part.getByRole('tab', { name: /^Spans/ }).click();
    await part.locator('tbody tr[data-span-key] .tv-name-button').nth(1).click();
    await expect(part.locator('.tv-details-head .tv-close')).toBeVisible();
    expect(await smallTargets(part)).toEqual([]);
  });
});

/** Opens the batch lesson's quiz at its flowchart question, checks every label of the drawn chart is 11 px or more, and returns the question and the chart's box. */
async function quizChart(page: Page): Promise<{ section: Locator; box: Locator }> {
  const quiz = await openQuiz(page, BATCH_LESSON);
  const { section } = await current(quiz);
  const chart = await chartDrawn(section);
  const labels = await textHeights(chart, ':is(.nodeLabel, .edgeLabel)');
  // Three questions, four leaves and six answers.
  expect(labels.length).toBeGreaterThanOrEqual(13);
  expect(labels.filter((entry) => entry.px < 11)).toEqual([]);
  return { section, box: section.locator('[data-qz-part=chart]') };
}

test.describe('the quiz flowchart on a phone, 390 × 844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`fits the width with its labels at 11 px or more, or says that it scrolls (${colorScheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      const { section, box } = await quizChart(page);
      const { overflows, cut } = await box.evaluate((element) => {
        const shown = element.getBoundingClientRect();
        const nodes = [...element.querySelectorAll('g.node')].map((node) => node.getBoundingClientRect());
        return {
          overflows: element.scrollWidth > element.clientWidth + 1,
          cut: nodes.filter((node) => node.right > shown.right + 1 || node.left < shown.left - 1).length,
        };
      });
      if (overflows) {
        // Wider than the box: it scrolls, by keyboard too, and says so in words.
        await expect(section.locator('.qz-scroll-hint')).toBeVisible();
        await expect(box).toHaveAttribute('tabindex', '0');
      } else expect(cut, 'nodes cut off at the box’s edges').toBe(0);
      await saveElementScreenshot(section, `quiz-flowchart-phone-${colorScheme}`);
      const violations = await seriousViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  }
});

test.describe('the quiz flowchart between a phone and a desktop', () => {
  for (const width of [640, 720, 800, 1024]) {
    test(`fits a ${String(width)} px window, no sideways scroll, its labels at 11 px or more`, async ({ page }) => {
      // Too narrow for the chart left to right (with the sidebar, from 800 px): it is drawn top-down.
      await page.setViewportSize({ width, height: 900 });
      const { section, box } = await quizChart(page);
      expect(await box.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(1);
      await expect(section.locator('.qz-scroll-hint')).toBeHidden();
      if (width === 800) await saveElementScreenshot(section, 'quiz-flowchart-800');
    });
  }
});

/** The contrast ratio of two CSS colours (`rgb(…)`), WCAG 2. */
function contrast(a: string, b: string): number {
  const luminance = (color: string): number => {
    const [r = 0, g = 0, bl = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
    const channel = (v: number): number => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(bl);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
