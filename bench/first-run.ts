/**
 * The first Run on a page, as a new reader makes it: each sample in a fresh browser context (cold
 * HTTP cache, empty storage) unless the row says otherwise. Rows: a lesson's first Run, the same on
 * a second lesson page with the HTTP cache warm, the playground from navigation, the first Run after
 * an edit (the compiler must load), the JavaScript fetched on the first Run's critical path, and
 * the CLI's wall clock. Each row carries the figure the issue measured before this work ("today").
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Row } from './engine.ts';
import { runToPaintIn } from './playground-page.ts';
import { median } from './stats.ts';

const FIRST_LESSON = '/lessons/parent-child/';
const SECOND_LESSON = '/lessons/span-links/';
const VIEWPORT = { width: 1400, height: 900 };

/** Starlight's search UI (Pagefind), which Starlight loads when the page is idle: not the Run's. */
const NOT_THE_RUNS = /\/pagefind\/|ui-core\./;

/**
 * The scripts (page and workers) a page fetches: `after(page, until)` sums the gzip size of those
 * requested after its DOMContentLoaded, when its own up-front scripts have run (the "JS shipped"
 * rows count those), and by `until` (epoch ms: the first diagram put in the page; what is asked
 * for after that cannot be what it waited for), leaving Starlight's
 * search UI out; `names` lists them, for a reader of the bench.
 */
function scriptBytes(context: BrowserContext): {
  after(page: Page, until: number): Promise<{ bytes: number; names: string[] }>;
} {
  const fetched: Array<{ url: string; started: number; bytes: Promise<number> }> = [];
  context.on('response', (response) => {
    const url = response.url();
    const type = response.request().resourceType();
    // A blob: URL is a script the page already has (the run worker's, started in the sandbox).
    if (NOT_THE_RUNS.test(url) || url.startsWith('blob:')) return;
    if (type === 'script' || url.endsWith('.js') || url.endsWith('.mjs')) {
      fetched.push({
        url,
        started: response.request().timing().startTime,
        bytes: response.body().then(
          (body) => (response.status() === 304 ? 0 : gzipSync(body).length),
          () => 0,
        ),
      });
    }
  });
  return {
    after: async (page, until) => {
      const loaded = await page.evaluate(() => {
        const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        return performance.timeOrigin + (entry?.domContentLoadedEventEnd ?? 0);
      });
      const mine = fetched.filter((f) => f.started >= loaded && f.started <= until);
      const sizes = await Promise.all(mine.map((f) => f.bytes));
      return {
        bytes: sizes.reduce((x, y) => x + y, 0),
        names: mine.map(
          (f, i) => `${new URL(f.url).pathname.replace('/_astro/', '')} ${(sizes[i]! / 1024).toFixed(1)}`,
        ),
      };
    },
  };
}

/**
 * Records, in the page, when the first press on a lesson scenario's Run reached the page (the
 * click's own timestamp, taken when the input arrived, however busy the page was) and when that
 * scenario's first diagram was painted after it, and what drew it (the waterfall panel's
 * `data-renderer`). A diagram counts once the run's waterfall is in the shown tab with a bar on
 * screen: the Mermaid gantt chart, or — on a page whose Mermaid has not loaded yet — our own SVG
 * waterfall of the same run, which the gantt chart replaces when Mermaid has loaded.
 */
