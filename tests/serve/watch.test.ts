import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/log.js';
import { startServer } from '../../src/serve/index.js';
import { watchDeck } from '../../src/serve/watch.js';
import { copyFixture, rawGet } from './helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A watched folder with one file, and the text of that file each time the watcher reported it. */
async function watchedFile() {
  const dir = mkdtempSync(join(tmpdir(), 'deck-watch-test-'));
  const file = join(dir, 'slides.md');
  writeFileSync(file, '# zero\n');
  const seen: string[] = [];
  let reported = () => {};
  const watcher = await watchDeck(
    { dirs: [dir], shallowDirs: [], files: [] },
    {
      ignoreDirs: [],
      logger: createMemoryLogger(),
      onChange: (path) => {
        seen.push(readFileSync(path, 'utf8'));
        reported();
      },
    },
  );
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => watcher.close(),
  );
  const nextReport = () => new Promise<void>((resolve) => (reported = resolve));
  return { file, seen, nextReport };
}

describe('watchDeck', () => {
  it('reports a second save made right after the first (within chokidar’s 50 ms throttle), so the last text is built', async () => {
    const { file, seen, nextReport } = await watchedFile();
    const first = nextReport();
    writeFileSync(file, '# one\n');
    await first;
    // A formatter rewriting the file just after the editor saved it.
    writeFileSync(file, '# two, formatted\n');
    const deadline = Date.now() + 3000;
    while (seen.at(-1) !== '# two, formatted\n' && Date.now() < deadline) await pause(20);
    expect(seen.at(-1)).toBe('# two, formatted\n');
  });

  it('reports one save once: the second look finds nothing new', async () => {
    const { file, seen, nextReport } = await watchedFile();
    const first = nextReport();
    writeFileSync(file, '# one\n');
    await first;
    await pause(400);
    expect(seen).toEqual(['# one\n']);
  });
});

describe('the server', () => {
  it('serves the second of two quick saves, not the first', async () => {
    const deck = copyFixture();
    const server = await startServer({ deck: deck.dir, port: 0, logger: createMemoryLogger(), token: 'watch-test-token-1234' });
    cleanups.push(
      () => deck.remove(),
      () => server.close(),
    );
    const body = join(deck.dir, '01-body.md');
    const original = readFileSync(body, 'utf8');
    const built = new Promise((resolve) => server.events.once('build', resolve));
    writeFileSync(body, original.replace('Original body text.', 'First save.'));
    await built;
    writeFileSync(body, original.replace('Original body text.', 'Second save.'));
    const deadline = Date.now() + 5000;
    let html = '';
    while (!html.includes('Second save.') && Date.now() < deadline) {
      await pause(50);
      await server.idle();
      html = (await rawGet(server.port, '/')).body;
    }
    expect(html).toContain('Second save.');
    expect(html).not.toContain('First save.');
  });
});
