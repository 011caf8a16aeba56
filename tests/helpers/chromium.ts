/** A test file's Chromium: its own browser context in the run's shared Chromium (tests/helpers/shared-chromium.setup.ts). */
import puppeteer, { type Browser } from 'puppeteer-core';
import { inject } from 'vitest';
import { closeBrowser, findBrowser, launchBrowser } from '../../src/browser/index.js';

/**
 * Call in beforeAll, close with closeBrowser in afterAll. The browser this returns behaves as one launched for
 * the file: `newPage()` and `pages()` are those of a browser context of the file's own (its cookies, storage and
 * cache shared with no other file), and `close()` closes that context and disconnects, leaving the shared
 * Chromium running for the other files. Pass it wherever a launched browser goes (`exportPdf({ browser })`).
 * `{ own: true }` launches a Chromium for the file alone instead.
 */
export async function startChromium(options: { own?: boolean } = {}): Promise<Browser> {
  // Files that print PDFs keep a Chromium of their own, on the DevTools pipe the export uses: printing over the
  // shared browser's WebSocket was measured up to twice as slow on a loaded machine (one run), and exports there
  // ran into their 60 s limit.
  if (options.own) return launchBrowser({ executablePath: (await findBrowser({})).path });
  const browser = await puppeteer.connect({ browserWSEndpoint: inject('chromiumEndpoint') });
  const context = await browser.createBrowserContext();
  const disconnect = browser.disconnect.bind(browser);
  browser.newPage = (pageOptions) => context.newPage(pageOptions);
  browser.pages = () => context.pages();
  browser.close = async () => {
    try {
      await context.close();
    } finally {
      await disconnect();
    }
  };
  return browser;
}

export { closeBrowser };
export type { Browser };
