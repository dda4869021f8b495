/**
 * `npm test`: runs the checks one stage after another, stops at the first that fails, and prints
 * how long each took, so a slow CI run says where its time went.
 * Stages: lint, check (astro check), vitest, build, e2e (Playwright against the build).
 * `npm test -- vitest e2e` runs only the stages named.
 */
import { spawnSync } from 'node:child_process';

/** One stage: its name and the command it runs (through the npm scripts' PATH, Node 24 first). */
const STAGES: ReadonlyArray<readonly [name: string, command: string]> = [
  ['lint', 'npm run -s lint'],
  ['check', 'npm run -s check'],
  ['vitest', 'vitest run'],
  ['build', 'astro build'],
  ['e2e', 'playwright test'],
];

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !STAGES.some(([stage]) => stage === name));
if (unknown.length > 0) {
  console.error(`Unknown stage: ${unknown.join(', ')}. Stages: ${STAGES.map(([name]) => name).join(', ')}.`);
  process.exit(2);
}

const times: string[] = [];
const format = (ms: number): string => `${(ms / 1000).toFixed(0)} s`;
const started = performance.now();
let failed: string | undefined;
for (const [name, command] of STAGES) {
  if (asked.length > 0 && !asked.includes(name)) continue;
  console.log(`\n▶ ${name}: ${command}`);
  const stageStart = performance.now();
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true });
  const took = performance.now() - stageStart;
  times.push(`${name} ${format(took)}`);
  console.log(`◀ ${name}: ${status === 0 ? 'passed' : 'FAILED'} in ${format(took)}`);
  if (status !== 0) {
    failed = name;
    break;
  }
}
console.log(`\nStage times: ${times.join(' · ')} · total ${format(performance.now() - started)}`);
if (failed) {
  console.error(`npm test failed at stage "${failed}".`);
  process.exit(1);
}
