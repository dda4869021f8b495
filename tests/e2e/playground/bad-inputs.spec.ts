/**
 * The playground against the browser rows of ../shared/BAD-INPUTS.md: runaway code, errors,
 * escapes from the sandbox, hostile share links, trace files and storage, and broken editors.
 * Each test names its row; each asserts what the reader sees, not what the code intends.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Frame, Page } from 'playwright-core';
import LZString from 'lz-string';
import { expect, ORIGIN, setRunBudgets, test, wallClockStop } from '../fixtures.ts';
import { editorCode, openPlayground, pageSettled, setCode, showTab } from './helpers.ts';

/** The real default wall-clock budget's message; one test proves it. */
const WALL_CLOCK = wallClockStop(5);
/** The message of the 1 s wall-clock budget the other runaway tests set, so that each costs 1 s, not 5. */
const SHORT_WALL_CLOCK = wallClockStop(1);
const API = "import { trace } from '@opentelemetry/api';";

// ---------------------------------------------------------------------------------------------
// Helpers (variants of ./helpers.ts, which this file may not change)
// ---------------------------------------------------------------------------------------------

/** The status line under the controls. */
const statusOf = (page: Page) => page.locator('[data-pg="status"]');

/** The notice region above the workbench. */
const noticeOf = (page: Page) => page.locator('[data-pg="notice"]');

/** Presses Run and waits until the status says the run is over (not "Running…"). */
async function runToEnd(page: Page, timeout = 20_000): Promise<string> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(statusOf(page)).toHaveText(/^(Ran in|Not run)/, { timeout });
  return (await statusOf(page).textContent()) ?? '';
}

/** The span names in the Spans table, in order (the whole name, as its cell shows it). */
async function tableNames(page: Page): Promise<string[]> {
  await showTab(page, 'Spans');
  const panel = page.locator('trace-views [role="tabpanel"]:visible');
  await expect(panel.locator('.tv-table, .tv-notice, .tv-count:not(:empty)').first()).toBeAttached();
  return panel
    .locator('tr[data-span-key] th.tv-c-name')
    .evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''));
}

/** The lines of the Console tab. */
async function consoleLines(page: Page): Promise<string[]> {
  await showTab(page, 'Console');
  const panel = page.locator('trace-views [role="tabpanel"]:visible');
  return panel.locator('.tv-console-text').allTextContents();
}

/** The visible tab panel of the views. */
const shownPanel = (page: Page) => page.locator('trace-views [role="tabpanel"]:visible');

/** Records the blob: workers (run workers start from a blob: URL inside the sandbox frame). */
function watchRunWorkers(page: Page): string[] {
  const urls: string[] = [];
  page.on('worker', (worker) => {
    if (worker.url().startsWith('blob:')) urls.push(worker.url());
  });
  return urls;
}

/** How many of the run workers started from now on are still alive (a cancelled run's worker is terminated). */
function liveRunWorkers(page: Page): () => number {
  let live = 0;
  page.on('worker', (worker) => {
    if (!worker.url().startsWith('blob:')) return;
    live += 1;
    worker.on('close', () => (live -= 1));
  });
  return () => live;
}

/** The sandbox frame the runs happen in (it exists from the first run on). */
async function sandboxFrame(page: Page): Promise<Frame> {
  const element = page.locator('iframe[title="Span Lab sandbox"]');
  await expect(element).toBeAttached();
  const frame = await (await element.elementHandle())?.contentFrame();
  expect(frame, 'the sandbox frame').toBeTruthy();
  return frame!;
}

/** Counts the runs the page asks the sandbox frame to start from now on. */
async function countStarts(page: Page): Promise<() => Promise<number>> {
  const frame = await sandboxFrame(page);
  await frame.evaluate(() => {
    const counter = globalThis as { starts?: number };
    counter.starts = 0;
    addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === 'start') counter.starts = (counter.starts ?? 0) + 1;
    });
  });
  return () => frame.evaluate(() => (globalThis as { starts?: number }).starts ?? 0);
}

/** Collects the page's uncaught errors and unhandled rejections, for a test to assert there are none. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return errors;
}

/**
 * Asserts the page answers while a run spins in its worker: a script, and a tab click, are
 * answered while the status still says "Running…". A main thread frozen by the run would answer
 * only once the run had ended, when the status no longer says so. No duration is measured.
 */
async function expectResponsive(page: Page): Promise<void> {
  const running = { selected: true, status: 'Running…' };
  for (const name of ['Console', 'Waterfall'] as const) {
    await showTab(page, name);
    // One script reads both, so the answer says what the page showed at one moment.
    const seen = await page.evaluate((tab) => {
      const tabs = [...document.querySelectorAll('trace-views [role="tab"]')];
      return {
        selected: tabs.some((t) => t.textContent?.startsWith(tab) && t.getAttribute('aria-selected') === 'true'),
        status: document.querySelector('[data-pg="status"]')?.textContent ?? '',
      };
    }, name);
    expect(seen, `the ${name} tab switched while the run spins`).toEqual(running);
  }
}

/** Presses Run on code that never ends and waits until its worker has started. */
async function startRunaway(page: Page, workers: string[]): Promise<void> {
  const before = workers.length;
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(statusOf(page)).toHaveText('Running…');
  await expect.poll(() => workers.length).toBeGreaterThan(before);
}

/** The scenarios the page offers, as it embeds them. */
async function pageScenarios(page: Page): Promise<Array<{ id: string; code: string }>> {
  return page.evaluate(
    () =>
      JSON.parse(document.querySelector('[data-pg="scenarios"]')?.textContent ?? '[]') as Array<{
        id: string;
        code: string;
      }>,
  );
}

/**
 * An lz-string `compressToEncodedURIComponent` stream that decodes to 'a' repeated
 * (codes + 1)(codes + 2) / 2 times, written directly (lz-string itself would need the whole
 * string, and minutes, to compress it): a literal 'a', then the codes 4, 5, 6 … — each the
 * "not yet in the dictionary" code, which means "the previous entry plus its first character".
 */
function lzBomb(codes: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  const chars: string[] = [];
  let value = 0;
  let filled = 0;
  const write = (n: number, width: number): void => {
    for (let i = 0; i < width; i++) {
      value = (value << 1) | ((n >> i) & 1);
      if (++filled === 6) {
        chars.push(alphabet[value]!);
        value = 0;
        filled = 0;
      }
    }
  };
  write(0, 2); // an 8-bit literal follows
  write(97, 8); // 'a'
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  for (let k = 0; k < codes; k++) {
    write(dictSize, numBits);
    dictSize += 1;
    enlargeIn -= 1;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits += 1;
    }
  }
  write(2, numBits); // end of stream
  write(0, 12 - filled); // pad, and one spare character as lz-string writes
  return chars.join('');
}

// ---------------------------------------------------------------------------------------------
// Rows 1–3: runaway code
// ---------------------------------------------------------------------------------------------

