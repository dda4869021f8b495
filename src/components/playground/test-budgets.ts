import type { RunOptions } from '@spanlab/engine';

/**
 * The global a browser test sets, before the page loads, to change a run's budgets
 * (`page.addInitScript(() => { globalThis.__SPANLAB_TEST_BUDGETS__ = { wallClockBudgetMs: 1000 } })`).
 * No page, share link or scenario sets it: the sandbox's code runs in another origin and cannot
 * reach the page's globals. Tests use it so that a runaway loop costs them 2 s, not the real 5 s.
 */
export const TEST_BUDGETS_GLOBAL = '__SPANLAB_TEST_BUDGETS__';

/** The budgets a test may change. */
export type TestBudgets = Partial<Pick<RunOptions, 'wallClockBudgetMs' | 'virtualTimeBudgetMs' | 'spanBudget'>>;

/** The smallest and largest value a test may give each budget. */
const RANGES: Record<keyof TestBudgets, readonly [number, number]> = {
  wallClockBudgetMs: [100, 600_000],
  virtualTimeBudgetMs: [1_000, 24 * 60 * 60 * 1000],
  spanBudget: [1, 100_000],
};

/** The budgets a browser test set through {@link TEST_BUDGETS_GLOBAL}, each checked; `{}` on a reader's page. */
export function testBudgets(scope: object = globalThis): TestBudgets {
  const raw: unknown = (scope as Record<string, unknown>)[TEST_BUDGETS_GLOBAL];
  if (raw === null || typeof raw !== 'object') return {};
  const budgets: TestBudgets = {};
  for (const [key, [min, max]] of Object.entries(RANGES) as [keyof TestBudgets, readonly [number, number]][]) {
    const value: unknown = (raw as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) budgets[key] = value;
  }
  return budgets;
}
