/**
 * `deck build --single-file` through the real CLI: --browser picks the Chromium that lays the deck out, and
 * --timeout bounds it; a browser that is not there or a time limit that runs out fails with its own exit status
 * and writes nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/index.js';
import { ensureCompiled, OUT, ROOT, runCli } from './run.js';

const WORK = join(OUT, 'single-file-cli');
const SMALL = join(ROOT, 'tests', 'fixtures', 'export', 'small');

beforeAll(async () => {
  await ensureCompiled();
  mkdirSync(WORK, { recursive: true });
}, 180_000);

// Three processes of their own, each with its own output folder: they run at once.
describe.concurrent('deck build --single-file --browser --timeout', () => {
  it('builds with the browser --browser names', async () => {
    const chromium = (await findBrowser({})).path;
    const out = join(WORK, 'given-browser');
    const result = await runCli(['build', '--single-file', SMALL, '-o', out, '--browser', chromium, '--timeout', '2m'], {
      timeoutMs: 120_000,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('data:font/woff2;base64,');
  }, 150_000);

  it('fails with exit 3 naming the path when --browser is not a browser, and writes nothing', async () => {
    const out = join(WORK, 'no-browser');
    const missing = join(WORK, 'no-such-chromium');
    const result = await runCli(['build', '--single-file', SMALL, '-o', out, '--browser', missing], { timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toContain(missing);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  }, 90_000);

  it('fails with exit 4 when --timeout runs out, and writes nothing', async () => {
    const out = join(WORK, 'timeout');
    const result = await runCli(['build', '--single-file', SMALL, '-o', out, '--timeout', '1'], { timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr).toContain('did not finish within 1ms');
    expect(result.stderr).toContain('raise --timeout');
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  }, 90_000);
});