function watchFirstRun(): void {
  const w = window as unknown as {
    __benchClick?: number;
    __benchDrawn?: number;
    __benchPainted?: number;
    __benchRenderer?: string;
  };
  document.addEventListener(
    'click',
    (event) => {
      const part = (event.target as Element | null)?.closest('lesson-scenario');
      if (w.__benchClick !== undefined || !part || !(event.target as Element).closest('[data-ls="run"]')) return;
      w.__benchClick = event.timeStamp;
      const views = part.querySelector('trace-views')!;
      const drawn = new MutationObserver(() => {
        const panel = views.querySelector<HTMLElement>('[role=tabpanel]:not([hidden])');
        const bar = panel?.querySelector('figure.tv-mermaid svg rect[role=button], .tv-svgwf svg .tv-wf-bar');
        if (!panel || !bar || bar.getBoundingClientRect().height === 0) return;
        drawn.disconnect();
        w.__benchDrawn = performance.now();
        // A build from before data-renderer drew only Mermaid's gantt chart here.
        w.__benchRenderer = panel.dataset['renderer'] ?? 'mermaid';
        requestAnimationFrame(() => requestAnimationFrame(() => (w.__benchPainted = performance.now())));
      });
      drawn.observe(views, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-renderer'] });
    },
    { capture: true },
  );
}

/** How many first diagrams each renderer drew, over the samples (the bench prints it under the rows). */
export const firstRenderers = new Map<string, number>();

/** Where the first scenario's Run is on a page just loaded at VIEWPORT (a lesson's first Run is in its first screen). */
const runPositions = new Map<string, { x: number; y: number }>();
async function runPosition(browser: Browser, path: string): Promise<{ x: number; y: number }> {
  const known = runPositions.get(path);
  if (known) return known;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${ORIGIN()}${path}`, { waitUntil: 'load' });
    const box = await page.locator('lesson-scenario').first().locator('[data-ls="run"]').boundingBox();
    if (!box || box.y + box.height > VIEWPORT.height)
      throw new Error(`${path}: the first Run is not in the first screen`);
    const position = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    runPositions.set(path, position);
    return position;
  } finally {
    await context.close();
  }
}

/**
 * Loads a lesson and presses its first scenario's Run the moment the page has loaded, as a mouse
 * would (the press waits in the browser's input queue while the page is busy, as a reader's
 * would); ms from the press to that scenario's first diagram painted. The page's context must
 * have `watchFirstRun` as an init script.
 */
async function firstScenarioRun(page: Page, path: string): Promise<{ ms: number; drawnAt: number }> {
  const at = await runPosition(page.context().browser()!, path);
  await page.goto(`${ORIGIN()}${path}`, { waitUntil: 'load' });
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(
    () => (window as unknown as { __benchPainted?: number }).__benchPainted !== undefined,
    null,
    {
      timeout: 60_000,
    },
  );
  const { click, drawn, painted, renderer, origin } = await page.evaluate(() => {
    const w = window as unknown as {
      __benchClick: number;
      __benchDrawn: number;
      __benchPainted: number;
      __benchRenderer: string;
    };
    return {
      click: w.__benchClick,
      drawn: w.__benchDrawn,
      painted: w.__benchPainted,
      renderer: w.__benchRenderer,
      origin: performance.timeOrigin,
    };
  });
  const key = `${path} ${renderer}`;
  firstRenderers.set(key, (firstRenderers.get(key) ?? 0) + 1);
  return { ms: painted - click, drawnAt: origin + drawn };
}

async function lessonCold(browser: Browser): Promise<{ cold: number; warm: number; bytes: number }> {
  await runPosition(browser, FIRST_LESSON);
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(watchFirstRun);
    const page = await context.newPage();
    const scripts = scriptBytes(context);
    const { ms: cold, drawnAt } = await firstScenarioRun(page, FIRST_LESSON);
    const { bytes, names } = await scripts.after(page, drawnAt);
    if (process.env['BENCH_VERBOSE']) console.log(`first Run's scripts (KB gzip): ${names.join(', ')}`);
    // Warm: the page has loaded all it loads — a first SVG waterfall upgraded to the gantt chart, and
    // the editor upgraded (after 4 s of quiet with the code in view) — as when a reader runs again
    // after reading. Timing a Run while Monaco loads beside it measured Monaco's load, not the Run.
    const scenario = page.locator('lesson-scenario').first();
    await scenario
      .locator('trace-views [role=tabpanel]:not([hidden]):not([data-renderer="svg-first"]) svg')
      .first()
      .waitFor({ timeout: 60_000 });
    await scenario
      .locator('scenario-editor[data-mode="monaco"], scenario-editor[data-mode="textarea"]')
      .waitFor({ timeout: 60_000 });
    const warm: number[] = [];
    for (let i = 0; i < 3; i++)
      warm.push(await runToPaintIn(page.locator('lesson-scenario').first(), '[data-ls="run"]'));
    return { cold, warm: median(warm), bytes };
  } finally {
    await context.close();
  }
}