// The one runaway test on the real default budget (5 s): every other one sets its own.
test('row 1: a top-level while (true) {} is ended by the wall-clock budget; the next Run works', async ({ page }) => {
  const workers = watchRunWorkers(page);
  await openPlayground(page, 'order-processing');
  const code = `${API}\ntrace.getTracer('t').startSpan('before-loop').end();\nwhile (true) {}\n`;
  await setCode(page, code);
  const started = Date.now();
  await startRunaway(page, workers);

  await expect(statusOf(page)).toContainText(WALL_CLOCK, { timeout: 30_000 });
  expect(Date.now() - started, 'the run spun for its whole budget').toBeGreaterThan(4_500);
  expect(await tableNames(page)).toEqual(['before-loop']);
  await showTab(page, 'Problems');
  await expect(shownPanel(page)).toContainText('Limit: wall-clock');
  await expect(shownPanel(page).getByRole('button', { name: /^Line 3:/ })).toBeVisible();
  expect(await editorCode(page)).toBe(code);

  const fixed = code.replace('while (true) {}\n', "trace.getTracer('t').startSpan('after-fix').end();\n");
  await setCode(page, fixed);
  const status = await runToEnd(page);
  expect(status).toMatch(/^Ran in \d+ ms: 2 spans in 2 traces/);
  expect(status).not.toMatch(/wall-clock/);
  expect(await tableNames(page)).toEqual(['before-loop', 'after-fix']);
});

test('row 1: the page answers while a runaway run spins, and a new Run takes over from it', async ({ page }) => {
  const workers = watchRunWorkers(page);
  // Two minutes: the page is checked while the run still spins, however slow the machine.
  await setRunBudgets(page, { wallClockBudgetMs: 120_000 });
  await openPlayground(page, 'order-processing');
  const code = `${API}\ntrace.getTracer('t').startSpan('before-loop').end();\nwhile (true) {}\n`;
  const fixed = code.replace('while (true) {}\n', "trace.getTracer('t').startSpan('after-fix').end();\n");
  // A first run, so the views have tabs to click (before any run they say what the Run waits for).
  await setCode(page, fixed);
  expect(await runToEnd(page)).toMatch(/^Ran in \d+ ms: 2 spans in 2 traces/);
  await setCode(page, code);
  await startRunaway(page, workers);
  await expectResponsive(page);
  await setCode(page, fixed);
  expect(await runToEnd(page)).toMatch(/^Ran in \d+ ms: 2 spans in 2 traces/);
});

test('row 1: a loop whose guard the code disables is still ended, by the page terminating the worker', async ({
  page,
}) => {
  const workers = watchRunWorkers(page);
  await setRunBudgets(page, { wallClockBudgetMs: 1_000 });
  await openPlayground(page, 'order-processing');
  // Shadows the guard the compiler puts in every loop: only the page's backstop can stop this.
  const code = `${API}\nvar __spanlab_loop = Object;\nsetTimeout(() => { while (true) {} }, 10);\ntrace.getTracer('t').startSpan('before-loop').end();\n`;
  await setCode(page, code);
  await startRunaway(page, workers);
  await expect(statusOf(page)).toContainText(SHORT_WALL_CLOCK);
  expect(await tableNames(page)).toEqual(['before-loop']);
  expect(await editorCode(page)).toBe(code);
  // The sandbox the page stopped from outside runs the next run as if nothing happened.
  await setCode(page, code.replace('while (true) {}', "trace.getTracer('t').startSpan('in-timer').end();"));
  const status = await runToEnd(page);
  expect(status).toMatch(/^Ran in \d+ ms: 2 spans in 2 traces/);
  expect(await tableNames(page)).toEqual(['before-loop', 'in-timer']);
});

for (const [where, loop, inner] of [
  ['a timer', "setTimeout(() => {\n  t.startSpan('in-timer').end();\n  while (true) {}\n}, 100);", 'in-timer'],
  [
    'a promise callback',
    "Promise.resolve().then(() => {\n  t.startSpan('in-promise').end();\n  for (;;) {}\n});",
    'in-promise',
  ],
  [
    'for await',
    "async function* forever() {\n  while (true) yield 1;\n}\n(async () => {\n  t.startSpan('before-for-await').end();\n  for await (const _ of forever()) {}\n})();",
    'before-for-await',
  ],
] as const) {
  test(`row 2: an endless loop inside ${where} hits the same budget; spans that ended are still shown`, async ({
    page,
  }) => {
    const workers = watchRunWorkers(page);
    await setRunBudgets(page, { wallClockBudgetMs: 1_000 });
    await openPlayground(page, 'order-processing');
    const code = `${API}\nconst t = trace.getTracer('t');\nt.startSpan('top-level').end();\nt.startSpan('left-open');\n${loop}\n`;
    await setCode(page, code);
    await startRunaway(page, workers);
    await expect(statusOf(page)).toContainText(SHORT_WALL_CLOCK);
    expect(await tableNames(page)).toEqual(['top-level', 'left-open', inner]);
    await showTab(page, 'Problems');
    await expect(shownPanel(page)).toContainText('Limit: wall-clock');
    await expect(shownPanel(page)).toContainText('Never ended');
    expect(await editorCode(page)).toBe(code);
  });
}

test('row 3: a setInterval that creates a span every virtual second forever is ended by the virtual-time budget', async ({
  page,
}) => {
  await openPlayground(page, 'order-processing');
  const code = `${API}\nconst t = trace.getTracer('ticker');\nsetInterval(() => t.startSpan('tick').end(), 1_000);\n`;
  await setCode(page, code);
  const status = await runToEnd(page, 30_000);
  // One span a virtual second for the hour of virtual time: the timer, not the page, ends it.
  expect(status).not.toMatch(/crashed|stopped: it sent|wall-clock/);
  expect(status).toMatch(/^Ran in \d+ ms: 3,600 spans in 3,600 traces, 60 min of virtual time\./);
  expect(status).toContain(
    'The run was stopped after 1 h of virtual time (the virtual-time budget) with 1 timer(s) still pending: is an interval never cleared?',
  );
  await showTab(page, 'Problems');
  await expect(shownPanel(page)).toContainText('Limit: virtual-time');
});

test('row 3: a setInterval that creates spans faster than the span budget allows reports how many were dropped', async ({
  page,
}) => {
  await openPlayground(page, 'order-processing');
  // 500 spans a virtual minute: 30,000 in the hour of virtual time, past the 20,000-span budget.
  const code = `${API}\nconst t = trace.getTracer('ticker');\nsetInterval(() => {\n  for (let i = 0; i < 500; i++) t.startSpan('tick').end();\n}, 60_000);\n`;
  await setCode(page, code);
  const status = await runToEnd(page, 30_000);
  expect(status).not.toMatch(/crashed|stopped: it sent|wall-clock/);
  expect(status).toMatch(/^Ran in \d+ ms: 20,?000 spans/);
  expect(status).toContain('The span budget keeps the first 20,000 spans; later spans were counted and dropped.');
  await expect(page.locator('trace-views .tv-summary')).toContainText(
    'Showing 20,000 of 30,000 spans started: the span budget dropped the rest.',
  );
  await showTab(page, 'Problems');
  await expect(shownPanel(page)).toContainText('Limit: span-count');
  await expect(shownPanel(page)).toContainText('10,000 of 30,000 spans started were dropped');
});

// ---------------------------------------------------------------------------------------------
// Rows 16–20: code that does not compile, does not type-check, throws, or reaches for the page
// ---------------------------------------------------------------------------------------------

