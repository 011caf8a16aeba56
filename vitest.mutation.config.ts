// The fast tests Stryker runs against each mutant (`npm run mutation`): no browser, no CLI spawn.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/core/**/*.test.ts',
      'tests/config/**/*.test.ts',
      'tests/content/**/*.test.ts',
      'tests/serve/{coalesce,html-diff,listen,protocol,rate-limit,safe-path,token,urls}.test.ts',
      'tests/rehearse/{recorder,report,record-limits,apply,format,journal,summarize}.test.ts',
      'tests/export/{requests,slides,checks,pdf-amend}.test.ts',
    ],
    exclude: ['tests/content/reveal-parity.test.ts'],
    testTimeout: 60_000,
  },
});
