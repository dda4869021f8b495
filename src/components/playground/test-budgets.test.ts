import { describe, expect, it } from 'vitest';
import { TEST_BUDGETS_GLOBAL, testBudgets } from './test-budgets.ts';

describe('testBudgets', () => {
  it('is empty on a page no test touched', () => {
    expect(testBudgets({})).toEqual({});
  });

  it('takes the budgets a test set', () => {
    const scope = { [TEST_BUDGETS_GLOBAL]: { wallClockBudgetMs: 1_000, spanBudget: 50 } };
    expect(testBudgets(scope)).toEqual({ wallClockBudgetMs: 1_000, spanBudget: 50 });
  });

  it('ignores values out of range, of the wrong type, and keys it does not know', () => {
    const scope = {
      [TEST_BUDGETS_GLOBAL]: { wallClockBudgetMs: 0, virtualTimeBudgetMs: '5000', spanBudget: 1.5, seed: 3 },
    };
    expect(testBudgets(scope)).toEqual({});
    expect(testBudgets({ [TEST_BUDGETS_GLOBAL]: 'fast' })).toEqual({});
  });
});
