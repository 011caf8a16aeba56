/**
 * Pages kept open between the jobs of one run (the decks of `deck pdf a/ b/ c/`): a job takes an idle page or
 * opens one, and gives it back when it succeeds; a page whose job failed (timed out, crashed, left half done)
 * is closed instead. Opening a page costs a target, its DevTools domains and, for the first file:// document,
 * a renderer process: once per concurrent job instead of once per deck. The job must leave the page as it
 * found it (no listeners or scripts of its own behind): src/export/render-pdfs.ts removes its own.
 *
 * Each page is opened in a window of its own. Tabs of one window take turns being visible, and a hidden
 * document gets no animation frames: reveal.js's print view waits for one before `pdf-ready`, so a kept tab
 * behind a newer one never finished (tests/export/batch.test.ts, the deck after a failed one).
 */
import type { Browser, Page } from 'puppeteer-core';
import { closePage } from './close-page.js';
import { failOnCrash } from './crash.js';
import type { WithPageOptions } from './session.js';

export interface PagePool {
  /** Run `fn` with an idle page of `browser` or a new one, as `withPage` does, but keep the page if it succeeds. */
  use<T>(browser: Browser, fn: (page: Page) => Promise<T>, options?: WithPageOptions): Promise<T>;
  /** Pages opened so far (for tests and --verbose). */
  readonly opened: number;
  /** Close the idle pages. */
  close(): Promise<void>;
}

export interface PagePoolOptions {
  /**
   * The first page is the browser's own first tab (the about:blank it started with), when this pool is the
   * browser's only user: that tab and its renderer already exist, so nothing is opened at all.
   */
  firstTab?: boolean;
}

/** The browser's first tab if it is still blank, else undefined. */
async function blankTab(browser: Browser): Promise<Page | undefined> {
  const [tab] = await browser.pages();
  return tab && tab.url() === 'about:blank' ? tab : undefined;
}

export function createPagePool(options: PagePoolOptions = {}): PagePool {
  const idle: { browser: Browser; page: Page }[] = [];
  let opened = 0;
  let firstTab = options.firstTab === true;
  return {
    get opened() {
      return opened;
    },
    async use(browser, fn, options = {}) {
      const timeoutMs = options.timeoutMs ?? 30_000;
      const at = idle.findIndex((entry) => entry.browser === browser && !entry.page.isClosed());
      const kept = at >= 0 ? idle.splice(at, 1)[0]!.page : undefined;
      const page =
        kept ??
        (await failOnCrash(browser, async () => {
          // Taken before the first await: a job starting meanwhile must not get the same tab.
          const adopt = firstTab;
          firstTab = false;
          const adopted = adopt ? await blankTab(browser) : undefined;
          const opening = adopted ?? (await browser.newPage({ type: 'window' }));
          opened++;
          return opening;
        }));
      let ok = false;
      try {
        page.setDefaultTimeout(timeoutMs);
        page.setDefaultNavigationTimeout(timeoutMs);
        const result = await failOnCrash(browser, () => fn(page), page);
        ok = true;
        return result;
      } finally {
        if (ok && browser.connected && !page.isClosed()) idle.push({ browser, page });
        else await closePage(browser, page, options);
      }
    },
    async close() {
      const pages = idle.splice(0);
      await Promise.all(pages.map(({ browser, page }) => closePage(browser, page)));
    },
  };
}
