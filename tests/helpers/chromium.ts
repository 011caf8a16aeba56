import { findBrowser, launchBrowser, closeBrowser, type Browser } from '../../src/browser/index.js';

/** One Chromium for a test file: call in beforeAll, close in afterAll. */
export async function startChromium(): Promise<Browser> {
  const found = await findBrowser({});
  return launchBrowser({ executablePath: found.path });
}

export { closeBrowser };
export type { Browser };