async function lessonSecondPage(browser: Browser): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(watchFirstRun);
    const page = await context.newPage();
    await firstScenarioRun(page, FIRST_LESSON);
    return (await firstScenarioRun(page, SECOND_LESSON)).ms;
  } finally {
    await context.close();
  }
}

/** Navigates to the playground and presses Run the moment it is enabled; ms from navigation to the first diagram. */
async function playgroundFromNavigation(browser: Browser): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(() => {
      const w = window as unknown as { __benchPainted?: number };
      let pressed = false;
      // Enabled: not disabled, and the playground's element defined (before that a click is lost).
      const press = (): void => {
        const run = document.querySelector<HTMLButtonElement>('[data-pg="run"]');
        const views = document.querySelector('span-lab-playground trace-views');
        if (pressed || !run || !views || run.disabled) return;
        if (customElements.get('span-lab-playground') === undefined) return;
        pressed = true;
        pressObserver.disconnect();
        // As in a lesson: the run's waterfall, a bar on screen (the gantt chart or the first SVG one).
        const drawn = new MutationObserver(() => {
          const panel = views.querySelector('[role=tabpanel]:not([hidden])');
          const bar = panel?.querySelector('figure.tv-mermaid svg rect[role=button], .tv-svgwf svg .tv-wf-bar');
          if (!bar || bar.getBoundingClientRect().height === 0) return;
          drawn.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => (w.__benchPainted = performance.now())));
        });
        drawn.observe(views, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-renderer'] });
        run.click();
      };
      const pressObserver = new MutationObserver(press);
      pressObserver.observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['disabled'],
      });
      void customElements.whenDefined('span-lab-playground').then(press);
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN()}/playground/`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => (window as unknown as { __benchPainted?: number }).__benchPainted !== undefined,
      null,
      {
        timeout: 60_000,
      },
    );
    return await page.evaluate(() => (window as unknown as { __benchPainted: number }).__benchPainted);
  } finally {
    await context.close();
  }
}

/** Edits the first scenario of a lesson (a keystroke), presses Run at once; ms from Run to the first diagram. */
async function firstRunAfterEdit(browser: Browser): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${ORIGIN()}${FIRST_LESSON}`, { waitUntil: 'load' });
    const part = page.locator('lesson-scenario').first();
    await part.scrollIntoViewIfNeeded();
    const editor = part.locator('scenario-editor');
    await editor.locator('[data-part="surface"]').click();
    await part
      .locator('scenario-editor[data-mode="monaco"], scenario-editor[data-mode="textarea"]')
      .waitFor({ timeout: 60_000 });
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n// edited');
    return await runToPaintIn(part, '[data-ls="run"]');
  } finally {
    await context.close();
  }
}