test('row 16: a syntax error gives line:column, runs nothing, and marks the previous diagrams stale', async ({
  page,
}) => {
  await page.setViewportSize({ width: 600, height: 900 }); // the textarea editor lists its problems
  await openPlayground(page, 'order-processing');
  await setCode(page, `${API}\ntrace.getTracer('t').startSpan('good-run').end();\n`);
  expect(await runToEnd(page)).toMatch(/^Ran in/);
  expect(await tableNames(page)).toEqual(['good-run']);
  const views = page.locator('trace-views');
  const banner = views.locator('.tv-stale-banner');
  await expect(banner).toBeHidden();
  const starts = await countStarts(page);

  const broken = `${API}\nconst message = 'unterminated;\ntrace.getTracer('t').startSpan('must-not-run').end();\n`;
  await setCode(page, broken);
  const status = await runToEnd(page);
  expect(status).toMatch(/^Not run: line 2:31: Unterminated string literal/);
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('previous run');
  await expect(views).toHaveAttribute('data-stale', '');
  await expect(page.getByRole('list', { name: 'Problems' }).getByRole('button')).toHaveText(
    /^Line 2, column 31 — error: Unterminated string literal/,
  );
  expect(await tableNames(page), 'the previous run stays on screen').toEqual(['good-run']);
  expect(await starts(), 'no run started for code that does not compile').toBe(0);
  expect(await editorCode(page)).toBe(broken);

  // A missing brace too, and the banner goes once the code runs again.
  await setCode(page, `${API}\nfunction f() {\n  trace.getTracer('t').startSpan('x').end();\n`);
  expect(await runToEnd(page)).toMatch(/^Not run: line 4:1: '\}' expected/);
  await setCode(page, `${API}\ntrace.getTracer('t').startSpan('fixed').end();\n`);
  expect(await runToEnd(page)).toMatch(/^Ran in/);
  expect(await starts(), 'the counter sees the run that compiles').toBe(1);
  await expect(banner).toBeHidden();
  expect(await tableNames(page)).toEqual(['fixed']);
});

test('row 17: type errors alone are shown as diagnostics and the code still runs', async ({ page }) => {
  await openPlayground(page, 'order-processing');
  const editor = page.locator('scenario-editor');
  // The reader's pointer on the code loads Monaco, whose TypeScript worker reports type errors.
  await editor.hover();
  await expect(editor).toHaveAttribute('data-mode', 'monaco', { timeout: 20_000 });
  const code = `${API}\nconst count: number = 'not a number';\ntrace.getTracer('t').startSpan('ran-despite-types').end();\nconsole.log('count is', count);\n`;
  await setCode(page, code);
  const status = await runToEnd(page);
  expect(status).toMatch(/^Ran in \d+ ms: 1 span in 1 trace/);
  expect(status).not.toMatch(/Error/);
  expect(await tableNames(page)).toEqual(['ran-despite-types']);
  expect(await consoleLines(page)).toEqual(['count is not a number']);
  // TypeScript's checker (in Monaco's worker) marks the assignment as an error in the editor.
  await expect(editor.locator('.squiggly-error').first()).toBeAttached({ timeout: 20_000 });
});

test('row 18: a throw at the top level or in a setTimeout is reported with its line; spans that ended are kept', async ({
  page,
}) => {
  await openPlayground(page, 'order-processing');
  await setCode(
    page,
    `${API}\nconst t = trace.getTracer('t');\nt.startSpan('before-throw').end();\nthrow new Error('boom at the top level');\n`,
  );
  let status = await runToEnd(page);
  expect(status).toMatch(/^Ran in \d+ ms: 1 span in 1 trace.*Error: line 4:\d+: Error: boom at the top level/);
  expect(await tableNames(page)).toEqual(['before-throw']);
  await showTab(page, 'Problems');
  await expect(shownPanel(page)).toContainText('boom at the top level');
  await expect(shownPanel(page).getByRole('button', { name: /^Line 4:/ })).toBeVisible();

  await setCode(
    page,
    `${API}\nconst t = trace.getTracer('t');\nt.startSpan('before-timer').end();\nsetTimeout(() => {\n  t.startSpan('in-timer').end();\n  throw new TypeError('boom in a timer');\n}, 50);\n`,
  );
  status = await runToEnd(page);
  expect(status).toMatch(/^Ran in \d+ ms: 2 spans in 2 traces.*Error: line 6:\d+: TypeError: boom in a timer/);
  expect(await tableNames(page)).toEqual(['before-timer', 'in-timer']);
});

test('row 19: an unhandled promise rejection is reported like a throw, with its line', async ({ page }) => {
  await openPlayground(page, 'order-processing');
  await setCode(
    page,
    `${API}\nconst t = trace.getTracer('t');\nt.startSpan('before-rejection').end();\nPromise.reject(new Error('nobody handled me'));\n`,
  );
  let status = await runToEnd(page);
  expect(status).toMatch(/Error: line 4:\d+: Error: nobody handled me/);
  expect(await tableNames(page)).toEqual(['before-rejection']);
  await showTab(page, 'Problems');
  await expect(shownPanel(page)).toContainText('Unhandled rejection');
  await expect(shownPanel(page).getByRole('button', { name: /^Line 4:/ })).toBeVisible();

  // An async function that fails after a (virtual) wait, its promise dropped.
  await setCode(
    page,
    `${API}\nimport { sleep } from '@spanlab/world';\nasync function later() {\n  await sleep(20);\n  throw new RangeError('rejected later');\n}\nlater();\ntrace.getTracer('t').startSpan('kept').end();\n`,
  );
  status = await runToEnd(page);
  expect(status).toMatch(/Error: line 5:\d+: RangeError: rejected later/);
  expect(await tableNames(page)).toEqual(['kept']);
});

test('row 20: window, document, localStorage, indexedDB and parent fail inside the sandbox with a hint; the page is untouched', async ({
  page,
}) => {
  await openPlayground(page, 'order-processing');
  await page.evaluate(() => localStorage.setItem('bad-inputs-marker', 'kept'));
  const title = await page.title();
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const reaches: Array<[string, string]> = [
    ['window', "window.alert('from the scenario');"],
    ['document', "document.title = 'taken over';"],
    ['localStorage', "localStorage.setItem('bad-inputs-marker', 'overwritten');"],
    ['indexedDB', "indexedDB.open('scenario-db');"],
    ['parent', "parent.postMessage({ type: 'worker', runId: 1, message: { type: 'finished' } }, '*');"],
  ];
  for (const [name, line] of reaches) {
    await setCode(page, `${API}\ntrace.getTracer('t').startSpan('before-${name}').end();\n${line}\n`);
    const status = await runToEnd(page);
    expect(status, name).toContain(
      `Error: line 3:1: ReferenceError: ${name} is not available in a Span Lab scenario: it runs in a sandboxed worker, apart from the page and its storage.`,
    );
    expect(await tableNames(page), name).toEqual([`before-${name}`]);
  }
  // Reading them through globalThis finds nothing of the page either.
  await setCode(
    page,
    'console.log(typeof globalThis.window, typeof globalThis.document, typeof globalThis.localStorage, typeof globalThis.sessionStorage);\n',
  );
  await runToEnd(page);
  expect(await consoleLines(page)).toEqual(['undefined undefined undefined undefined']);

  expect(await page.evaluate(() => localStorage.getItem('bad-inputs-marker'))).toBe('kept');
  expect(await page.title()).toBe(title);
  expect(dialogs).toBe(0);
});

