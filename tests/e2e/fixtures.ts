/**
 * The browser tests' one entry point: import `test` and `expect` from here, never from
 * `@playwright/test`, so that every test runs under the origin guard.
 */
import { test as base, expect } from '@playwright/test';
import { guardOrigin } from './support/origin-guard.ts';
import type { OriginGuard } from './support/origin-guard.ts';
import { ORIGIN } from './support/site.ts';

/** Playwright's `test`, failing any test during which a request left the origin. */
export const test = base.extend<{ originGuard: OriginGuard }>({
  originGuard: [
    async ({ context }, use) => {
      const guard = guardOrigin(context, ORIGIN);
      await use(guard);
      expect(guard.outside(), `requests that left ${ORIGIN}`).toEqual([]);
    },
    { auto: true },
  ],
});

/** Playwright's `expect`, re-exported so tests need only this module. */
export { expect };
export { describeViolations, seriousViolations } from './support/axe.ts';
export type { AxeScanOptions, AxeViolation } from './support/axe.ts';
export { guardOrigin, staysHome } from './support/origin-guard.ts';
export type { OriginGuard } from './support/origin-guard.ts';
export { saveElementScreenshot, saveScreenshot, SCREENSHOT_DIR } from './support/screenshot.ts';
export { ORIGIN } from './support/site.ts';
export { setRunBudgets, wallClockStop } from './support/budgets.ts';
export { switchColorScheme } from './support/color-scheme.ts';
export type { ColorScheme } from './support/color-scheme.ts';
export type { RunBudgets } from './support/budgets.ts';
