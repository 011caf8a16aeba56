/**
 * Scoped use of a browser and of a page: whatever is opened here is closed here, in `finally`, also when the
 * work throws, times out, or the browser dies under it.
 */
import type { Browser, Page } from 'puppeteer-core';
import { closeBrowser } from './close.js';
import { closePage, type ClosePageOptions } from './close-page.js';
import { failOnCrash } from './crash.js';
import { openBrowser, usesStarted, type OpenBrowserOptions } from './open.js';
import { onStopSignal } from './signals.js';
import type { StartedChromium } from './start.js';

export interface WithBrowserOptions extends OpenBrowserOptions {
  /** A browser that is already running, to reuse. It is used as is and never closed here. */
  browser?: Browser;
  /**
   * A Chromium started beforehand (`startChromium`, `startFoundChromium`), still starting or ready: connected to
   * here and used as a launched one, with no search and no launch. Afterwards it is killed, but its exit and the
   * removal of its profile are not waited for here (the kernel takes 50-300 ms to tear a Chromium down): the
   * starter awaits them (`started.discard()`) before it exits, while its caller goes on with the PDFs.
   */
  started?: StartedChromium;
}

/**
 * Run `fn` with a browser: the given one, or one opened for the purpose (`openBrowser`: the running one at
 * `find.url`, `started`, or one found and launched). What was opened is always closed afterwards (a running
 * browser: our context closed and the connection dropped), also when `fn` throws, and on SIGINT/SIGTERM while
 * `fn` runs (then the signal is re-raised, see `onStopSignal`). If the browser disconnects while `fn` runs,
 * rejects with `DeckError(ExportFailed)`.
 */
export async function withBrowser<T>(options: WithBrowserOptions, fn: (browser: Browser) => Promise<T>): Promise<T> {
  const { logger } = options;
  if (options.browser) {
    const reused = options.browser;
    return failOnCrash(reused, () => fn(reused));
  }
  const browser = await openBrowser(options);
  const stopListening = onStopSignal(() => closeBrowser(browser, { logger }), { logger });
  try {
    return await failOnCrash(browser, () => fn(browser));
  } finally {
    stopListening();
    if (options.started && usesStarted(options)) {
      options.started.chromium.kill();
      void browser.disconnect().catch(() => {});
    } else {
      await closeBrowser(browser, { logger });
    }
  }
}

export interface WithPageOptions extends ClosePageOptions {
  /** Default timeout for navigation, waits and selectors on the page, ms. Default 30 000. */
  timeoutMs?: number;
}

/**
 * Open a page, run `fn` with it, and always close the page afterwards. If the browser disconnects or the page's
 * renderer crashes while `fn` runs, rejects with `DeckError(ExportFailed)` instead of hanging.
 */
export async function withPage<T>(browser: Browser, fn: (page: Page) => Promise<T>, options: WithPageOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const page = await failOnCrash(browser, () => browser.newPage());
  try {
    page.setDefaultTimeout(timeoutMs);
    page.setDefaultNavigationTimeout(timeoutMs);
    return await failOnCrash(browser, () => fn(page), page);
  } finally {
    // Bounded: a page whose renderer is stuck must not keep us here, nor stay open.
    await closePage(browser, page, options);
  }
}
