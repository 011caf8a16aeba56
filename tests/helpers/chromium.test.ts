/**
 * The test files' Chromium (tests/helpers/chromium.ts): the worker's browser is lent to one file at a time, and
 * handing it back leaves it as a fresh launch would for the next file: no page or browser context left open, no
 * cookie or localStorage of the origins the file visited. A second browser asked for in the same file is its own.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startChromium, storageOrigin, type Browser } from './chromium.js';

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/set-cookie') response.setHeader('set-cookie', 'left=yes; Max-Age=3600');
    response.end('<!doctype html><title>origin</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** What a page of `origin` in `browser` finds in its storage. */
async function storageSeen(browser: Browser): Promise<{ local: string | null; cookie: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/`);
    return await page.evaluate(() => ({ local: localStorage.getItem('left'), cookie: document.cookie }));
  } finally {
    await page.close();
  }
}

describe('the worker’s Chromium', () => {
  it('is handed back with every page and context closed and the visited origins’ storage cleared', async () => {
    const browser = await startChromium();
    let handedBack = false;
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/set-cookie`);
      await page.evaluate(() => localStorage.setItem('left', 'by the last file'));
      expect(await storageSeen(browser)).toEqual({ local: 'by the last file', cookie: 'left=yes' });
      const context = await browser.createBrowserContext();
      await context.newPage();
      await closeBrowser(browser);
      handedBack = true;

      expect(browser.connected).toBe(true);
      expect(await browser.pages()).toEqual([]);
      expect(browser.browserContexts()).toEqual([browser.defaultBrowserContext()]);
      const again = await startChromium();
      handedBack = false;
      expect(again).toBe(browser);
      expect(await storageSeen(again)).toEqual({ local: null, cookie: '' });
    } finally {
      if (!handedBack) await closeBrowser(browser);
    }
  });

  it('a second browser asked for while the file holds the worker’s is the file’s own, closed when handed back', async () => {
    const [worker, own] = await Promise.all([startChromium(), startChromium()]);
    try {
      expect(own).not.toBe(worker);
      expect(own.process()?.pid).not.toBe(worker.process()?.pid);
    } finally {
      await closeBrowser(own);
      await closeBrowser(worker);
    }
    expect(own.connected).toBe(false);
    expect(worker.connected).toBe(true);
  });

  it('storage is cleared by the origin Chromium keys it under, for the http(s) pages the test servers serve', () => {
    expect(storageOrigin('http://127.0.0.1:4000/presenter?x=1')).toBe('http://127.0.0.1:4000');
    expect(storageOrigin('file:///tmp/deck/index.html#/2')).toBeUndefined();
    expect(storageOrigin('about:blank')).toBeUndefined();
  });
});
