import type { Browser, Page } from 'puppeteer-core';
import { DeckError, ErrorCode } from '../core/errors.js';

function crashed(message: string, cause?: unknown): DeckError {
  return new DeckError(ErrorCode.ExportFailed, message, {
    cause,
    hint: 'run again; if it keeps happening, try --verbose, a different --browser, or more memory (/dev/shm)',
  });
}

/**
 * Run `work`, but reject with `DeckError(ExportFailed)` as soon as the browser disconnects (crash, kill, or
 * close) or the page's renderer crashes, instead of waiting on a promise that may never settle. An error that
 * `work` throws because the browser went away (Puppeteer's TargetCloseError, "Connection closed") is reported
 * the same way. Listeners are removed when done.
 */
export async function failOnCrash<T>(browser: Browser, work: () => Promise<T>, page?: Page): Promise<T> {
  const gone = `Chromium crashed or closed ${page ? 'while a page was open' : 'while it was in use'}`;
  if (!browser.connected) throw crashed('Chromium crashed or closed before the work started');
  let onDisconnect = () => {};
  let onPageError = (_error: Error) => {};
  const lost = new Promise<never>((_, reject) => {
    onDisconnect = () => reject(crashed(gone));
    onPageError = (error) => reject(crashed(`Chromium's page renderer crashed (${error.message})`, error));
  });
  browser.on('disconnected', onDisconnect);
  page?.on('error', onPageError);
  try {
    const running = work();
    running.catch(() => {}); // if `lost` wins, a later rejection of the work is expected, not unhandled
    return await Promise.race([running, lost]);
  } catch (error) {
    if (error instanceof DeckError && error.code === ErrorCode.ExportFailed) throw error;
    // While the browser shuts down, pending calls fail with TargetCloseError before the connection drops.
    if (!browser.connected || (error instanceof Error && error.name === 'TargetCloseError')) {
      throw crashed(gone, error);
    }
    throw error;
  } finally {
    browser.off('disconnected', onDisconnect);
    page?.off('error', onPageError);
  }
}
