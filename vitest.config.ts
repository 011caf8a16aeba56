import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The run's own temporary folder: tests, the CLI runs they spawn and Chromium's profiles all write under it, and
// tests/helpers/temp-root.setup.ts removes it when the run ends.
const RUN_TMP = join(tmpdir(), `gpt-deck-test-run-${process.pid}`);

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The default deck, built once for the files that open it (tests/visual/*), and its PDFs exported once, in the
    // background, for the files that read them (tests/export/pdf, tests/export/png, tests/visual/pdf).
    globalSetup: ['tests/helpers/temp-root.setup.ts', 'tests/helpers/default-deck.setup.ts', 'tests/helpers/default-deck-pdf.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores, so at most two files at once.
    maxWorkers: 2,
    // Each worker process runs file after file with the modules it has loaded (puppeteer-core, pdfjs, src/): no
    // module here holds state (no module-level state is a project rule), and loading them again for each of the
    // hundred files cost half the time of the fast tests. Test files are still loaded fresh, one at a time.
    isolate: false,
    // deck serve remembers its token, port and clock per user; tests keep theirs out of the user's home.
    env: { TMPDIR: RUN_TMP, XDG_STATE_HOME: join(RUN_TMP, 'state') },
  },
});