/** Wall-clock ms of `npm run sim -- <scenario> --format summary`, with the given compile cache directory. */
function cliWall(cacheDir: string): number {
  const started = performance.now();
  const result = spawnSync(
    'npm',
    ['run', '--silent', 'sim', '--', 'src/content/scenarios/order-processing.ts', '--format', 'summary'],
    {
      env: { ...process.env, SPANLAB_COMPILE_CACHE: cacheDir },
      // Another checkout's CLI (to measure a build from before a change) with SPANLAB_BENCH_CLI_DIR.
      cwd: process.env['SPANLAB_BENCH_CLI_DIR'] ?? process.cwd(),
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`npm run sim exited with ${String(result.status)}`);
  return wall;
}

let origin = '';
const ORIGIN = (): string => origin;

/** The first-Run rows, each the median of `runs` samples. */
export async function benchFirstRun(browser: Browser, at: string, runs: number): Promise<Row[]> {
  origin = at;
  const cold: number[] = [];
  const warm: number[] = [];
  const bytes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const sample = await lessonCold(browser);
    cold.push(sample.cold);
    warm.push(sample.warm);
    bytes.push(sample.bytes);
  }
  const second: number[] = [];
  for (let i = 0; i < runs; i++) second.push(await lessonSecondPage(browser));
  const playground: number[] = [];
  for (let i = 0; i < runs; i++) playground.push(await playgroundFromNavigation(browser));
  // BENCH_FIRST_SKIP=edit,cli leaves those rows out (0), to compare builds quickly on a busy machine.
  const skip = new Set((process.env['BENCH_FIRST_SKIP'] ?? '').split(','));
  const edited: number[] = [];
  for (let i = 0; i < (skip.has('edit') ? 0 : runs); i++) edited.push(await firstRunAfterEdit(browser));
  const cli: number[] = [];
  const cacheDir = mkdtempSync(join(tmpdir(), 'spanlab-bench-cache-'));
  const coldCli: number[] = [];
  try {
    for (let i = 0; i < (skip.has('cli') ? 0 : runs); i++) {
      const fresh = mkdtempSync(join(tmpdir(), 'spanlab-bench-cache-'));
      coldCli.push(cliWall(fresh));
      rmSync(fresh, { recursive: true, force: true });
    }
    if (!skip.has('cli')) cliWall(cacheDir);
    for (let i = 0; i < (skip.has('cli') ? 0 : runs); i++) cli.push(cliWall(cacheDir));
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const ms = (values: number[]): number => (values.length === 0 ? 0 : Math.round(median(values)));
  console.log(
    `First diagrams (page, what drew them, samples): ${[...firstRenderers].map(([key, n]) => `${key} ×${String(n)}`).join('; ')}.` +
      ' svg-first: our own SVG waterfall of the run, drawn while Mermaid loads; the gantt chart replaces it.',
  );
  return [
    {
      name: 'First Run in a lesson, cold cache: in view, Run at once → first diagram',
      median: ms(cold),
      unit: 'ms',
      target: '≤ 800 ms',
      today: '5,500 ms',
    },
    {
      name: 'The same, the lesson page warm (Run again, median of 3)',
      median: ms(warm),
      unit: 'ms',
      target: '≤ 100 ms',
      today: '~80 ms',
    },
    {
      name: 'Cold/warm ratio, lesson',
      median: Math.round((median(cold) / median(warm)) * 10) / 10,
      unit: '×',
      today: '≈ 70×',
    },
    {
      name: 'First Run on a second lesson page, HTTP cache warm',
      median: ms(second),
      unit: 'ms',
      target: '≤ 500 ms',
      today: '2,000–7,500 ms',
    },
    {
      name: 'Playground: navigate → first diagram, Run pressed when enabled',
      median: ms(playground),
      unit: 'ms',
      target: '≤ 2,000 ms',
      today: '6,500 ms',
    },
    {
      name: 'First Run after the first edit (compiler loads), cold',
      median: ms(edited),
      unit: 'ms',
      target: '≤ 2,500 ms',
      today: '—',
    },
    {
      name: 'JS fetched for the first Run (after DOMContentLoaded → diagram)',
      median: Math.round(median(bytes) / 1024),
      unit: 'KB gzip',
      target: '≤ 150 KB',
      today: '> 2,100 KB',
    },
    {
      name: 'CLI: order-processing --format summary, wall (compile cache warm)',
      median: ms(cli),
      unit: 'ms',
      target: '≤ 1,000 ms',
      today: '2,400–3,800 ms',
    },
    { name: 'CLI: the same, compile cache empty', median: ms(coldCli), unit: 'ms', today: '2,400–3,800 ms' },
  ];
}
