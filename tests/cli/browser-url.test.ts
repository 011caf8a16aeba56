/**
 * `--browser-url` / `DECK_BROWSER_URL`: `deck pdf` connects to a Chromium that is already running (here one this
 * file starts, listening for DevTools on a free loopback port) instead of launching one, works in a browser
 * context of its own, and leaves that browser running with nothing of its run open in it: after a success, and
 * after Ctrl+C. A URL that is not on this machine, or where nothing answers, is refused with exit 3 (as a browser
 * that will not start) naming it, and nothing is written.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeBrowser, type Browser } from '../../src/browser/index.js';
import { devToolsUrl, launchWithDevToolsPort } from '../helpers/devtools-url.js';
import { pageText, readPdfPages } from '../helpers/pdf-pages.js';
import { ensureCompiled, ROOT, runCli, startCli } from './run.js';

const DECK = join(ROOT, 'tests/fixtures/export/small');
const work = mkdtempSync(join(tmpdir(), 'deck-browser-url-test-'));

let browser: Browser;
let wsUrl: string;
let httpUrl: string;

beforeAll(async () => {
  await ensureCompiled();
  browser = await launchWithDevToolsPort();
  wsUrl = devToolsUrl(browser);
  httpUrl = `http://127.0.0.1:${new URL(wsUrl).port}`;
});

afterAll(async () => {
  await closeBrowser(browser);
  rmSync(work, { recursive: true, force: true });
});

/** The browser's contexts other than its default one, and its pages: whoever made them (the CLI runs did). */
async function openInBrowser(): Promise<{ contexts: string[]; pages: string[] }> {
  const session = await browser.target().createCDPSession();
  try {
    const { browserContextIds } = await session.send('Target.getBrowserContexts');
    const { targetInfos } = await session.send('Target.getTargets');
    return { contexts: browserContextIds, pages: targetInfos.filter((target) => target.type === 'page').map((target) => target.targetId) };
  } finally {
    await session.detach().catch(() => {});
  }
}

