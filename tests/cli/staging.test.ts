/**
 * A failed build or export leaves the output folder byte for byte as it was, through the CLI: the output is
 * staged beside it and swapped in only on success (src/render/stage.ts). A failed export into a folder that did not
 * exist leaves none, and no stage: tests/cli/pdf.test.ts (its export that fails the checks).
 */
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { defaultDeckPdf } from '../helpers/default-deck-pdf.js';
import { ensureCompiled, hashTree, OUT, ROOT, runCli } from './run.js';

const WORK = join(OUT, 'staging');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const SMALL = join(FIXTURES, 'export', 'small');

/** Leftover stage folders beside an output folder. */
function stagesBeside(out: string): string[] {
  return readdirSync(dirname(out)).filter((name) => name.includes('.stage-'));
}

/**
 * The output folder of one good export, copied for each test that starts from an earlier export: the default deck's
 * `deck pdf` the run already makes for other files (tests/helpers/default-deck-pdf.ts), not an export of its own.
 */
let firstExport: string;

/** An output folder from an earlier good export, plus a file of the user's. */
async function previousExport(name: string): Promise<string> {
  const out = join(WORK, name, 'out');
  cpSync(firstExport, out, { recursive: true });
  writeFileSync(join(out, 'notes-of-mine.txt'), 'kept');
  return out;
}

let browser: Browser;

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  // The browser is only for a run without the global setup, which then exports the default deck here.
  browser = await startChromium();
  const [shared] = await Promise.all([defaultDeckPdf('gpt', browser), ensureCompiled()]);
  firstExport = dirname(shared.index);
  expect(readdirSync(firstExport).sort()).toEqual(['assets', 'deck.pdf', 'handout.pdf', 'index.html']);
}, 600_000);

afterAll(async () => {
  if (browser) await closeBrowser(browser);
});

// Each test has folders of its own, and each CLI run is a process of its own: they run at once.
describe.concurrent('a failed export or build leaves the output folder as it was', () => {
  it('export failing its checks: no index.html, assets or PDFs of the failed deck', async () => {
    const out = await previousExport('checks');
    const before = hashTree(out);
    const failed = await runCli(['pdf', join(FIXTURES, 'export', 'overflow'), '-o', out], { timeoutMs: 60_000 });
    expect(failed.code, failed.stderr).toBe(4);
    expect(failed.stderr).toContain('nothing was written');
    expect(hashTree(out)).toBe(before);
    expect(stagesBeside(out)).toEqual([]);
  }, 90_000);

  it('export timing out halfway', async () => {
    const out = await previousExport('timeout');
    const before = hashTree(out);
    const failed = await runCli(['pdf', SMALL, '-o', out, '--timeout', '50'], { timeoutMs: 60_000 });
    expect(failed.code, failed.stderr).toBe(4);
    expect(hashTree(out)).toBe(before);
    expect(stagesBeside(out)).toEqual([]);
  }, 90_000);

  it('build whose files cannot all be swapped in (a file where its assets folder goes)', async () => {
    const out = join(WORK, 'blocked', 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'assets'), 'a file, not a folder');
    writeFileSync(join(out, 'index.html'), '<p>the previous build</p>');
    const before = hashTree(out);
    const failed = await runCli(['build', SMALL, '-o', out]);
    expect(failed.code, failed.stderr).toBe(6);
    expect(failed.stderr).toContain(out);
    expect(hashTree(out)).toBe(before);
    expect(stagesBeside(out)).toEqual([]);
  });

  it('build with bad input', async () => {
    const out = await previousExport('bad-input');
    const before = hashTree(out);
    const failed = await runCli(['build', join(FIXTURES, 'bad', 'image-missing.md'), '-o', out]);
    expect(failed.code, failed.stderr).toBe(2);
    expect(hashTree(out)).toBe(before);
    expect(stagesBeside(out)).toEqual([]);
  }, 90_000);

  it('a good export after all that replaces the files and keeps the user’s own', async () => {
    const out = await previousExport('good');
    const good = await runCli(['pdf', SMALL, '-o', out, '-q', '--no-handout'], { timeoutMs: 60_000 });
    expect(good.code, good.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['assets', 'deck.pdf', 'handout.pdf', 'index.html', 'notes-of-mine.txt']);
    expect(stagesBeside(out)).toEqual([]);
  }, 90_000);
});
