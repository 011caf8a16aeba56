import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests share one Chromium per file; two cores, so at most two files at once.
    maxWorkers: 2,
  },
});
