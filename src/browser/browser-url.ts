/**
 * The `--browser-url` a running Chromium is reached at, checked before anything runs: its DevTools HTTP endpoint
 * (`http://127.0.0.1:9222`) or its browser WebSocket (`ws://127.0.0.1:9222/devtools/browser/…`), on this machine
 * only. An export loads the built deck from local files (or this machine's server), so a Chromium elsewhere could
 * not print it, and a DevTools endpoint on the network is one nobody should be handed a deck's files through.
 */
import { isIP } from 'node:net';
import { DeckError, ErrorCode } from '../core/errors.js';

/** How to start a Chromium that `--browser-url` can reach (README "Browser"). */
export const BROWSER_URL_HINT =
  'start one with `chromium --headless --remote-debugging-port=9222` (as root add --no-sandbox) and pass --browser-url http://127.0.0.1:9222, or leave --browser-url and DECK_BROWSER_URL unset to launch one';

const PROTOCOLS = new Set(['http:', 'ws:']);

/** Whether a URL's host name is this machine: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host);
  return false;
}

/**
 * `text` as the endpoint's URL, or `DeckError(BrowserNotFound)` naming it and where it came from (`source`, e.g.
 * `--browser-url` or `DECK_BROWSER_URL`) when it is not a loopback http:// or ws:// URL.
 */
export function parseBrowserUrl(text: string, source: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new DeckError(ErrorCode.BrowserNotFound, `${source} ${text} is not a URL`, { hint: BROWSER_URL_HINT });
  }
  if (!PROTOCOLS.has(url.protocol)) {
    throw new DeckError(
      ErrorCode.BrowserNotFound,
      `${source} ${text} is not a DevTools endpoint: http://HOST:PORT or ws://HOST:PORT/devtools/browser/… is needed`,
      { hint: BROWSER_URL_HINT },
    );
  }
  if (!isLoopbackHost(url.hostname)) {
    throw new DeckError(
      ErrorCode.BrowserNotFound,
      `${source} ${text} is not on this machine: only a Chromium on this machine (127.0.0.1, ::1, localhost) can load the deck's files`,
      { hint: BROWSER_URL_HINT },
    );
  }
  return url;
}