// ---------------------------------------------------------------------------------------------
// Rows 21–24: the network, the page's messages, the host's own functions, the console
// ---------------------------------------------------------------------------------------------

test('row 21: fetch, XMLHttpRequest, WebSocket, sendBeacon, importScripts and images fail in the sandbox; no request leaves', async ({
  page,
  originGuard,
}) => {
  await openPlayground(page, 'order-processing');
  // Same-origin targets on purpose: the origin guard would not flag them, so the test checks
  // that no request for them was made at all.
  const code = `${API}
trace.getTracer('t').startSpan('before-network').end();
const target = '${ORIGIN}/leak';
const attempts: Record<string, () => unknown> = {
  fetch: () => fetch(target + '-fetch'),
  XMLHttpRequest: () => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', target + '-xhr');
    xhr.send();
  },
  WebSocket: () => new WebSocket(target.replace('http', 'ws') + '-ws'),
  sendBeacon: () => (navigator as any).sendBeacon(target + '-beacon', 'x'),
  importScripts: () => (self as any).importScripts(target + '-import.js'),
  image: () => {
    const image = new (globalThis as any).Image();
    image.src = target + '-image.png';
  },
  EventSource: () => new EventSource(target + '-sse'),
  prototypeFetch: () => {
    // The hidden original, found on the prototypes of the worker's global scope.
    for (let p = Object.getPrototypeOf(globalThis); p; p = Object.getPrototypeOf(p)) {
      const found = Object.getOwnPropertyDescriptor(p, 'fetch');
      if (typeof found?.value === 'function') return found.value.call(globalThis, target + '-proto');
    }
    throw new Error('no fetch on the prototype chain');
  },
};
for (const [name, attempt] of Object.entries(attempts)) {
  try {
    const result: any = attempt();
    if (typeof result?.then === 'function') result.then(() => console.log(name + ': LEAKED'), () => {});
    console.log(name + ': no error');
  } catch (error) {
    console.log(name + ': blocked: ' + String(error));
  }
}
// An import through eval, past the compiler: the sandbox's CSP allows no script from anywhere.
(0, eval)("import(target + '-dynamic-import.js')").then(() => console.log('dynamic import: LEAKED'), () => {});
`;
  await setCode(page, code);
  const status = await runToEnd(page);
  expect(status).toMatch(/^Ran in \d+ ms: 1 span in 1 trace/);
  const lines = await consoleLines(page);
  const noNetwork = 'is not available in a Span Lab scenario: scenarios have no network.';
  // Soft: whatever this finds, the check that no request left still runs.
  expect
    .soft(lines)
    .toEqual([
      `fetch: blocked: TypeError: fetch ${noNetwork} Simulate calls with service(name).call() from '@spanlab/world'.`,
      `XMLHttpRequest: blocked: TypeError: XMLHttpRequest ${noNetwork} Simulate calls with service(name).call() from '@spanlab/world'.`,
      `WebSocket: blocked: TypeError: WebSocket ${noNetwork} Simulate calls with service(name).call() from '@spanlab/world'.`,
      expect.stringMatching(/^sendBeacon: blocked: TypeError: .*sendBeacon is not a function/),
      `importScripts: blocked: TypeError: importScripts ${noNetwork} Simulate calls with service(name).call() from '@spanlab/world'.`,
      expect.stringMatching(/^image: blocked: TypeError: .*Image is not a constructor/),
      `EventSource: blocked: TypeError: EventSource ${noNetwork} Simulate calls with service(name).call() from '@spanlab/world'.`,
      expect.stringMatching(
        /^prototypeFetch: blocked: (TypeError: fetch is not available in a Span Lab scenario|Error: no fetch on the prototype chain)/,
      ),
    ]);
  await pageSettled(page);
  expect(originGuard.requested.filter((url) => url.includes('/leak'))).toEqual([]);
  expect(await consoleLines(page)).not.toContainEqual(expect.stringContaining('LEAKED'));
});

test('row 22: the scenario cannot post to the page, and the page refuses forged, oversized and flooding messages', async ({
  page,
}) => {
  // A long budget: a forgery must be refused at once, long before the run could end by itself.
  await setRunBudgets(page, { wallClockBudgetMs: 120_000 });
  await openPlayground(page, 'order-processing');
  // A span record the page would accept, were the scenario able to post it.
  const fake = JSON.stringify([
    {
      type: 'span-end',
      order: 0,
      span: {
        traceId: 'f'.repeat(32),
        spanId: 'f'.repeat(16),
        parentSpanId: null,
        name: 'FORGED',
        kind: 'internal',
        service: 'app',
        scope: { name: 't' },
        start: 0,
        end: 1,
        attributes: {},
        events: [],
        links: [],
        status: { code: 'unset' },
        dropped: { attributes: 0, events: 0, links: 0 },
        resource: {},
      },
    },
  ]);
  const code = `${API}
trace.getTracer('t').startSpan('real').end();
const forged = { type: 'events', json: ${JSON.stringify(fake)} };
const owners: string[] = [];
for (let p: any = globalThis; p; p = Object.getPrototypeOf(p)) {
  if (Object.getOwnPropertyDescriptor(p, 'postMessage')) owners.push(String(p.constructor?.name));
}
console.log('postMessage on: ' + (owners.join(', ') || 'nothing'));
console.log('typeof self.postMessage: ' + typeof (self as any).postMessage);
try {
  (self as any).postMessage(forged);
  console.log('self.postMessage: POSTED');
} catch (error) {
  console.log('self.postMessage: blocked: ' + (error as Error).name);
}
try {
  const scope = (globalThis as any).DedicatedWorkerGlobalScope ?? (globalThis as any).WorkerGlobalScope;
  scope.prototype.postMessage.call(self, forged);
  console.log('prototype postMessage: POSTED');
} catch (error) {
  console.log('prototype postMessage: blocked: ' + (error as Error).name);
}
try {
  (self as any).close();
  console.log('close: CLOSED');
} catch (error) {
  console.log('close: blocked: ' + (error as Error).name);
}
`;
  await setCode(page, code);
  expect(await runToEnd(page)).toMatch(/^Ran in \d+ ms: 1 span in 1 trace/);
  expect(await consoleLines(page)).toEqual([
    'postMessage on: nothing',
    'typeof self.postMessage: undefined',
    'self.postMessage: blocked: TypeError',
    'prototype postMessage: blocked: TypeError',
    'close: blocked: TypeError',
  ]);
  expect(await tableNames(page)).toEqual(['real']);

  // Code that broke out of the worker into the sandbox frame could post to the page itself: the
  // page checks the shape, size and rate of every message, and stops the run that misbehaves.
  const sandbox = await sandboxFrame(page);
  // The frame remembers the id of the run it hosts, as the code in it would see it.
  await sandbox.evaluate(() => {
    addEventListener('message', (event: MessageEvent<{ type?: string; runId?: number }>) => {
      if (event.data?.type === 'start') (globalThis as { runId?: number | undefined }).runId = event.data.runId;
    });
  });
  const spinning = `${API}\ntrace.getTracer('t').startSpan('spinning').end();\nsetTimeout(() => { while (true) {} }, 10);\n`;
  const forgeries: Array<[string, string, RegExp]> = [
    [
      'a message of the wrong shape',
      'parent.postMessage({ type: \'worker\', runId, message: { type: \'events\', json: \'[{"type":"navigate","url":"https://example.com"}]\' } }, \'*\')',
      /The run was stopped: a message from the run had the wrong shape \(0\.type: /,
    ],
    [
      'an oversized message',
      "parent.postMessage({ type: 'worker', runId, message: { type: 'events', json: '['.padEnd(17 * 1024 * 1024, ' ') + ']' } }, '*')",
      /The run was stopped: it sent the page a message larger than it may/,
    ],
    [
      'a flood of messages',
      "for (let i = 0; i < 31000; i++) parent.postMessage({ type: 'worker', runId, message: { type: 'ready' } }, '*')",
      /The run was stopped: it sent the page more messages than it may/,
    ],
  ];
  for (const [what, post, refused] of forgeries) {
    await setCode(page, spinning);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // The page has sent the run its start: the run is the page's current one, and the frame knows its id.
    await expect.poll(() => sandbox.evaluate(() => (globalThis as { runId?: number }).runId ?? 0)).toBeGreaterThan(1);
    await sandbox.evaluate(`(() => { const runId = globalThis.runId; ${post}; })()`);
    // Refused at once: the run's own budget is two minutes, far past this expectation's timeout.
    await expect(statusOf(page), what).toContainText(refused);
    expect(await tableNames(page), what).not.toContain('FORGED');
  }
  // A message from the page itself (not the sandbox frame) is ignored.
  await setCode(page, spinning);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(statusOf(page)).toHaveText('Running…');
  // Messages are delivered in order: once the marker arrives, the page has handled every forgery.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        for (let runId = 0; runId < 50; runId++)
          window.postMessage({ type: 'worker', runId, message: { type: 'finished' } }, '*');
        addEventListener('message', (event) => event.data === 'marker' && resolve());
        window.postMessage('marker', '*');
      }),
  );
  await expect(statusOf(page)).toHaveText('Running…');
  await page.getByRole('button', { name: 'Run', exact: true }).click(); // cancels the spinning run
});

