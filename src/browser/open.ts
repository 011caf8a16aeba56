/**
 * Getting the browser for one run: the running one at `find.url` connected to (connect.ts), a Chromium started
 * early connected to (start.ts), or one found and launched. Whichever it is, `closeBrowser` ends what is ours of it.
 */
import type { Browser } from 'puppeteer-core';
import type { Logger } from '../core/log.js';
import { connectRunningBrowser } from './connect.js';
import { findBrowser, type FindBrowserOptions } from './find.js';
import { connectChromium, launchBrowser } from './launch.js';
import type { StartedChromium } from './start.js';

export interface OpenBrowserOptions {
  /** A Chromium started beforehand, connected to instead of launching one (unless `find.url` is set). */
  started?: StartedChromium;
  /** Launch this executable instead of searching. */
  executablePath?: string;
  /** A running browser to connect to (`find.url`), or how to search for one to launch. */
  find?: FindBrowserOptions;
  /** How long the start or the connection may take, ms. */
  timeoutMs?: number;
  logger?: Logger;
  /** More Chromium flags for a launch. */
  extraArgs?: string[];
  /** The longest one DevTools command may take, ms (see `ConnectBrowserOptions`). */
  protocolTimeoutMs?: number;
}

/** Whether `openBrowser` connects to `options.started` (and not to a running browser or a new launch). */
export function usesStarted(options: OpenBrowserOptions): boolean {
  return options.started !== undefined && !options.find?.url;
}

export async function openBrowser(options: OpenBrowserOptions): Promise<Browser> {
  const { logger } = options;
  const connect = { timeoutMs: options.timeoutMs, logger, protocolTimeoutMs: options.protocolTimeoutMs };
  const url = options.find?.url;
  if (url) return connectRunningBrowser({ ...connect, url });
  if (options.started) return connectChromium(options.started, connect);
  let executablePath = options.executablePath;
  if (!executablePath) {
    const found = await findBrowser(options.find);
    logger?.debug(`using ${found.path} (found via ${found.source})`);
    executablePath = found.path;
  }
  return launchBrowser({ ...connect, executablePath, extraArgs: options.extraArgs });
}
