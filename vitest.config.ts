import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'tests/**/*.test.ts'],
    // Scenario runs spawn worker threads; two cores are shared between them.
    testTimeout: 30_000,
  },
});
