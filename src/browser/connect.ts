/**
 * Using a Chromium that is already running (`--browser-url`, `DECK_BROWSER_URL`): connect over its DevTools
 * WebSocket, work in a browser context of our own, and on close end that context (and every page in it) and
 * disconnect, never closing the browser: it is the user's, and other runs may be using it. Killed outright, we
 * still leave nothing in it: Chromium disposes of our context when the connection drops (tests/cli/browser-url.test.ts).
 */
import type { Browser, BrowserContext } from 'puppeteer-core';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { BROWSER_URL_HINT, isLoopbackHost } from './browser-url.js';
import type { ConnectBrowserOptions } from './launch.js';
import { loadPuppeteer } from './puppeteer.js';
import { matchFullChromiumFonts, NO_FONTCONFIG_WARNING } from './shell-fonts.js';
import { withTimeout } from './timeout.js';

export interface ConnectRunningOptions extends ConnectBrowserOptions {
  /** The endpoint, checked by `parseBrowserUrl`: http://HOST:PORT, or the browser's ws:// URL. */
  url: string;
}

/** How long closing our context may take before we only disconnect, ms (the browser then closes it itself when it ends). */
const CONTEXT_CLOSE_MS = 5_000;

/** The browser's WebSocket: given, or read from its /json/version (as `puppeteer.connect({ browserURL })` does). */
async function webSocketUrl(url: string, timeoutMs: number): Promise<string> {
  const given = new URL(url);
  if (given.protocol === 'ws:') return url;
  const response = await fetch(new URL('/json/version', given), { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`GET /json/version answered ${response.status}`);
  const version = (await response.json()) as { webSocketDebuggerUrl?: unknown };
  const endpoint = version.webSocketDebuggerUrl;
  if (typeof endpoint !== 'string' || !isLoopbackHost(new URL(endpoint).hostname)) {
    throw new Error(`its /json/version names no WebSocket on this machine (${String(endpoint)})`);
  }
  return endpoint;
}

/**
 * Ask Chromium to dispose of every browser context this connection creates when the connection ends
 * (`Target.createBrowserContext`'s `disposeOnDetach`, which puppeteer-core does not pass): if we are killed
 * outright (`kill -9`, a crash), our context and its pages still go, instead of staying in the user's browser.
 */
function disposeOnDetach(transport: { send(message: string): void }): void {
  const send = transport.send.bind(transport);
  transport.send = (message) => {
    if (!message.includes('"Target.createBrowserContext"')) return send(message);
    const command = JSON.parse(message) as { method?: string; params?: Record<string, unknown> };
    if (command.method === 'Target.createBrowserContext') command.params = { ...command.params, disposeOnDetach: true };
    send(JSON.stringify(command));
  };
}

/** The first line of why the connection failed, for the error message. */
function reasonOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const message = error instanceof Error ? `${error.message}${cause}` : String(error);
  return message.split('\n')[0]?.trim() || 'unknown error';
}

/**
 * Make the connected browser behave, for every caller, as one launched for this run: pages are opened and listed
 * in our context only, `process()` is none, and `close()` closes our context and disconnects.
 */
function scopeToContext(browser: Browser, context: BrowserContext, logger: Logger | undefined): Browser {
  const disconnect = browser.disconnect.bind(browser);
  browser.newPage = (options) => context.newPage(options);
  browser.pages = () => context.pages();
  browser.process = () => null;
  browser.close = async () => {
    try {
      if (browser.connected && !context.closed) await withTimeout(context.close(), CONTEXT_CLOSE_MS, 'closing our browser context');
    } catch (error) {
      logger?.debug(`closing our browser context failed (${reasonOf(error)}); disconnecting`);
    } finally {
      await disconnect().catch(() => {});
    }
  };
  return browser;
}

/**
 * Connect to the running Chromium at `options.url` and open our browser context in it. When nothing answers
 * there, or not as a Chromium, the error is `DeckError(BrowserNotFound)` naming the URL.
 */
export async function connectRunningBrowser(options: ConnectRunningOptions): Promise<Browser> {
  const { url, logger } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const connecting = (async () => {
    const [puppeteer, { NodeWebSocketTransport }] = await Promise.all([
      loadPuppeteer(),
      import('puppeteer-core/internal/node/NodeWebSocketTransport.js'),
    ]);
    const endpoint = await webSocketUrl(url, timeoutMs);
    const transport = await NodeWebSocketTransport.create(endpoint);
    disposeOnDetach(transport);
    // The browser entry's declarations are the same classes as the package's bundled types, declared twice.
    const browser = (await puppeteer.connect({
      transport,
      protocolTimeout: options.protocolTimeoutMs ?? 180_000,
    })) as unknown as Browser;
    try {
      const scoped = scopeToContext(browser, await browser.createBrowserContext(), logger);
      if ((await matchFullChromiumFonts(scoped)) === 'no-fontconfig') logger?.warn(NO_FONTCONFIG_WARNING);
      return scoped;
    } catch (error) {
      await browser.disconnect().catch(() => {});
      throw error;
    }
  })();
  try {
    const browser = await withTimeout(connecting, timeoutMs, `connecting to ${url}`);
    logger?.debug(
      `connected to the running Chromium at ${url} (${await browser.version().catch(() => '?')}), in a browser context of our own`,
    );
    return browser;
  } catch (error) {
    // A connection that comes after the time limit is not kept.
    void connecting.then((late) => late.close()).catch(() => {});
    throw new DeckError(ErrorCode.BrowserNotFound, `no Chromium answers at ${url}: ${reasonOf(error)}`, {
      cause: error,
      hint: BROWSER_URL_HINT,
    });
  }
}
