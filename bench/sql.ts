/**
 * The SQL panel in the playground (issue #6): what sql.js weighs as shipped, the time from opening
 * the panel to a ready engine with the run in its tables, and the seed's two queries, on the
 * batch-consumer run and on a 10,000-span run.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { BATCH_SPANS_QUERY, linkedSpansQuery } from '@spanlab/engine/sql';
import type { Row } from './engine.ts';
import { runToPaint, setCode, TEN_THOUSAND } from './playground-page.ts';
import { median } from './stats.ts';

/** One opening of the panel on a fresh page: each step's milliseconds. */
interface Opening {
  /** Panel opened → sql.js and its .wasm loaded and compiled in the worker. */
  engine: number;
  /** Panel opened → the run's spans in the tables, the first query answered. */
  ready: number;
  /** The seed's batch-spans query, Run query → rows on screen. */
  batch: number;
  /** The seed's linked-spans query (for the span with the most links), Run query → rows on screen. */
  linked: number;
}

/** Opens the panel and resolves once it says the engine loaded: milliseconds from the click. */
function openPanel(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const panel = document.querySelector('sql-panel')!;
        const status = panel.querySelector('[data-sql="status"]')!;
        const timeout = setTimeout(() => reject(new Error('the SQL engine did not load within 30 s')), 30_000);
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!/SQL engine loaded/.test(status.textContent ?? '')) return;
          observer.disconnect();
          clearTimeout(timeout);
          resolve(performance.now() - started);
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        panel.querySelector('summary')!.click();
      }),
  );
}

/** Runs `sql` in the panel and resolves with the milliseconds until its rows (or error) are shown. */
function query(page: Page, sql: string): Promise<number> {
  return page.evaluate(async (text) => {
    const panel = document.querySelector('sql-panel') as HTMLElement & { run(): Promise<void> };
    (panel.querySelector('[data-sql="query"]') as HTMLTextAreaElement).value = text;
    const started = performance.now();
    await panel.run();
    if (!panel.querySelector('[data-sql="error"]')!.hasAttribute('hidden'))
      throw new Error(`the query failed: ${text}`);
    return performance.now() - started;
  }, sql);
}

/** The span with the most links in the panel's run (the root when nothing links). */
function mostLinkedSpan(page: Page): Promise<string> {
  return page.evaluate(() => {
    const spans = (
      document.querySelector('sql-panel') as HTMLElement & {
        result: { spans: Array<{ spanId: string; links: unknown[] }> };
      }
    ).result.spans;
    return [...spans].sort((a, b) => b.links.length - a.links.length)[0]!.spanId;
  });
}

/** A fresh playground with `scenario` run (or `code` in the editor, run), then the panel opened and queried. */
async function open(page: Page, origin: string, scenario: string, code?: string): Promise<Opening> {
  await page.goto(`${origin}/playground/?scenario=${scenario}`, { waitUntil: 'networkidle' });
  await page.evaluate(() => localStorage.clear());
  if (code !== undefined) await setCode(page, code);
  await runToPaint(page);
  const engine = await openPanel(page);
  // The first query loads the run's spans into the tables: what "ready" waits for.
  const ready = engine + (await query(page, 'SELECT count(*) FROM spans'));
  const batch = await query(page, BATCH_SPANS_QUERY);
  const linked = await query(page, linkedSpansQuery(await mostLinkedSpan(page)));
  return { engine, ready, batch, linked };
}

/** Gzip bytes of the scripts and .wasm fetched from opening the panel until its engine is loaded. */
async function engineWeight(browser: Browser, origin: string): Promise<{ js: number; wasm: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/playground/?scenario=batch-consumer`, { waitUntil: 'networkidle' });
  await runToPaint(page);
  await page.waitForLoadState('networkidle');
  const bodies: Array<Promise<{ wasm: boolean; bytes: number }>> = [];
  context.on('response', (response) => {
    const url = response.url();
    const wasm = url.endsWith('.wasm');
    if (!wasm && response.request().resourceType() !== 'script' && !url.endsWith('.js')) return;
    bodies.push(response.body().then((body) => ({ wasm, bytes: gzipSync(body).length })));
  });
  await openPanel(page);
  const sizes = await Promise.all(bodies);
  await context.close();
  const sum = (wasm: boolean): number => sizes.filter((s) => s.wasm === wasm).reduce((a, s) => a + s.bytes, 0);
  return { js: sum(false), wasm: sum(true) };
}

function rows(label: string, openings: Opening[]): Row[] {
  const of = (key: keyof Opening): number => Math.round(median(openings.map((o) => o[key])));
  return [
    { name: `SQL panel opened → engine loaded, ${label}`, median: of('engine'), unit: 'ms' },
    { name: `SQL panel opened → ready (run in tables), ${label}`, median: of('ready'), unit: 'ms' },
    { name: `SQL seed query "batch spans", ${label}`, median: of('batch'), unit: 'ms' },
    { name: `SQL seed query "linked spans", ${label}`, median: of('linked'), unit: 'ms' },
  ];
}

/** Runs the SQL benchmarks against the site at `origin` and returns their medians. */
export async function benchSql(browser: Browser, origin: string, runs: number): Promise<Row[]> {
  const weight = await engineWeight(browser, origin);
  const result: Row[] = [
    {
      name: 'SQL engine shipped (sql.js JS + wasm)',
      median: Math.round((weight.js + weight.wasm) / 1024),
      unit: 'KB gzip',
    },
    {
      name: '  of which the worker script (sql.js and its glue)',
      median: Math.round(weight.js / 1024),
      unit: 'KB gzip',
    },
    { name: '  of which the .wasm', median: Math.round(weight.wasm / 1024), unit: 'KB gzip' },
  ];
  // A new page for every opening: each starts a new worker, as a reader opening the panel does.
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const small: Opening[] = [];
  for (let i = 0; i < runs; i++) small.push(await open(page, origin, 'batch-consumer'));
  const big: Opening[] = [];
  for (let i = 0; i < Math.min(runs, 3); i++) big.push(await open(page, origin, 'batch-consumer', TEN_THOUSAND));
  await page.close();
  return [...result, ...rows('batch-consumer (7 spans)', small), ...rows('10,000 spans', big)];
}
