/**
 * Browser benchmarks in Debian's Chromium against the built site (`npm run build` first):
 * JavaScript shipped per page (each lesson too), Run → first diagram painted per scenario in the
 * playground and in each lesson, a 10,000-span run, and
 * the SQL panel (bench/sql.ts). Another build with SPANLAB_DIST=<outDir>.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/site.ts';
import type { Row } from './engine.ts';
import { LESSON_SLUGS } from '../src/course/lessons.ts';
import { benchFirstRun } from './first-run.ts';
import { runToPaint, runToPaintIn, setCode, TEN_THOUSAND } from './playground-page.ts';
import { benchSql } from './sql.ts';
import { median } from './stats.ts';

// Another port with SPANLAB_BENCH_PORT, to run beside a preview already on this one.
const PORT = Number(process.env['SPANLAB_BENCH_PORT'] ?? 4331);
const ORIGIN = `http://127.0.0.1:${PORT}`;

async function startPreview(): Promise<() => void> {
  const outDir = process.env['SPANLAB_DIST'] ? ['--outDir', process.env['SPANLAB_DIST']] : [];
  const server = spawn(
    'npx',
    ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(PORT), ...outDir],
    {
      stdio: 'ignore',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      detached: true,
    },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${ORIGIN}/`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return () => process.kill(-server.pid!, 'SIGTERM');
}

// The editor's own chunks: Monaco, its TypeScript worker and its editor worker.
const EDITOR_CHUNK = /create-monaco-editor|editor\.api|ts\.worker|editor\.worker|monaco/;

/** Sums the gzip size of the scripts the page (and its workers) loaded; `withoutEditor` leaves Monaco's out. */
function scriptTracker(page: Page, withoutEditor = false): () => Promise<number> {
  const bodies: Array<Promise<number>> = [];
  page.context().on('response', (response) => {
    const type = response.request().resourceType();
    const url = response.url();
    if (withoutEditor && EDITOR_CHUNK.test(url)) return;
    if (type === 'script' || url.endsWith('.js') || url.endsWith('.mjs')) {
      bodies.push(
        response.body().then(
          (body) => gzipSync(body).length,
          () => 0,
        ),
      );
    }
  });
  return async () => (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
}

async function shipped(page: Page, path: string, withoutEditor = false): Promise<number> {
  const context = await page.context().browser()!.newContext();
  const fresh = await context.newPage();
  const total = scriptTracker(fresh, withoutEditor);
  await fresh.goto(`${ORIGIN}${path}`, { waitUntil: 'networkidle' });
  const bytes = await total();
  await context.close();
  return bytes;
}

async function playgroundAfterEditor(page: Page): Promise<number> {
  const context = await page
    .context()
    .browser()!
    .newContext({ viewport: { width: 1400, height: 900 } });
  const fresh = await context.newPage();
  const total = scriptTracker(fresh);
  await fresh.goto(`${ORIGIN}/playground/`, { waitUntil: 'networkidle' });
  await fresh.locator('scenario-editor').click();
  await fresh.waitForSelector('scenario-editor[data-mode="monaco"]', { timeout: 60_000 });
  await fresh.waitForLoadState('networkidle');
  const bytes = await total();
  await context.close();
  return bytes;
}

/** Only the first-Run rows (bench/first-run.ts), `runs` fresh samples each. */
export async function benchFirstRunOnly(runs: number): Promise<Row[]> {
  const stop = await startPreview();
  const browser = await chromium.launch({ executablePath: findChromium().path, args: [...CHROMIUM_ARGS] });
  try {
    return await benchFirstRun(browser, ORIGIN, runs);
  } finally {
    await browser.close();
    stop();
  }
}

/** Runs the browser benchmarks `runs` times each and returns their medians. */
export async function benchBrowser(runs: number): Promise<Row[]> {
  const stop = await startPreview();
  const browser = await chromium.launch({ executablePath: findChromium().path, args: [...CHROMIUM_ARGS] });
  const rows: Row[] = [];
  try {
    // First, before anything else on this machine is warm: the first Run on a page, median of 5.
    rows.push(...(await benchFirstRun(browser, ORIGIN, 5)));
    const page = await browser.newPage();
    for (const [name, path] of [
      ['home page', '/'],
      ...LESSON_SLUGS.map((slug) => [`lesson ${slug}`, `/lessons/${slug}/`] as const),
      ['playground, before the editor loads', '/playground/'],
    ] as const) {
      const sizes: number[] = [];
      // The playground's editor upgrades as soon as it is on screen: "before" leaves its chunks out.
      for (let i = 0; i < Math.min(runs, 3); i++) sizes.push(await shipped(page, path, path === '/playground/'));
      rows.push({
        name: `JS shipped, ${name}`,
        median: Math.round(median(sizes) / 1024),
        unit: 'KB gzip',
        ...(path.startsWith('/lessons/') ? { target: '≤ 60 KB' } : {}),
      });
    }
    rows.push({
      name: 'JS shipped, playground after the editor loads',
      median: Math.round((await playgroundAfterEditor(page)) / 1024),
      unit: 'KB gzip',
    });

    const scenarios = readdirSync(new URL('../src/content/scenarios/', import.meta.url))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
    const playground = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    for (const id of scenarios) {
      await playground.goto(`${ORIGIN}/playground/?scenario=${id}`, { waitUntil: 'networkidle' });
      await playground.evaluate(() => localStorage.clear());
      await runToPaint(playground); // warm: the compiler loads TypeScript once
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await runToPaint(playground));
      rows.push({
        name: `Run → first diagram painted, ${id} (warm)`,
        median: Math.round(median(times)),
        unit: 'ms',
        target: '≤ 100 ms',
      });
    }

    // In a lesson: the first scenario embedded in each lesson, run in place.
    const lesson = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    for (const slug of LESSON_SLUGS) {
      await lesson.goto(`${ORIGIN}/lessons/${slug}/`, { waitUntil: 'networkidle' });
      await lesson.evaluate(() => localStorage.clear());
      const part = lesson.locator('lesson-scenario').first();
      if ((await part.count()) === 0) continue;
      await part.scrollIntoViewIfNeeded();
      // Reached, the editor becomes Monaco: let that load finish first, or it lands in the runs.
      await part.locator('scenario-editor[data-mode="monaco"]').waitFor({ timeout: 60_000 });
      await lesson.waitForLoadState('networkidle');
      await runToPaintIn(part, '[data-ls="run"]'); // warm: the runner, TypeScript and Mermaid load once
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await runToPaintIn(part, '[data-ls="run"]'));
      rows.push({
        name: `Run → first diagram painted in lesson ${slug}, ${(await part.getAttribute('data-scenario')) ?? '?'} (warm)`,
        median: Math.round(median(times)),
        unit: 'ms',
        target: '≤ 100 ms',
      });
    }

    await playground.goto(`${ORIGIN}/playground/`, { waitUntil: 'networkidle' });
    await runToPaint(playground);
    await setCode(playground, TEN_THOUSAND);
    const big: number[] = [];
    for (let i = 0; i < Math.min(runs, 3); i++) big.push(await runToPaint(playground));
    rows.push({
      name: '10,000-span run, Run → viewable',
      median: Math.round(median(big)),
      unit: 'ms',
      target: '≤ 1500 ms',
    });

    rows.push(...(await benchSql(browser, ORIGIN, runs)));
  } finally {
    await browser.close();
    stop();
  }
  return rows;
}
