/** `npm run bench`: measures, never asserts. Prints a table of medians. */
import { benchBrowser } from './browser.ts';
import { benchEngine, type Row } from './engine.ts';
import { printLintScore } from './lint.ts';

const runs = Number(process.env['BENCH_RUNS'] ?? 7);

function print(title: string, rows: Row[]): void {
  console.log(`\n${title} (median of ${runs} runs)\n`);
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) {
    const value = `${row.median.toLocaleString('en-US')} ${row.unit}`;
    console.log(`${row.name.padEnd(width)}  ${value.padStart(18)}${row.target ? `   target ${row.target}` : ''}`);
  }
}

const only = process.argv[2];
if (only === undefined || only === 'lint') printLintScore();
if (only === 'lint') process.exit(0);
if (only !== 'browser') print('Engine', await benchEngine(runs));
// The browser part measures the built site: `npm run bench` builds it first.
if (only !== 'engine') print('Browser (Chromium, built site)', await benchBrowser(runs));
