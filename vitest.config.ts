import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Browser-backed tests are heavy: keep the two cores for them.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