/** Every page's text, page by page. */
async function textsOf(pdf: string): Promise<string[]> {
  return (await readPdfPages(pdf)).map(pageText);
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('deck pdf with a running Chromium', () => {
  it('--browser-url (beating DECK_BROWSER_URL) and DECK_BROWSER_URL (ws://) write the PDFs a launched Chromium writes, and leave the browser running with no context or page of theirs', async () => {
    const before = await openInBrowser();
    const out = (name: string) => join(work, name);
    const [byFlag, byEnv, launched] = await Promise.all([
      // The flag wins over the environment (which here names a host that would be refused).
      runCli(['pdf', DECK, '-o', out('flag'), '--browser-url', httpUrl, '--verbose'], {
        env: { DECK_BROWSER_URL: 'http://192.0.2.1:9222' },
      }),
      runCli(['pdf', DECK, '-o', out('env'), '--no-handout', '--verbose'], { env: { DECK_BROWSER_URL: wsUrl } }),
      runCli(['pdf', DECK, '-o', out('launched'), '--verbose'], { env: { DECK_BROWSER_URL: undefined } }),
    ]);
    expect(byFlag.code, byFlag.stderr).toBe(0);
    expect(byEnv.code, byEnv.stderr).toBe(0);
    expect(launched.code, launched.stderr).toBe(0);
    expect(byFlag.stderr).toContain(`connected to the running Chromium at ${httpUrl}`);
    expect(byEnv.stderr).toContain(`connected to the running Chromium at ${wsUrl}`);
    // Neither started a Chromium of its own; the launched run did.
    expect(byFlag.stderr + byEnv.stderr).not.toMatch(/launching \S+chrom/i);
    expect(launched.stderr).toMatch(/launching \S+chrom/i);

    const slides = await textsOf(join(out('launched'), 'deck.pdf'));
    const handout = await textsOf(join(out('launched'), 'handout.pdf'));
    expect(slides.length).toBe(6); // the small deck: 5 slides, one with a fragment step
    expect(handout.length).toBe(5);
    expect(await textsOf(join(out('flag'), 'deck.pdf'))).toEqual(slides);
    expect(await textsOf(join(out('flag'), 'handout.pdf'))).toEqual(handout);
    expect(await textsOf(join(out('env'), 'deck.pdf'))).toEqual(slides);
    expect(existsSync(join(out('env'), 'handout.pdf'))).toBe(false);

    // The browser is still running, with what it had before and nothing of the runs.
    expect(browser.connected).toBe(true);
    expect(browser.process()?.exitCode).toBeNull();
    expect(await openInBrowser()).toEqual(before);
  });

  it('a URL not on this machine: exit 3 naming the URL and where it came from, nothing written, for the flag and for DECK_BROWSER_URL', async () => {
    const [byFlag, byEnv] = await Promise.all([
      runCli(['pdf', DECK, '-o', join(work, 'far-flag'), '--browser-url', 'http://192.0.2.1:9222']),
      runCli(['png', DECK, '-o', join(work, 'far-env')], { env: { DECK_BROWSER_URL: 'ws://example.com:9222/devtools/browser/x' } }),
    ]);
    expect(byFlag.code, byFlag.stderr).toBe(3);
    expect(byFlag.stderr).toContain('--browser-url http://192.0.2.1:9222 is not on this machine');
    expect(byEnv.code, byEnv.stderr).toBe(3);
    expect(byEnv.stderr).toContain('DECK_BROWSER_URL ws://example.com:9222/devtools/browser/x is not on this machine');
    expect(existsSync(join(work, 'far-flag'))).toBe(false);
    expect(existsSync(join(work, 'far-env'))).toBe(false);
  });

  it('a URL where no Chromium answers: exit 3 naming the URL, nothing written', async () => {
    const dead = `http://127.0.0.1:${await deadPort()}`;
    const result = await runCli(['pdf', DECK, '-o', join(work, 'dead'), '--browser-url', dead]);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toContain(`no Chromium answers at ${dead}`);
    expect(existsSync(join(work, 'dead'))).toBe(false);
  });

  it('Ctrl+C during a connected export: its context (and page) closed, the browser left running, nothing written', async () => {
    // A deck whose page keeps the renderer busy, so the export is surely in the middle of loading it at Ctrl+C.
    const deck = join(work, 'busy-deck');
    mkdirSync(deck, { recursive: true });
    writeFileSync(join(deck, '01.md'), '# Busy\n\n<script>const end = Date.now() + 60000; while (Date.now() < end) {}</script>\n');
    const before = await openInBrowser();
    const out = join(work, 'interrupted');
    const { child, output, exited } = startCli(['pdf', deck, '-o', out, '--browser-url', httpUrl, '--timeout', '2m', '--verbose']);
    try {
      await vi.waitFor(() => expect(output()).toContain('connected to the running Chromium'), { timeout: 60_000, interval: 20 });
      // Its context holds a page of the run.
      await vi.waitFor(
        async () => {
          const now = await openInBrowser();
          expect(now.contexts).toHaveLength(before.contexts.length + 1);
          expect(now.pages.length).toBeGreaterThan(before.pages.length);
        },
        { timeout: 60_000, interval: 50 },
      );
      child.kill('SIGINT');
      const exit = await exited;
      expect(exit.signal ?? exit.code, output()).toBe('SIGINT');
      expect(output()).toContain('SIGINT: closing Chromium');
      expect(existsSync(out)).toBe(false);
      expect(browser.connected).toBe(true);
      expect(browser.process()?.exitCode).toBeNull();
      expect(await openInBrowser()).toEqual(before);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('deck serve --browser-url: its PDFs are printed in the running browser, in a context of its own that goes when the server stops; the browser stays', async () => {
    const before = await openInBrowser();
    const stateHome = mkdtempSync(join(work, 'state-'));
    const { child, output, exited } = startCli(
      ['serve', DECK, '--port', '0', '--no-watch', '--no-qr', '--browser-url', httpUrl, '--verbose'],
      { XDG_STATE_HOME: stateHome },
    );
    try {
      await vi.waitFor(() => expect(output()).toContain('press Ctrl+C to stop'), { timeout: 60_000, interval: 20 });
      const pdfUrl = /PDF of the deck:\s+(http:\/\/\S+)/.exec(output())?.[1];
      expect(pdfUrl, output()).toBeDefined();
      const response = await fetch(pdfUrl!);
      expect(response.status, output()).toBe(200);
      const file = join(work, 'served.pdf');
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      expect((await readPdfPages(file)).length).toBe(6);
      expect(output()).toContain(`connected to the running Chromium at ${httpUrl}`);
      expect(output()).not.toMatch(/launching \S+chrom/i);
      // Kept for the next request while the server runs: one context of its own.
      expect((await openInBrowser()).contexts).toHaveLength(before.contexts.length + 1);
      child.kill('SIGINT');
      await exited;
      expect(browser.connected).toBe(true);
      expect(browser.process()?.exitCode).toBeNull();
      expect(await openInBrowser()).toEqual(before);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
