import { globSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Node's module compile cache for every process the tests start (the CLI, a run's child process),
// as `npm run sim` has it: the engine and the SDK compile once per machine, not once per process
// (measured: the CLI and run-in-node files, 77 to 50 CPU-seconds).
process.env['NODE_COMPILE_CACHE'] ??= fileURLToPath(new URL('node_modules/.cache/node-compile-cache', import.meta.url));

const INCLUDE = ['src/**/*.test.ts', 'bench/**/*.test.ts', 'tests/**/*.test.ts'];

/**
 * Test files that change what other files would see — module mocks, stubbed globals or environment
 * variables, fake timers, a DOM environment — run isolated, each in a fresh worker. The rest share workers
 * (`isolate: false`), which saves about half a second of start-up per file: measured here, the
 * whole run went from 254 s to 161 s. Found by reading the files, so a new test that mocks is
 * isolated without anyone keeping a list.
 */
const NEEDS_ISOLATION =
  /\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers|spyOn)\b|@vitest-environment|process\.env\[[^\]]+\]\s*=(?!=)/;
const isolated = globSync(INCLUDE).filter((file) => NEEDS_ISOLATION.test(readFileSync(file, 'utf8')));

export default defineConfig({
  test: {
    // Scenario runs and CLI tests spawn processes; on a loaded two-core machine one can take long.
    // A passing test never waits this out.
    testTimeout: 120_000,
    // The same for set-up: loading Mermaid into jsdom took over 10 s (the default) on a loaded machine.
    hookTimeout: 120_000,
    // One worker per core, not vitest's default of one fewer: many tests wait on the processes they
    // spawn (the CLI, scenario runs), so the cores stay busy (measured on two: 150 s to 111 s).
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'shared', include: INCLUDE, exclude: isolated, isolate: false } },
      { extends: true, test: { name: 'isolated', include: isolated.length > 0 ? isolated : ['(none)'] } },
    ],
  },
});
