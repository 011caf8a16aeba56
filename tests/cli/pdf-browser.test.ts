/**
 * `deck pdf` starts its Chromium first thing (src/browser/start.ts) and no longer waits for it to die before it
 * finishes the PDFs: whatever way the run ends, no Chromium of it may be left running and no profile left in the
 * temporary folder when the command has exited. Each run gets its own TMPDIR, so only its own profiles and
 * processes are looked at (other runs use Chromium on this machine too). These runs launch their own Chromium
 * (DECK_BROWSER_URL unset; a running one is tested in tests/cli/browser-url.test.ts).
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PROFILE_PREFIX } from '../../src/browser/start.js';
import { processesNaming } from '../helpers/processes.js';
import { ROOT, runCli, startCli } from './run.js';

const DECK = join(ROOT, 'tests/fixtures/export/small');
const work = mkdtempSync(join(tmpdir(), 'deck-pdf-browser-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tmps: string[] = [];
afterAll(() => {
  for (const dir of tmps) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder to be a run's TMPDIR, with a short path: Chromium's socket in it must fit in 108 bytes. */
function privateTmp(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${name.slice(0, 2)}-`));
  tmps.push(dir);
  return dir;
}

function profilesIn(tmp: string): string[] {
  return readdirSync(tmp).filter((name) => name.startsWith(PROFILE_PREFIX));
}

async function expectNothingLeft(tmp: string, output = ''): Promise<void> {
  // Removed by the command itself, before it exited.
  expect(profilesIn(tmp), output).toEqual([]);
  // Killed before it exited; the kernel may take a moment to tear the processes down.
  await vi.waitFor(() => expect(processesNaming(tmp)).toEqual([]), { timeout: 30_000, interval: 100 });
}

/** A stand-in for Chromium: a shell script (its command line names its own path, inside `tmp`). */
function fakeBrowser(tmp: string, body: string): string {
  const path = join(tmp, 'fake-chromium');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe("deck pdf's own Chromium", () => {
  it('exports, then leaves no Chromium running and no profile behind', async () => {
    const tmp = privateTmp('ok');
    const out = join(work, 'ok-out');
    const result = await runCli(['pdf', DECK, '-o', out, '--no-handout', '--verbose'], {
      env: { TMPDIR: tmp, DECK_BROWSER_URL: undefined },
    });
    expect(result.code, result.stderr).toBe(0);
    // Started before the deck was even looked at (the launch line comes before anything of the export).
    expect(result.stderr).toMatch(/launching \S+chrom/i);
    expect(result.stdout + result.stderr).toMatch(/deck\.pdf \(\d+ pages?\)/);
    expect(readFileSync(join(out, 'deck.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    await expectNothingLeft(tmp);
  });

  it('a deck that does not exist: the Chromium started for it is ended and its profile removed, exit 2', async () => {
    const tmp = privateTmp('missing');
    const result = await runCli(['pdf', join(work, 'no-such-deck'), '-o', join(work, 'missing-out'), '--verbose'], {
      env: { TMPDIR: tmp, DECK_BROWSER_URL: undefined },
    });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/launching \S+chrom/i); // it was started before the deck was looked for
    expect(existsSync(join(work, 'missing-out'))).toBe(false);
    await expectNothingLeft(tmp);
  });

  it('a browser that will not start: the same typed error and exit status 3, its reason, nothing left', async () => {
    const tmp = privateTmp('broken');
    const browser = fakeBrowser(tmp, 'echo "fake-chromium: cannot open shared object file" >&2\nexit 127');
    const result = await runCli(['pdf', DECK, '-o', join(work, 'broken-out'), '--no-handout', '--verbose'], {
      env: { TMPDIR: tmp, CHROME_PATH: browser, DECK_BROWSER_URL: undefined },
      timeoutMs: 20_000,
    });
    expect(result.code, result.stderr + result.stdout).toBe(3);
    expect(result.stderr).toContain(`Chromium at ${browser} would not start: fake-chromium: cannot open shared object file`);
    expect(existsSync(join(work, 'broken-out'))).toBe(false);
    await expectNothingLeft(tmp);
  });

  it('Ctrl+C while Chromium is still starting: ended and its profile removed before the run ends, as interrupted', async () => {
    const tmp = privateTmp('interrupted');
    // Never answers on the DevTools pipe, so the run is still waiting for it when Ctrl+C comes.
    const browser = fakeBrowser(tmp, 'while :; do sleep 1; done');
    const { child, output, exited } = startCli(['pdf', DECK, '-o', join(work, 'interrupted-out'), '--verbose'], {
      TMPDIR: tmp,
      CHROME_PATH: browser,
    });
    try {
      await vi.waitFor(() => expect(output()).toContain('launching'), { timeout: 30_000, interval: 20 });
      await vi.waitFor(() => expect(profilesIn(tmp)).toHaveLength(1), { timeout: 30_000, interval: 20 });
      await vi.waitFor(() => expect(processesNaming(tmp).length).toBeGreaterThan(0), { timeout: 30_000, interval: 20 });
      child.kill('SIGINT');
      const exit = await exited;
      expect(exit.signal ?? exit.code, output()).toBe('SIGINT');
      expect(existsSync(join(work, 'interrupted-out'))).toBe(false);
      await expectNothingLeft(tmp, output());
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
