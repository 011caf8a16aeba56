/**
 * Closing a page without ever throwing or hanging, and without leaving it open. Chromium sometimes drops a close
 * that arrives while the page is committing a navigation (an export that timed out mid-load): `page.close()` then
 * waits for ever and the page stays, so after a grace period the close is asked again, from the browser's own
 * DevTools session, which closes it. Used in `finally` blocks, where an error would hide the real one.
 */
import type { Browser, Page } from 'puppeteer-core';
import { withTimeout } from './timeout.js';

/** How long a first close may take before it is asked again, ms (a close that commits a navigation takes ~100 ms). */
export const FIRST_CLOSE_MS = 2_000;
/** How long the second close may take, ms: after that the page is left to the browser's own close. */
const SECOND_CLOSE_MS = 5_000;

/** The page's DevTools target id (puppeteer keeps it on its target without a public getter). */
function targetIdOf(page: Page): string | undefined {
  const id = (page.target() as unknown as { _targetId?: unknown })._targetId;
  return typeof id === 'string' ? id : undefined;
}

export interface ClosePageOptions {
  /** How long the first close may take before it is asked again, ms. Default `FIRST_CLOSE_MS`. */
  firstCloseMs?: number;
}

export async function closePage(browser: Browser, page: Page, options: ClosePageOptions = {}): Promise<void> {
  if (!browser.connected || page.isClosed()) return;
  const targetId = targetIdOf(page);
  const closing = page.close();
  const closed = await withTimeout(closing, options.firstCloseMs ?? FIRST_CLOSE_MS, 'closing the page').then(
    () => true,
    () => false,
  );
  if (closed || !browser.connected || targetId === undefined) return;
  const session = await browser
    .target()
    .createCDPSession()
    .catch(() => undefined);
  if (!session) return;
  try {
    // Done once the page is gone (the first close resolves when its target is destroyed), not when Chromium has
    // taken the command: else the page could still be listed open when this returns.
    const closedAgain = session.send('Target.closeTarget', { targetId }).then(() => closing);
    await withTimeout(closedAgain, SECOND_CLOSE_MS, 'closing the page again').catch(() => {});
  } finally {
    await session.detach().catch(() => {});
  }
}
