// The Chromium a development script draws with, found and launched as `deck` does it (lib/browser: the headless
// shell first, with Chromium's fonts, and our flags), or the one running at DECK_BROWSER_URL when it is set (a
// browser context of the script's own, left running afterwards). `npm run build` (or the bootstrap) makes lib/.
import { closeBrowser, openBrowser } from '../lib/browser/index.js';

/** Pages to draw in, and close() for whatever the script opened. */
export async function scriptBrowser() {
  const url = process.env.DECK_BROWSER_URL?.trim() || undefined;
  const browser = await openBrowser({ find: { url } });
  return { newPage: () => browser.newPage(), close: () => closeBrowser(browser) };
}