test('row 23: a scenario that replaces Date.now, performance.now, setTimeout and console cannot blind the budget or the capture', async ({
  page,
}) => {
  await setRunBudgets(page, { wallClockBudgetMs: 1_000 });
  await openPlayground(page, 'order-processing');
  const code = `${API}
const t = trace.getTracer('t');
console.log('before the overrides');
t.startSpan('before-overrides').end();
Date.now = () => 0;
performance.now = () => 0;
(globalThis as any).setTimeout = () => 0;
(globalThis as any).setInterval = () => 0;
(globalThis as any).queueMicrotask = () => {};
console.log = () => {};
(globalThis as any).console = { log() {}, warn() {}, error() {}, info() {}, debug() {} };
t.startSpan('left-open');
t.startSpan('after-overrides').end();
console.log('swallowed by the scenario’s own console');
while (true) {}
`;
  await setCode(page, code);
  const status = await runToEnd(page);
  expect(status).toMatch(SHORT_WALL_CLOCK);
  expect(status).toMatch(/^Ran in \d+ ms: 3 spans/);
  const names = await tableNames(page);
  expect(names).toEqual(['before-overrides', 'left-open', 'after-overrides']);
  // The scenario's own console swallowed its later lines; the engine's capture did not.
  const lines = await consoleLines(page);
  expect(lines[0]).toBe('before the overrides');
  expect(lines).toContain('1 span was started and never ended.');
  expect(lines).not.toContainEqual(expect.stringContaining('swallowed'));
  await showTab(page, 'Problems');
  await expect(shownPanel(page)).toContainText('Never ended');
});

for (const [what, override] of [
  ['JSON.stringify', "JSON.stringify = () => '[]';"],
  ['MessagePort.prototype.postMessage', 'MessagePort.prototype.postMessage = function () {};'],
] as const) {
  test(`row 23: replacing ${what} does not lose the run's spans or console`, async ({ page }) => {
    await openPlayground(page, 'order-processing');
    const code = `${API}\nimport { sleep } from '@spanlab/world';\nconst t = trace.getTracer('t');\nt.startSpan('before-override').end();\n${override}\nawait sleep(10);\nt.startSpan('after-override').end();\nconsole.log('still captured');\n`;
    await setCode(page, code);
    const status = await runToEnd(page);
    expect(status).not.toMatch(/crash|stopped|wall-clock/);
    expect(status).toMatch(/^Ran in \d+ ms: 2 spans in 2 traces, 10 ms of virtual time\./);
    expect(await tableNames(page)).toEqual(['before-override', 'after-override']);
    expect(await consoleLines(page)).toEqual(['still captured']);
  });
}

