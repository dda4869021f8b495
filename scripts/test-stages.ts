/**
 * `npm test`: runs every check and prints how long each stage took, so a slow CI run says where
 * its time went. Stages: lint, check (astro check), vitest, build, e2e (Playwright against the build).
 * `npm test -- vitest e2e` runs only the stages named.
 *
 * The build goes first; then the browser tests run beside lint → check → vitest. The browser
 * stage mostly waits (measured on two cores: bad-inputs.spec took 128 s of wall clock and 53 s of
 * CPU), so the checks fill the idle core instead of adding their ~210 s after it. They run at a
 * lower priority (`nice`), so a browser test never waits on them, and their output is held and
 * printed whole when each stage ends, so it does not interleave with the browser tests' lines.
 */
import { spawn } from 'node:child_process';

interface Stage {
  readonly name: string;
  readonly command: string;
}

const stage = (name: string, command: string): Stage => ({ name, command });

/** Run one after another, output held until each stage ends, at low priority. */
const CHECKS = [stage('lint', 'npm run -s lint'), stage('check', 'npm run -s check'), stage('vitest', 'vitest run')];
const BUILD = stage('build', 'astro build');
/** Runs once the build is done, beside the checks, its output streamed as it comes. */
const E2E = stage('e2e', 'playwright test');
const ALL = [...CHECKS, BUILD, E2E];

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !ALL.some((known) => known.name === name));
if (unknown.length > 0) {
  console.error(`Unknown stage: ${unknown.join(', ')}. Stages: ${ALL.map(({ name }) => name).join(', ')}.`);
  process.exit(2);
}
const wanted = (candidate: Stage): boolean => asked.length === 0 || asked.includes(candidate.name);

const format = (ms: number): string => `${(ms / 1000).toFixed(0)} s`;
const times: string[] = [];
const failures: string[] = [];

/** Runs a stage; resolves to whether it passed. `held` buffers its output and prints it at the end. */
function run({ name, command }: Stage, options: { held: boolean; nice: boolean }): Promise<boolean> {
  const started = performance.now();
  const shell = options.nice && process.platform !== 'win32' ? `nice -n 10 ${command}` : command;
  if (!options.held) console.log(`\n▶ ${name}: ${command}`);
  return new Promise((resolve) => {
    const child = spawn(shell, { shell: true, stdio: options.held ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (status) => {
      const took = performance.now() - started;
      const passed = status === 0;
      if (options.held) {
        console.log(`\n▶ ${name}: ${command} (ran beside the browser tests; its output:)`);
        process.stdout.write(Buffer.concat(output));
      }
      console.log(`◀ ${name}: ${passed ? 'passed' : 'FAILED'} in ${format(took)}`);
      times.push(`${name} ${format(took)}`);
      if (!passed) failures.push(name);
      resolve(passed);
    });
  });
}

/** The checks in order, stopping at the first that fails. */
async function runChecks(): Promise<void> {
  for (const check of CHECKS.filter(wanted)) {
    if (!(await run(check, { held: true, nice: true }))) return;
  }
}

const started = performance.now();
// The build writes what `astro sync` (in lint and check) also writes, so the checks start only
// after it; the browser tests then run beside them.
const built = !wanted(BUILD) || (await run(BUILD, { held: false, nice: false }));
if (built) {
  await Promise.all([runChecks(), wanted(E2E) ? run(E2E, { held: false, nice: false }) : Promise.resolve(true)]);
}
console.log(`\nStage times: ${times.join(' · ')} · total ${format(performance.now() - started)}`);
if (failures.length > 0) {
  console.error(`npm test failed at: ${failures.join(', ')}.`);
  process.exit(1);
}
