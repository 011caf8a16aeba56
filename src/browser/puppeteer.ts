/** Loading puppeteer-core's connect without its launcher, for a started Chromium (launch.ts) and a running one (connect.ts). */

/**
 * puppeteer-core's browser entry: the same `connect` as its Node entry without the launcher and its
 * dependencies (@puppeteer/browsers, proxy-agent, …), which nothing here needs. The Node entry also tells
 * Puppeteer's `environment` to use node:fs, for `page.screenshot({ path })` and `page.pdf({ path })`: done
 * here too (tests/browser/session.test.ts writes a screenshot by path).
 */
export async function loadPuppeteer() {
  const [puppeteer, { environment }, fs, path] = await Promise.all([
    import('puppeteer-core/internal/puppeteer-core-browser.js'),
    import('puppeteer-core/internal/environment.js'),
    import('node:fs'),
    import('node:path'),
  ]);
  const browserOnly = environment.value;
  environment.value = {
    fs,
    path,
    get ScreenRecorder() {
      return browserOnly.ScreenRecorder; // page.screencast is not used; this throws as the browser entry's does
    },
  } as typeof environment.value;
  return puppeteer.default;
}
