import { existsSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { withBrowser, withPage } from '../../src/browser/session.js';
import { startChromium, startFoundChromium } from '../../src/browser/start.js';

/** What exports find first (src/browser/find.ts). */
const SHELL = '/usr/lib/chromium/chromium-headless-shell';

function profileOf(args: readonly string[]): string {
  const profile = args.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
  expect(profile).toBeDefined();
  return profile!;
}

function gone(child: { exitCode: number | null; signalCode: NodeJS.Signals | null }): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

describe('a Chromium started before anything connects to it', () => {
  it('is used by withBrowser as a launched one, killed afterwards, and gone with its profile once discard() resolves', async () => {
    const started = startChromium({ executablePath: SHELL });
    const { child } = started.chromium;
    const profile = profileOf(child.spawnargs);
    expect(existsSync(profile)).toBe(true);
    const text = await withBrowser({ started }, async (browser) => {
      expect(browser.process()).toBe(child);
      return withPage(browser, async (page) => {
        await page.setContent('<p>你好</p>');
        return page.evaluate(() => document.body.textContent);
      });
    });
    expect(text).toBe('你好');
    // Killed on the way out of withBrowser, without waiting for its exit there; the starter waits for it.
    await started.discard();
    expect(gone(child)).toBe(true);
    expect(existsSync(profile)).toBe(false);
  });

  it('discard() ends a start nobody connected to and removes its profile', async () => {
    const started = await startFoundChromium({ flag: SHELL });
    expect(started).toBeDefined();
    const { child } = started!.chromium;
    const profile = profileOf(child.spawnargs);
    await vi.waitFor(() => expect(existsSync(profile)).toBe(true));
    await started!.discard();
    expect(gone(child)).toBe(true);
    expect(existsSync(profile)).toBe(false);
    await started!.discard(); // again: nothing left to do
  });

  it('startFoundChromium starts nothing when no browser is found (the export reports that itself)', async () => {
    await expect(startFoundChromium({ flag: '/nonexistent/chromium' })).resolves.toBeUndefined();
  });
});
