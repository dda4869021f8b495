/**
 * The browser tests: Playwright drives Debian's Chromium against the built site, served by
 * `astro preview`. `npm run test:e2e` builds the site first.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, ORIGIN, PORT } from './tests/e2e/support/site.ts';

// SPANLAB_CHROMIUM, else a Chromium or Chrome on the PATH, else Playwright's own; never a download.
const browser = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  // Only specs: `*.test.ts` beside the support code are vitest's.
  testMatch: '**/*.spec.ts',
  // Cleaned at the start of each run; screenshots go to its screenshots/ folder.
  outputDir: 'test-results',
  fullyParallel: true,
  // Two workers, one per core. A browser test mostly waits (for a run's budget, a worker, a
  // drawn diagram): the whole suite used 305 CPU-seconds in 689 s of wall clock on two workers,
  // 44% of one core, with other work at low priority on the machine; one worker took 738 s on an
  // idle machine on an earlier day (two cores both times, so not a clean comparison). `npm test`
  // runs the checks beside it at a lower priority to use the rest.
  workers: 2,
  forbidOnly: process.env['CI'] !== undefined,
  reporter: [['list'], ['./tests/e2e/support/slowest-reporter.ts']],
  // Generous, because tests wait for states, never for durations: a passing test never waits
  // these out, and a loaded two-core machine gets the time it needs.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: ORIGIN,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: browser.path, args: [...CHROMIUM_ARGS] },
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    // Recording a trace for every test costs about a third of the suite's time (measured: 183 s
    // against 116 s for the playground specs on two workers), so it is opt-in: SPANLAB_E2E_TRACE=1
    // keeps one for each failing test; `--trace on` on the command line records them all.
    trace: process.env['SPANLAB_E2E_TRACE'] === '1' ? 'retain-on-failure' : 'off',
  },
  webServer: {
    // --ignore-lock: run beside any preview server a developer has open, without taking its lock.
    command: `astro preview --ignore-lock --host 127.0.0.1 --port ${String(PORT)}`,
    url: `${ORIGIN}/`,
    reuseExistingServer: false,
    // Generous for the same reason: on a loaded machine the preview server took 72 s to start.
    timeout: 180_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
