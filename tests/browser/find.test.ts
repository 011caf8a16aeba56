import { describe, expect, it } from 'vitest';
import { findBrowser, type FindBrowserOptions } from '../../src/browser/find.js';
import { ErrorCode } from '../../src/core/errors.js';
import { rejectedDeckError } from '../helpers/deck-error.js';

/** A fake machine: these files exist, these commands are on PATH, this is Puppeteer's cache. */
function fake(files: string[], commands: Record<string, string> = {}, extra: Partial<FindBrowserOptions> = {}): FindBrowserOptions {
  const set = new Set(files);
  return {
    env: {},
    platform: 'linux',
    exists: (p) => set.has(p),
    which: (name) => commands[name],
    puppeteerCacheDir: '/home/u/.cache/puppeteer',
    listDir: (dir) => {
      const prefix = `${dir}/`;
      const names = [...set].filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]!);
      return [...new Set(names)];
    },
    uid: 1000,
    debianLike: true,
    ...extra,
  };
}

const CACHED = '/home/u/.cache/puppeteer/chrome/linux-131.0.6778.85/chrome-linux64/chrome';
const SYSTEM = '/usr/bin/chromium';
const FROM_ENV = '/opt/env/chrome';
const FROM_FLAG = '/opt/flag/chrome';
const ALL = [CACHED, SYSTEM, FROM_ENV, FROM_FLAG];

describe('findBrowser order of precedence', () => {
  it('takes the --browser flag over everything else', async () => {
    const found = await findBrowser({ ...fake(ALL, { chromium: SYSTEM }), flag: FROM_FLAG, env: { CHROME_PATH: FROM_ENV } });
    expect(found).toEqual({ path: FROM_FLAG, source: 'flag' });
  });

  it('takes CHROME_PATH over PUPPETEER_EXECUTABLE_PATH, system and cache', async () => {
    const env = { CHROME_PATH: FROM_ENV, PUPPETEER_EXECUTABLE_PATH: SYSTEM };
    expect(await findBrowser({ ...fake(ALL, { chromium: SYSTEM }), env })).toEqual({ path: FROM_ENV, source: 'env' });
  });

  it('uses PUPPETEER_EXECUTABLE_PATH when CHROME_PATH is unset or empty', async () => {
    const env = { CHROME_PATH: '', PUPPETEER_EXECUTABLE_PATH: FROM_ENV };
    expect(await findBrowser({ ...fake(ALL, { chromium: SYSTEM }), env })).toEqual({ path: FROM_ENV, source: 'env' });
  });

  it('prefers a command on PATH, then well-known paths, over the cache', async () => {
    const onPath = '/home/u/bin/google-chrome';
    expect(await findBrowser(fake(ALL, { 'google-chrome': onPath }))).toEqual({ path: onPath, source: 'system' });
    expect(await findBrowser(fake(ALL))).toEqual({ path: SYSTEM, source: 'system' });
  });

  it("on Linux takes Chromium's headless shell (the program, not Debian's wrapper script) before commands on PATH and well-known paths; elsewhere no shell is looked for", async () => {
    const shell = '/usr/lib/chromium/chromium-headless-shell';
    expect(await findBrowser(fake([...ALL, shell], { chromium: SYSTEM }, { platform: 'linux' }))).toEqual({
      path: shell,
      source: 'system',
    });
    expect(await findBrowser(fake([...ALL, '/usr/bin/chromium-headless-shell'], {}, { platform: 'linux' }))).toEqual({
      path: SYSTEM,
      source: 'system',
    });
    const app = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(await findBrowser(fake([app, shell], {}, { platform: 'darwin' }))).toEqual({ path: app, source: 'system' });
  });

  it('checks PATH commands in the documented order', async () => {
    const commands = { 'microsoft-edge': '/x/edge', 'chromium-browser': '/x/chromium-browser' };
    expect((await findBrowser(fake([], commands))).path).toBe('/x/chromium-browser');
  });

  it("falls back to Puppeteer's cache, newest version first, full Chrome before headless shell", async () => {
    const older = '/home/u/.cache/puppeteer/chrome/linux-99.0.1.2/chrome-linux64/chrome';
    const newer = '/home/u/.cache/puppeteer/chrome/linux-131.0.10.1/chrome-linux64/chrome';
    const shell = '/home/u/.cache/puppeteer/chrome-headless-shell/linux-140.0.0.0/chrome-headless-shell-linux64/chrome-headless-shell';
    expect(await findBrowser(fake([older, newer, shell]))).toEqual({ path: newer, source: 'cache' });
    expect(await findBrowser(fake([shell]))).toEqual({ path: shell, source: 'cache' });
  });

  it('uses macOS app bundles on darwin', async () => {
    const app = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(await findBrowser(fake([app, SYSTEM], {}, { platform: 'darwin' }))).toEqual({ path: app, source: 'system' });
  });
});

describe('findBrowser errors', () => {
  it('rejects a --browser path that does not exist, even if another browser is available', async () => {
    const error = await rejectedDeckError(findBrowser({ ...fake(ALL, { chromium: SYSTEM }), flag: '/nope/chrome' }));
    expect(error.code).toBe(ErrorCode.BrowserNotFound);
    expect(error.message).toContain('/nope/chrome');
  });

  it('rejects a CHROME_PATH that does not exist instead of falling through', async () => {
    const error = await rejectedDeckError(findBrowser({ ...fake(ALL, { chromium: SYSTEM }), env: { CHROME_PATH: '/nope/chrome' } }));
    expect(error.code).toBe(ErrorCode.BrowserNotFound);
    expect(error.message).toContain('CHROME_PATH=/nope/chrome');
  });

  it('looks a bare --browser name up on PATH', async () => {
    expect(await findBrowser({ ...fake([], { brave: '/usr/bin/brave' }), flag: 'brave' })).toEqual({
      path: '/usr/bin/brave',
      source: 'flag',
    });
  });

  it('lists every place tried and gives the install command (sudo when not root)', async () => {
    const error = await rejectedDeckError(findBrowser(fake([])));
    expect(error.code).toBe(ErrorCode.BrowserNotFound);
    for (const place of [
      'CHROME_PATH',
      'PUPPETEER_EXECUTABLE_PATH',
      'chromium on PATH',
      'chromium-browser on PATH',
      'google-chrome-stable on PATH',
      'google-chrome on PATH',
      'microsoft-edge on PATH',
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/google-chrome',
      '/opt/google/chrome/chrome',
      '/usr/bin/microsoft-edge',
      '/home/u/.cache/puppeteer/chrome/*/chrome-linux64/chrome',
      '/home/u/.cache/puppeteer/chrome-headless-shell/*/chrome-headless-shell-linux64/chrome-headless-shell',
    ]) {
      expect(error.message).toContain(place);
    }
    expect(error.hint).toContain('sudo apt-get install -y chromium fonts-noto-cjk');
    expect(error.hint).toContain('set CHROME_PATH or pass --browser PATH');
  });

  it('drops sudo from the hint when running as root', async () => {
    const error = await rejectedDeckError(findBrowser(fake([], {}, { uid: 0 })));
    expect(error.hint).toContain('`apt-get install -y chromium fonts-noto-cjk`');
    expect(error.hint).not.toContain('sudo');
  });

  it('does not suggest apt-get off Debian/Ubuntu', async () => {
    const error = await rejectedDeckError(findBrowser(fake([], {}, { debianLike: false })));
    expect(error.hint).not.toContain('apt-get');
    expect(error.hint).toContain('set CHROME_PATH or pass --browser PATH');
  });
});
