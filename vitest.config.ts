import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'tests/**/*.test.ts'],
    // Scenario runs and CLI tests spawn processes; on a loaded two-core machine one can take long.
    // A passing test never waits this out.
    testTimeout: 120_000,
  },
});
