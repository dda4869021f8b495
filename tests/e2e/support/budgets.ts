import type { BrowserContext, Page } from '@playwright/test';
import { TEST_BUDGETS_GLOBAL, type TestBudgets } from '../../../src/components/playground/test-budgets.ts';

/** The budgets a browser test may set for the runs of a page. */
export type RunBudgets = TestBudgets;

/**
 * Sets the run budgets of every page `target` opens from now on, before its scripts run. A test
 * that must exhaust a budget makes it short (a runaway loop then costs it 1 s, not the real 5 s);
 * a test that must outlast one makes it long. One test keeps the real default, to prove it.
 */
export async function setRunBudgets(target: Page | BrowserContext, budgets: RunBudgets): Promise<void> {
  await target.addInitScript(
    ([key, value]) => {
      (globalThis as Record<string, unknown>)[key] = value;
    },
    [TEST_BUDGETS_GLOBAL, budgets] as const,
  );
}

/** The wall-clock budget's message for a budget of `seconds`, as the status line shows it. */
export function wallClockStop(seconds: number): RegExp {
  return new RegExp(`The run was stopped after ${String(seconds)} s of wall-clock time \\(the wall-clock budget\\)`);
}