test('row 24: cyclic, hostile, unclonable and huge values are printed as text, cut to size', async ({ page }) => {
  await openPlayground(page, 'order-processing');
  const code = `${API}
const cyclic: any = { name: 'cyclic' };
cyclic.self = cyclic;
console.log(cyclic);
const hostile = new Proxy({}, {
  get() { throw new Error('hostile get'); },
  ownKeys() { throw new Error('hostile keys'); },
  getPrototypeOf() { throw new Error('hostile prototype'); },
});
console.log('hostile:', hostile);
console.log(Symbol('sym'), 10n, () => 1, new Map([[1, cyclic]]), new WeakMap());
console.log('x'.repeat(5_000_000));
console.error({ toString() { throw new Error('no string'); }, [Symbol.toPrimitive]() { throw new Error('no primitive'); } });
trace.getTracer('t').startSpan('after-logging').end();
`;
  await setCode(page, code);
  const status = await runToEnd(page);
  expect(status).toMatch(/^Ran in \d+ ms: 1 span in 1 trace/);
  expect(status).not.toMatch(/Error|crash|stopped/);
  expect(await tableNames(page)).toEqual(['after-logging']);
  const lines = await consoleLines(page);
  expect(lines).toHaveLength(5);
  expect(lines[0]).toBe("{ name: 'cyclic', self: [Circular] }");
  expect(lines[1]).toMatch(/^hostile: /);
  expect(lines[2]).toMatch(/^Symbol\(sym\) 10n \[Function/);
  expect(lines[2]).toContain('[Circular]');
  expect(lines[3]).toMatch(/^x{10000}… \(cut\)$/);
  expect(lines[4]!.length).toBeGreaterThan(0);
});

test('row 24: a million console lines are capped at 1,000, reported as dropped, and finish well inside the budget', async ({
  page,
}) => {
  await openPlayground(page, 'order-processing');
  const code = `${API}\ntrace.getTracer('t').startSpan('before-logging').end();\nfor (let i = 0; i < 1_000_000; i++) console.log('line', i);\ntrace.getTracer('t').startSpan('after-logging').end();\n`;
  await setCode(page, code);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(statusOf(page)).toHaveText(/^Ran in/, { timeout: 20_000 });
  const status = (await statusOf(page).textContent()) ?? '';
  expect(status).toContain('The console keeps the first 1,000 lines; later lines were dropped.');
  // A million calls to a capped console cost well under a second; the wall-clock budget is for endless loops.
  expect.soft(status).not.toMatch(/wall-clock|crash/);
  expect(await tableNames(page)).toEqual(['before-logging', 'after-logging']);
  const lines = await consoleLines(page);
  expect(lines).toHaveLength(1_000);
  expect(lines[0]).toBe('line 0');
  expect(lines[999]).toBe('line 999');
  await expect(shownPanel(page)).toContainText('999000 more lines were dropped by the console cap.');
  await expect(page.getByRole('tab', { name: /^Console/ })).toHaveText(/Console \(1,?000\)/);
});

// ---------------------------------------------------------------------------------------------
// Rows 25–27: share links
// ---------------------------------------------------------------------------------------------

/** Opens a share link in a fresh page and returns it with the page errors it records. */
async function openLink(page: Page, hash: string, search = ''): Promise<string[]> {
  const errors = collectPageErrors(page);
  await page.goto(`/playground/${search}#${hash}`);
  return errors;
}

test('row 25: a malformed share link says it could not be loaded and shows the default scenario; nothing throws', async ({
  context,
}) => {
  const valid = LZString.compressToEncodedURIComponent("console.log('shared');\n");
  const cases: Array<[string, string, string, RegExp]> = [
    ['characters a link never has', 'code=%%%!!!<script>', '', /characters a share link never has/],
    ['not lz-string at all', 'code=AAAAAAAA', '', /not valid compressed code/],
    ['a stream the decoder chokes on', 'code=zzzzzz', '', /not valid compressed code/],
    ['a truncated link', `code=${valid.slice(0, 5)}`, '', /not valid compressed code/],
    ['a seed that is not a number', `code=${valid}&seed=1e999x`, '', /the seed "1e999x" is not a whole number/],
    ['a bad link with a scenario asked for', 'code=zzzzzz', '?scenario=retry', /not valid compressed code/],
  ];
  for (const [what, hash, search, reason] of cases) {
    const page = await context.newPage();
    const errors = await openLink(page, hash, search);
    const notice = noticeOf(page);
    await expect(notice, what).toBeVisible();
    await expect(notice, what).toContainText("Couldn't load the shared code");
    await expect(notice, what).toContainText(reason);
    await expect(notice, what).toContainText('showing the default scenario instead');
    const scenarios = await pageScenarios(page);
    const expected = search ? 'retry' : scenarios[0]!.id;
    await expect(page.locator('[data-pg="picker"]'), what).toHaveValue(expected);
    expect(await editorCode(page), what).toBe(scenarios.find((s) => s.id === expected)!.code);
    await expect(page.locator('[data-pg="picker"] option[value="shared"]'), what).toHaveCount(0);
    expect(errors, what).toEqual([]);
    if (what === cases.at(-1)![0]) expect(await runToEnd(page), 'the default scenario runs').toMatch(/^Ran in/);
    await page.close();
  }
});

test('row 26: an oversized share link is refused at once, before decoding', async ({ page }) => {
  const errors = await openLink(page, `code=${'A'.repeat(200_001)}`);
  await expect(noticeOf(page)).toContainText("Couldn't load the shared code (the link is too long)");
  const scenarios = await pageScenarios(page);
  expect(await editorCode(page)).toBe(scenarios[0]!.code);
  expect(errors).toEqual([]);
});

for (const [what, codes, reason] of [
  // 'a' × 50,015,001 from 20 KB: decodes fast, and is refused for its size.
  // (On a busy machine its decoding may instead run past the decoder's deadline: refused all the same.)
  ['decodes to 50 million characters', 10_000, /the code in the link is too large|the link took too long to decode/],
  // 'a' × 2,450,105,001 from 176 KB: more than a string can hold; decoding is stopped.
  ['would decode to 2.4 billion characters', 70_000, /the link took too long to decode|not valid compressed code/],
] as const) {
  test(`row 26: a decompression bomb that ${what} is stopped without freezing the page`, async ({ page }) => {
    // The construction is sound: a small one decodes, with lz-string itself, to what it says.
    expect(LZString.decompressFromEncodedURIComponent(lzBomb(100))).toBe('a'.repeat((101 * 102) / 2));
    const bomb = lzBomb(codes);
    expect(bomb.length).toBeLessThan(200_000); // under the length limit: only decoding can catch it
    // Decoding on the page's main thread would freeze it for seconds: it must happen in a worker.
    const decoders: string[] = [];
    page.on('worker', (worker) => {
      if (worker.url().includes('share-decode-worker')) decoders.push(worker.url());
    });
    const errors = await openLink(page, `code=${bomb}`);
    // The decoder's worker may take seconds to start on a busy machine, then has its own deadline.
    await expect(noticeOf(page)).toContainText("Couldn't load the shared code", { timeout: 30_000 });
    await expect(noticeOf(page)).toContainText(reason);
    const scenarios = await pageScenarios(page);
    await expect(page.locator('[data-pg="picker"]')).toHaveValue(scenarios[0]!.id);
    expect(await editorCode(page)).toBe(scenarios[0]!.code);
    expect(decoders, 'the link was decoded in a worker').toHaveLength(1);
    expect(errors).toEqual([]);
  });
}

test('row 27: a share link holding while (true) {} never runs on its own; after Run, the budget stops it', async ({
  page,
}) => {
  const workers = watchRunWorkers(page);
  await setRunBudgets(page, { wallClockBudgetMs: 1_000 });
  const code = `${API}\ntrace.getTracer('t').startSpan('shared-before-loop').end();\nwhile (true) {}\n`;
  await page.goto(`/playground/#code=${LZString.compressToEncodedURIComponent(code)}`);
  await expect(noticeOf(page)).toContainText('This code came from a share link. It runs only when you press Run.');
  expect(await editorCode(page)).toBe(code);
  await expect(page.locator('[data-pg="picker"]')).toHaveValue('shared');
  // Nothing runs by itself: not on load, not when the editor upgrades, not on focus or Ctrl+S.
  await page.locator('scenario-editor').hover();
  await expect(page.locator('scenario-editor')).toHaveAttribute('data-mode', 'monaco');
  await page.locator('scenario-editor').click();
  await pageSettled(page);
  // The sandbox frame is made ready ahead of a Run (issue 11); no run worker starts in it before one.
  expect(workers, 'no run worker before Run').toEqual([]);
  await expect(statusOf(page)).not.toHaveText('Running…');

  const status = await runToEnd(page);
  expect(workers).toHaveLength(1);
  expect(status).toMatch(SHORT_WALL_CLOCK);
  expect(await tableNames(page)).toEqual(['shared-before-loop']);
  expect(await editorCode(page)).toBe(code);
});

// ---------------------------------------------------------------------------------------------
// Row 28: runs that overlap
// ---------------------------------------------------------------------------------------------

test('row 28: Run pressed twice quickly shows one run, once', async ({ page }) => {
  await openPlayground(page, 'order-processing');
  await setCode(page, `${API}\ntrace.getTracer('t').startSpan('only-once').end();\n`);
  const run = page.getByRole('button', { name: 'Run', exact: true });
  // On a fresh page (the compiler and the sandbox still loading) …
  await run.click();
  await run.click();
  await expect(statusOf(page)).toHaveText(/^Ran in \d+ ms: 1 span in 1 trace/, { timeout: 20_000 });
  expect(await tableNames(page)).toEqual(['only-once']);
  // … and on a warm one, as a double click.
  const starts = await countStarts(page);
  await run.dblclick();
  await expect(statusOf(page)).toHaveText(/^Ran in \d+ ms: 1 span in 1 trace/, { timeout: 20_000 });
  await pageSettled(page);
  await expect(statusOf(page)).toHaveText(/^Ran in \d+ ms: 1 span in 1 trace/);
  expect(await tableNames(page)).toEqual(['only-once']);
  expect(await starts()).toBeGreaterThanOrEqual(1);
  expect(await starts()).toBeLessThanOrEqual(2);
  await expect(run).not.toHaveAttribute('aria-busy', 'true');
});

test('row 28: an edit and Run while a run is going cancels it; its late results never show', async ({ page }) => {
  const workers = watchRunWorkers(page);
  const live = liveRunWorkers(page);
  // Two minutes: the spinning run can only end early by being cancelled.
  await setRunBudgets(page, { wallClockBudgetMs: 120_000 });
  await openPlayground(page, 'order-processing');
  // First, a press during the first compile (TypeScript still loading in its worker).
  await setCode(page, `${API}\ntrace.getTracer('t').startSpan('first-during-compile').end();\n`);
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await run.click();
  await setCode(page, `${API}\ntrace.getTracer('t').startSpan('second-after-edit').end();\n`);
  await run.click();
  await expect(statusOf(page)).toHaveText(/^Ran in/, { timeout: 20_000 });
  expect(await tableNames(page)).toEqual(['second-after-edit']);

  // Then, a press while a run spins in its worker: that run is stopped, never reported.
  await setCode(page, `${API}\ntrace.getTracer('t').startSpan('stale-run').end();\nwhile (true) {}\n`);
  const before = workers.length;
  await run.click();
  await expect.poll(() => workers.length).toBeGreaterThan(before);
  await expect(statusOf(page)).toHaveText('Running…');
  const edited = `${API}\ntrace.getTracer('t').startSpan('latest-run').end();\n`;
  await setCode(page, edited);
  await run.click();
  await expect(statusOf(page)).toHaveText(/^Ran in \d+ ms: 1 span in 1 trace/, { timeout: 20_000 });
  expect(await tableNames(page)).toEqual(['latest-run']);
  // The stale run's worker was terminated (every run worker has ended), so nothing of it can arrive.
  await expect.poll(live).toBe(0);
  await expect(statusOf(page)).toHaveText(/^Ran in \d+ ms: 1 span in 1 trace/);
  expect(await statusOf(page).textContent()).not.toMatch(/wall-clock/);
  expect(await tableNames(page)).toEqual(['latest-run']);
  expect(await editorCode(page)).toBe(edited);
});

// ---------------------------------------------------------------------------------------------
// Row 30: Monaco cannot load
// ---------------------------------------------------------------------------------------------

for (const [what, blocked] of [
  ['the Monaco chunk', /create-monaco-editor|editor\.api/],
  ["Monaco's workers", /ts\.worker|editor\.worker/],
] as const) {
  test(`row 30: when ${what} cannot load, the textarea fallback still edits and runs`, async ({ page }) => {
    const refused: string[] = [];
    await page.route(blocked, (route) => {
      refused.push(route.request().url());
      return route.fulfill({ status: 404, body: 'not found' });
    });
    const errors = collectPageErrors(page);
    await openPlayground(page, 'order-processing');
    const original = await editorCode(page);
    const editor = page.locator('scenario-editor');
    await editor.hover(); // the reader reaches for the code: Monaco is tried, and fails
    await expect(editor).toHaveAttribute('data-mode', 'textarea', { timeout: 20_000 });
    expect(refused.length, `requests refused for ${String(blocked)}`).toBeGreaterThan(0);
    const textarea = page.getByRole('textbox', { name: 'Scenario code' });
    await expect(textarea).toBeVisible();
    await expect(textarea).toHaveValue(original);
    await textarea.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type("\ntrace.getTracer('extra').startSpan('typed-in-the-fallback').end();\n");
    expect(await editorCode(page)).toContain('typed-in-the-fallback');
    // Ctrl+Enter runs from the textarea, as from Monaco.
    await page.keyboard.press('Control+Enter');
    await expect(statusOf(page)).toHaveText(/^Ran in/, { timeout: 20_000 });
    expect(await tableNames(page)).toContain('typed-in-the-fallback');
    expect(errors).toEqual([]);
  });
}

// ---------------------------------------------------------------------------------------------
// Row 31: Open trace with files that are not OTLP JSON
// ---------------------------------------------------------------------------------------------

test.describe('row 31: Open trace', () => {
  let valid = '';
  let dir = '';
  let huge = '';

  test.beforeAll(async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'sim', '--', 'src/content/scenarios/retry.ts'], {
      maxBuffer: 16 * 1024 * 1024,
    });
    valid = stdout;
    dir = mkdtempSync(join(tmpdir(), 'span-lab-bad-inputs-'));
    huge = join(dir, 'huge.json');
    writeFileSync(huge, `{"resourceSpans":[${' '.repeat(51 * 1024 * 1024)}]}`);
  });

  test.afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a file through the Open trace button. */
  async function openFile(page: Page, file: { name: string; buffer: Buffer } | string): Promise<void> {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Open trace' }).click(),
    ]);
    await chooser.setFiles(
      typeof file === 'string' ? file : { name: file.name, mimeType: 'application/json', buffer: file.buffer },
    );
  }

  test('malformed files are refused with a notice naming what is wrong; the run and the code stay; a valid file opens', async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await openPlayground(page, 'batch-consumer');
    await runToEnd(page);
    const before = await tableNames(page);
    expect(before).toHaveLength(7);
    const code = await editorCode(page);
    const goodSpan = {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      name: 'ok',
      kind: 1,
      startTimeUnixNano: '1700000000000000000',
      endTimeUnixNano: '1700000000001000000',
    };
    const request = (span: object) =>
      JSON.stringify({ resourceSpans: [{ resource: {}, scopeSpans: [{ scope: {}, spans: [span] }] }] });
    const bad: Array<[string, string, RegExp]> = [
      [
        'truncated.json',
        '{"resourceSpans": [{"scopeSpans": [',
        /^truncated\.json: Not valid JSON at line 1, column \d+/,
      ],
      [
        'array.json',
        '[1, 2, 3]',
        /^array\.json: Not an OTLP trace file: expected an object \{"resourceSpans": \[…\]\}, got an array/,
      ],
      ['data.json', '{"data": [{"id": 1}]}', /^data\.json: .*or Jaeger's JSON \{"data"/],
      [
        'wrong-type.json',
        '{"resourceSpans": "none"}',
        /^wrong-type\.json: Not an OTLP trace file: resourceSpans: expected an array, got/,
      ],
      [
        'bad-trace-id.json',
        request({ ...goodSpan, traceId: 'not-hex!' }),
        /^bad-trace-id\.json: .*resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\.traceId/,
      ],
      ['bad-span-id.json', request({ ...goodSpan, spanId: '00' }), /^bad-span-id\.json: .*spans\[0\]\.spanId/],
      [
        'bad-time.json',
        request({ ...goodSpan, startTimeUnixNano: 'yesterday' }),
        /^bad-time\.json: .*spans\[0\]\.startTimeUnixNano/,
      ],
      ['empty.json', '', /^empty\.json: The file is empty\./],
      ['binary.json', '\u0000\u00ff\u00fe', /^binary\.json: /],
    ];
    for (const [name, text, message] of bad) {
      await openFile(page, { name, buffer: Buffer.from(text, name === 'binary.json' ? 'latin1' : 'utf8') });
      await expect(noticeOf(page), name).toHaveText(message);
      expect(await tableNames(page), `${name}: the run on screen stays`).toEqual(before);
    }
    await openFile(page, huge);
    await expect(noticeOf(page)).toHaveText(/^huge\.json: the file is 51 MB; Span Lab opens traces up to 50 MB\./);
    expect(await tableNames(page)).toEqual(before);
    expect(await editorCode(page)).toBe(code);

    await openFile(page, { name: 'retry.otlp.json', buffer: Buffer.from(valid) });
    await expect(statusOf(page)).toHaveText(/^Opened retry\.otlp\.json: 9 spans\./);
    const expected = (
      JSON.parse(valid) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ name: string }> }> }> }
    ).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans.map((span) => span.name)));
    const opened = await tableNames(page);
    expect(opened).toHaveLength(9);
    expect([...opened].sort()).toEqual([...expected].sort());
    expect(await editorCode(page)).toBe(code);
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Row 32: storage unavailable or full
// ---------------------------------------------------------------------------------------------

