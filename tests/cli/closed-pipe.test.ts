import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../helpers/temp-folder.js';
import { BIN, ROOT } from './run.js';

const temp = useTempFolder('deck-closed-pipe-');
const FOLDER_DECK = join(ROOT, 'tests', 'fixtures', 'decks', 'folder');

/** `deck …args` with its stdout or stderr read by nobody: the reader's end is closed before the CLI writes a byte. */
function runWithClosed(stream: 'stdout' | 'stderr', args: string[]): Promise<{ code: number | null; other: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child[stream].destroy();
    let other = '';
    child[stream === 'stdout' ? 'stderr' : 'stdout'].on('data', (chunk) => (other += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, other }));
  });
}

describe('a closed pipe (deck … | head)', () => {
  it('ends the output, not the build: the deck is built and the exit status is 0', async () => {
    const out = join(temp.path(), 'built');
    const run = await runWithClosed('stdout', ['build', FOLDER_DECK, '-o', out, '--verbose']);
    expect(run.other).not.toMatch(/EPIPE|Unhandled/);
    expect(run.code).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  it('ends --help quietly with status 0', async () => {
    const run = await runWithClosed('stdout', ['notes', '--help']);
    expect(run.other).toBe('');
    expect(run.code).toBe(0);
  });

  it('keeps a failure’s own exit status when its message cannot be read', async () => {
    const run = await runWithClosed('stderr', ['build', join(temp.path(), 'no-such-deck'), '-o', join(temp.path(), 'none')]);
    expect(run.code).toBe(2);
    expect(existsSync(join(temp.path(), 'none'))).toBe(false);
  });
});
