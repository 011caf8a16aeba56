/** A test file's Chromium: launched for the file, on the DevTools pipe the export uses, closed in afterAll. */
import { closeBrowser, findBrowser, launchBrowser, type Browser } from '../../src/browser/index.js';

/**
 * One Chromium for a test file: call in beforeAll, close with closeBrowser in afterAll. (One Chromium shared by
 * the whole run, each file in a browser context of its own, was tried and taken out: under load the pages of two
 * files in one browser ran into the tests' time limits, and printing over its WebSocket was slower.)
 */
export async function startChromium(): Promise<Browser> {
  const found = await findBrowser({});
  return launchBrowser({ executablePath: found.path });
}

export { closeBrowser };
export type { Browser };
