/**
 * The page the sharing exports (PPTX, PNG, single file) work in: a browser (the given one or one launched for
 * the purpose), one page, and the work bounded by the deck's time limit; everything closed afterwards.
 */
import type { Page } from 'puppeteer-core';
import { withBrowser, withPage, withTimeout, type Browser, type FindBrowserOptions } from '../browser/index.js';
import type { Logger } from '../core/log.js';

/** Launching Chromium gets at least this long whatever --timeout says: a loaded machine is slow to start it. */
const MIN_LAUNCH_MS = 30_000;

/** The browser options every sharing export takes. */
export interface ShareBrowserOptions {
  /** A running browser to use (never closed here); else one is found (`find`) and launched. */
  browser?: Browser;
  find?: FindBrowserOptions;
  logger?: Logger;
}

export interface SharePageOptions extends ShareBrowserOptions {
  /** The deck's time limit (`pdf.timeout`, --timeout) for the page's navigation, waits and the whole work. */
  timeoutMs: number;
  /** What the work is, for the timeout's message: "exporting slides/ to images". */
  what: string;
}

export function withSharePage<T>(options: SharePageOptions, work: (page: Page) => Promise<T>): Promise<T> {
  const { timeoutMs } = options;
  return withBrowser(
    { browser: options.browser, find: options.find, timeoutMs: Math.max(MIN_LAUNCH_MS, timeoutMs), logger: options.logger },
    (browser) => withPage(browser, (page) => withTimeout(work(page), timeoutMs, options.what), { timeoutMs }),
  );
}
