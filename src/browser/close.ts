import type { Browser } from 'puppeteer-core';
import type { Logger } from '../core/log.js';

/**
 * Close a browser we launched without ever throwing or hanging: ask it to close, and if that fails or takes
 * longer than `graceMs`, kill its process. Used in `finally` blocks, where an error would hide the real one.
 */
export async function closeBrowser(browser: Browser, options: { graceMs?: number; logger?: Logger } = {}): Promise<void> {
  const graceMs = options.graceMs ?? 5_000;
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  try {
    const outcome = await Promise.race([browser.close().then(() => 'closed' as const), gaveUp]);
    if (outcome === 'timeout') {
      options.logger?.debug(`Chromium did not close within ${graceMs} ms; killing it`);
      browser.process()?.kill('SIGKILL');
    }
  } catch (error) {
    options.logger?.debug(`closing Chromium failed (${error instanceof Error ? error.message : String(error)}); killing it`);
    browser.process()?.kill('SIGKILL');
  } finally {
    clearTimeout(timer);
  }
}
