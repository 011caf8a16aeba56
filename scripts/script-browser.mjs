// The Chromium a development script draws with: the one running at DECK_BROWSER_URL when it is set (as `deck`
// uses it: a browser context of the script's own, left running afterwards), else one launched for the script.
import puppeteer from 'puppeteer-core';

/** Pages to draw in, and close() for whatever the script opened. */
export async function scriptBrowser(launchArgs) {
  const url = process.env.DECK_BROWSER_URL?.trim();
  if (!url) {
    const browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: launchArgs,
    });
    return { newPage: () => browser.newPage(), close: () => browser.close() };
  }
  const browser = await puppeteer.connect(url.startsWith('ws') ? { browserWSEndpoint: url } : { browserURL: url });
  const context = await browser.createBrowserContext();
  return {
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await browser.disconnect();
    },
  };
}
