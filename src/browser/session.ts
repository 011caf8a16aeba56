/**
 * Scoped use of a browser and of a page: whatever is opened here is closed here, in `finally`, also when the
 * work throws, times out, or the browser dies under it.
 */
import type { Browser, Page } from 'puppeteer-core';
import type { Logger } from '../core/log.js';
import { closeBrowser } from './close.js';
import { closePage } from './close-page.js';
import { failOnCrash } from './crash.js';
import { findBrowser, type FindBrowserOptions } from './find.js';
import { connectChromium, launchBrowser } from './launch.js';
import { onStopSignal } from './signals.js';
import type { StartedChromium } from './start.js';

export interface WithBrowserOptions {
  /** A browser that is already running, to reuse. It is used as is and never closed here. */
  browser?: Browser;
  /**
   * A Chromium started beforehand (`startChromium`, `startFoundChromium`), still starting or ready: connected to
   * here and used as a launched one, with no search and no launch. Afterwards it is killed, but its exit and the
   * removal of its profile are not waited for here (the kernel takes 50-300 ms to tear a Chromium down): the
   * starter awaits them (`started.discard()`) before it exits, while its caller goes on with the PDFs.
   */
  started?: StartedChromium;
  /** Launch this executable instead of searching. */
  executablePath?: string;
  /** How to search when neither `browser` nor `executablePath` is given (`--browser` is `find.flag`). */
  find?: FindBrowserOptions;
  /** Launch timeout, ms. */
  timeoutMs?: number;
  logger?: Logger;
  /** More Chromium flags for the launch. */
  extraArgs?: string[];
  /** The longest one DevTools command may take, ms (see `LaunchBrowserOptions`). */
  protocolTimeoutMs?: number;
}

/**
 * Run `fn` with a browser: the given one, or one found and launched (or `started`) for the purpose. A launched
 * browser is always closed afterwards, also when `fn` throws, and on SIGINT/SIGTERM while `fn` runs (then the signal is
 * re-raised, see `onStopSignal`). If the browser disconnects while `fn` runs, rejects with
 * `DeckError(ExportFailed)`.
 */
export async function withBrowser<T>(options: WithBrowserOptions, fn: (browser: Browser) => Promise<T>): Promise<T> {
  const { logger } = options;
  if (options.browser) {
    const reused = options.browser;
    return failOnCrash(reused, () => fn(reused));
  }
  const connect = { timeoutMs: options.timeoutMs, logger, protocolTimeoutMs: options.protocolTimeoutMs };
  let browser: Browser;
  if (options.started) {
    browser = await connectChromium(options.started, connect);
  } else {
    let executablePath = options.executablePath;
    if (!executablePath) {
      const found = await findBrowser(options.find);
      logger?.debug(`using ${found.path} (found via ${found.source})`);
      executablePath = found.path;
    }
    browser = await launchBrowser({ ...connect, executablePath, extraArgs: options.extraArgs });
  }
  const stopListening = onStopSignal(() => closeBrowser(browser, { logger }), { logger });
  try {
    return await failOnCrash(browser, () => fn(browser));
  } finally {
    stopListening();
    if (options.started) {
      options.started.chromium.kill();
      void browser.disconnect().catch(() => {});
    } else {
      await closeBrowser(browser, { logger });
    }
  }
}

export interface WithPageOptions {
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
    await closePage(browser, page);
  }
}
