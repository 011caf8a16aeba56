import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The default deck, built once for the files that open it (tests/visual/*).
    globalSetup: ['tests/helpers/default-deck.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests share one Chromium per file; two cores, so at most two files at once.
    maxWorkers: 2,
    // deck serve remembers its token, port and clock per user; tests keep theirs out of the user's home.
    env: { XDG_STATE_HOME: join(tmpdir(), `gpt-deck-test-state-${process.pid}`) },
  },
});
