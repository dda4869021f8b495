/**
 * A Playwright reporter that prints the slowest tests at the end of a run, so every CI log says
 * where the browser tests' time goes (`SPANLAB_SLOWEST=N` prints N; the default is 10).
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SlowestReporter implements Reporter {
  readonly #durations: Array<{ title: string; ms: number }> = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    const title = `${test.location.file.replace(/^.*tests\/e2e\//, '')}:${String(test.location.line)} › ${test.title}`;
    this.#durations.push({ title, ms: result.duration });
  }

  onEnd(_result: FullResult): void {
    const count = Number(process.env['SPANLAB_SLOWEST'] ?? '10');
    const slowest = [...this.#durations].sort((a, b) => b.ms - a.ms).slice(0, count);
    if (slowest.length === 0) return;
    const total = this.#durations.reduce((sum, { ms }) => sum + ms, 0);
    console.log(
      `\nSlowest ${String(slowest.length)} of ${String(this.#durations.length)} tests (${(total / 1000).toFixed(0)} s in all tests):`,
    );
    for (const { title, ms } of slowest) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${title}`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
