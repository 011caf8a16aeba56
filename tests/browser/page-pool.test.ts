/**
 * The page pool of a batch (src/browser/page-pool.ts) in a real Chromium: a page is reused by the next job
 * once its job succeeded, jobs at the same time get a page each, and a failed job's page is closed, not reused.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPagePool } from '../../src/browser/page-pool.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';

let browser: Browser;
/** A second Chromium, untouched until the firstTab test: launched beside the first instead of in that test. */
let fresh: Browser;

beforeAll(async () => {
  [browser, fresh] = await Promise.all([startChromium(), startChromium()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([browser, fresh].filter(Boolean).map((each) => closeBrowser(each)));
});

describe('page pool', () => {
  it('gives the next job the page a successful job used', async () => {
    const pool = createPagePool();
    const first = await pool.use(browser, async (page) => {
      await page.setContent('<p>one</p>');
      return page;
    });
    const second = await pool.use(browser, async (page) => {
      await page.setContent('<p>two</p>');
      return page;
    });
    expect(second).toBe(first);
    expect(second.isClosed()).toBe(false);
    expect(await second.evaluate(() => document.body.textContent)).toBe('two');
    expect(pool.opened).toBe(1);
    await pool.close();
    expect(first.isClosed()).toBe(true);
  });

  it('opens a page for each job running at the same time', async () => {
    const pool = createPagePool();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const holding = pool.use(browser, async (page) => {
      await gate;
      return page;
    });
    const other = await pool.use(browser, async (page) => page);
    release();
    const held = await holding;
    expect(held).not.toBe(other);
    expect(pool.opened).toBe(2);
    await pool.close();
  });

  it('closes the page of a job that failed, and opens a new one for the next', async () => {
    const pool = createPagePool();
    let failed: Page | undefined;
    await expect(
      pool.use(browser, async (page) => {
        failed = page;
        throw new Error('the deck failed');
      }),
    ).rejects.toThrow('the deck failed');
    expect(failed?.isClosed()).toBe(true);
    const next = await pool.use(browser, async (page) => page);
    expect(next).not.toBe(failed);
    expect(pool.opened).toBe(2);
    await pool.close();
  });

  it('with firstTab, the first job prints in the tab a fresh browser started with; one beside it opens its own', async () => {
    // A browser of its own (the shared one has no starting tab); a loaded machine may attach that tab after the
    // launch returns, so wait for it rather than read pages().
    const tab = await (await fresh.waitForTarget((target) => target.type() === 'page')).page();
    const pool = createPagePool({ firstTab: true });
    // Two jobs at once: the first takes the first tab, the other opens a page of its own.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = pool.use(fresh, async (page) => {
      await page.setContent('<p>in the first tab</p>');
      await gate;
      return page;
    });
    const second = pool.use(fresh, async (page) => page);
    const other = await second;
    release();
    const used = await first;
    expect(used).toBe(tab);
    expect(other).not.toBe(tab);
    expect(pool.opened).toBe(2);
    expect(await used.evaluate(() => document.body.textContent)).toBe('in the first tab');
  }, 60_000);
});
