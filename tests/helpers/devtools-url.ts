/**
 * A Chromium the tests launch that CLI runs can connect to (`deck pdf --browser-url`, `DECK_BROWSER_URL`): launched
 * with `--remote-debugging-port=0` beside its DevTools pipe, so Chromium picks a free loopback port and writes it
 * to DevToolsActivePort in its profile, where it is read back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowser, launchBrowser, type Browser } from '../../src/browser/index.js';

/** The flag that opens the DevTools port (0: a free one, on 127.0.0.1 only). */
export const DEVTOOLS_PORT_FLAG = '--remote-debugging-port=0';

/** Launch a Chromium (our flags) that also listens for DevTools on a free loopback port. */
export async function launchWithDevToolsPort(): Promise<Browser> {
  const found = await findBrowser({});
  return launchBrowser({ executablePath: found.path, extraArgs: [DEVTOOLS_PORT_FLAG] });
}

/**
 * The browser WebSocket (`ws://127.0.0.1:PORT/devtools/browser/…`) of a browser launched with DEVTOOLS_PORT_FLAG.
 * Chromium writes the file before it answers on its pipe, so it is there once the launch has returned.
 */
export function devToolsUrl(browser: Browser): string {
  const profileFlag = browser.process()?.spawnargs.find((arg) => arg.startsWith('--user-data-dir='));
  if (!profileFlag) throw new Error('not a browser launched by launchBrowser (no --user-data-dir)');
  const [port, path] = readFileSync(join(profileFlag.slice('--user-data-dir='.length), 'DevToolsActivePort'), 'utf8').split('\n');
  if (!port || !path) throw new Error('DevToolsActivePort holds no port: was the browser launched with --remote-debugging-port=0?');
  return `ws://127.0.0.1:${port}${path}`;
}
