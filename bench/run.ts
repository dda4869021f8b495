/** `npm run bench`: measures, never asserts. Prints a table of medians. */
import { benchBrowser, benchFirstRunOnly } from './browser.ts';
import { benchEngine, type Row } from './engine.ts';
import { printLintScore } from './lint.ts';

const runs = Number(process.env['BENCH_RUNS'] ?? 7);

function print(title: string, rows: Row[], samples = runs): void {
  console.log(`\n${title} (median of ${samples} runs)\n`);
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) {
    const value = `${row.median.toLocaleString('en-US')} ${row.unit}`;
    const today = row.today ? `   today ${row.today}` : '';
    console.log(
      `${row.name.padEnd(width)}  ${value.padStart(18)}${row.target ? `   target ${row.target}` : ''}${today}`,
    );
  }
}

const only = process.argv[2];
// The first Run on a page: fresh browser contexts, median of 5 (`node bench/run.ts first` alone;
// BENCH_FIRST_RUNS=<n> for fewer samples on a busy machine).
const firstRuns = Number(process.env['BENCH_FIRST_RUNS'] ?? 5);
if (only === 'first')
  print('First Run (Chromium, built site, fresh context each)', await benchFirstRunOnly(firstRuns), firstRuns);
if (only === undefined || only === 'lint') printLintScore();
if (only === 'lint') process.exit(0);
if (only !== 'browser' && only !== 'first') print('Engine', await benchEngine(runs));
// The browser part measures the built site: `npm run bench` builds it first.
if (only !== 'engine' && only !== 'first') print('Browser (Chromium, built site)', await benchBrowser(runs));