test.describe('row 32: storage', () => {
  test('unavailable: a notice, edits kept in memory across a scenario switch, nothing throws', async ({ context }) => {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/playground/?scenario=order-processing');
    await expect(noticeOf(page)).toContainText(
      'This browser keeps no storage for this page: your edits are kept only until you close it.',
    );
    await expect(page.locator('[data-pg="picker"]')).toHaveValue('order-processing');
    const edited = `${await editorCode(page)}\n// kept in memory\n`;
    await setCode(page, edited);
    await page.locator('scenario-editor').dispatchEvent('change');
    await page.locator('[data-pg="picker"]').selectOption('retry');
    expect(await editorCode(page)).not.toContain('// kept in memory');
    await page.locator('[data-pg="picker"]').selectOption('order-processing');
    expect(await editorCode(page)).toBe(edited);
    expect(await runToEnd(page)).toMatch(/^Ran in/);
    // The last run is kept in memory too.
    await page.locator('[data-pg="picker"]').selectOption('retry');
    await page.locator('[data-pg="picker"]').selectOption('order-processing');
    await expect(statusOf(page)).toContainText('Showing your last run');
    // Nothing on the page may throw for want of storage (the theme picker included).
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });

  test('full: a notice once saving fails, edits kept in memory across a scenario switch, nothing throws', async ({
    context,
  }) => {
    await context.addInitScript(() => {
      const setItem = Object.getOwnPropertyDescriptor(Storage.prototype, 'setItem')!.value as Storage['setItem'];
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        if (key.startsWith('span-lab:v1:code:') || key.startsWith('span-lab:v1:run:')) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        setItem.call(this, key, value);
      };
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/playground/?scenario=order-processing');
    await expect(page.locator('[data-pg="picker"]')).toHaveValue('order-processing');
    await expect(noticeOf(page)).toBeHidden();
    const edited = `${await editorCode(page)}\n// too big for storage\n`;
    await setCode(page, edited);
    await page.locator('scenario-editor').dispatchEvent('change');
    await expect(noticeOf(page)).toContainText(
      'Browser storage is full: your latest edits are kept only until you close the page.',
    );
    await page.locator('[data-pg="picker"]').selectOption('http-chain');
    await page.locator('[data-pg="picker"]').selectOption('order-processing');
    expect(await editorCode(page)).toBe(edited);
    expect(await runToEnd(page)).toMatch(/^Ran in/);
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Rows 7–10: hostile span names and attribute values
// ---------------------------------------------------------------------------------------------

test('rows 7–10: hostile names and attribute values render literally in the waterfall, the link graph and the table', async ({
  page,
  originGuard,
}) => {
  const names = [
    'a : b',
    'title x',
    'section y',
    'excludes z',
    '5% done',
    'click s0 call alert()',
    'end',
    'line one\nline two',
    '%%{init: {"themeCSS": "body{display:none}"}}%%',
    '"]-->X[pwn',
    'a|b --> c',
    '<img src=x onerror=alert(1)>',
    '<script>alert(2)</script>',
  ];
  const hostileValue = '<img src=y onerror=alert(3)>"]-.->Y[pwn';
  await openPlayground(page, 'order-processing');
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const source = [
    API,
    "const t = trace.getTracer('t');",
    "const origin = t.startSpan('origin');",
    'origin.end();',
    "t.startActiveSpan('root', (root) => {",
    ...names.map(
      (name) =>
        `  t.startSpan(${JSON.stringify(name)}, { attributes: { note: ${JSON.stringify(hostileValue)} }, links: [{ context: origin.spanContext(), attributes: { why: ${JSON.stringify(hostileValue)} } }] }).end();`,
    ),
    // 5 ms long: a trace of 0 ms folds into one row of the waterfall, and here every span needs its bar.
    '  root.end(Date.now() + 5);',
    '});',
  ].join('\n');
  await setCode(page, source);
  const total = names.length + 2;
  expect(await runToEnd(page)).toMatch(new RegExp(`^Ran in \\d+ ms: ${total} spans in 2 traces`));
  const styleBefore = await page.evaluate(() => getComputedStyle(document.body).display);

  // The table: one row per span, each name exactly as written.
  expect(await tableNames(page)).toEqual(['origin', 'root', ...names]);
  await expect(shownPanel(page).getByText(hostileValue, { exact: false }).first()).toBeAttached();

  // The waterfall: one bar per span, the names as text.
  await showTab(page, 'Waterfall');
  await page.evaluate(() =>
    (document.querySelector('trace-views') as HTMLElement & { whenDrawn(): Promise<void> }).whenDrawn(),
  );
  const waterfall = shownPanel(page);
  await expect(waterfall.locator('svg [role="button"]')).toHaveCount(total);
  const waterfallText = await waterfall
    .locator('svg')
    .evaluateAll((svgs) => svgs.map((svg) => svg.textContent).join('\n'));
  for (const name of names.filter((n) => !n.includes('\n'))) expect(waterfallText, name).toContain(name);

  // The link graph: one node per span, no node or edge made from a name, names and link attributes as text.
  await showTab(page, 'Link graph');
  await page.evaluate(() =>
    (document.querySelector('trace-views') as HTMLElement & { whenDrawn(): Promise<void> }).whenDrawn(),
  );
  const graph = shownPanel(page);
  await expect(graph.locator('svg [role="button"]')).toHaveCount(total);
  await expect(graph.locator('svg g.node')).toHaveCount(total);
  const graphText = (await graph.locator('svg').first().textContent()) ?? '';
  for (const name of names.filter((n) => !n.includes('\n'))) expect(graphText, name).toContain(name);
  expect(graphText).toContain('pwn');
  expect(
    await graph
      .locator('svg')
      .first()
      .evaluate((svg) => svg.querySelectorAll('[id*="pwn"], [id*="-X-"], [id*="-Y-"]').length),
  ).toBe(0);

  // Nothing was interpreted: no element, script, image, dialog or request came from the text.
  expect(await page.locator('trace-views img, trace-views script, trace-views foreignObject script').count()).toBe(0);
  expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe(styleBefore);
  expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
  await pageSettled(page);
  expect(dialogs).toBe(0);
  expect(originGuard.requested.filter((url) => /\/(x|y)$/.test(url))).toEqual([]);
});
