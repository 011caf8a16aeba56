/**
 * Visual regression: a few key slides of the default deck, in both theme variants, screenshotted in a real
 * Chromium at 1280×720 (stored at half size, 640×360) and compared with the committed tests/visual/baseline/*.png
 * (as git has them at HEAD, so a baseline just rewritten in the work tree is never compared with itself).
 * `node scripts/update-visual-baselines.mjs` (re)writes the stored images after an intended change: in that
 * mode the tests only write and say so, they compare nothing; CI never runs it (the test refuses when CI is set).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { closeBrowser, startChromium } from '../helpers/chromium.js';
import { buildDefaultDeck, openDeck, showSlide } from './deck-page.js';
import { BASELINES, compareWithBaseline, TOLERANCE, UPDATE } from './baseline.js';
import { decodePng, diffImages } from './png.js';

const CASES: Record<string, Record<string, string>> = {
  gpt: {
    title: 'section[data-layout="title"]',
    timeline: 'section[data-layout="timeline"]',
    growth: 'section[data-layout="growth"]',
    comparison: 'section[data-layout="comparison"]',
    model: 'section[data-layout="model"]',
    latency: 'section[data-layout="latency"]',
    agenda: 'section[data-layout="agenda"]',
    section: 'section[data-layout="section"]',
    'big-number': 'section[data-layout="big-number"]',
    quote: 'section[data-layout="quote"]',
    cards: 'section[data-layout="cards"]',
    'two-columns': 'section[data-layout="two-columns"][data-visual]',
    diagram: 'section[data-visual="no-fine-tuning"]',
    closing: 'section[data-layout="closing"]',
  },
  'gpt-dark': {
    title: 'section[data-layout="title"]',
    growth: 'section[data-layout="growth"]',
    comparison: 'section[data-layout="comparison"]',
    latency: 'section[data-layout="latency"]',
    model: 'section[data-layout="model"]',
    diagram: 'section[data-visual="rlhf"]',
    'two-columns': 'section[data-visual="omni"]',
  },
};

let browser: Browser;
const pages = new Map<string, Page>();

beforeAll(async () => {
  browser = await startChromium();
  // Both themes' pages open at once.
  await Promise.all(Object.keys(CASES).map(async (theme) => pages.set(theme, await openDeck(browser, await buildDefaultDeck(theme), 0.5))));
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
});

async function screenshot(page: Page, selector: string): Promise<Uint8Array> {
  const indices = await page.evaluate((selector) => {
    const slide = document.querySelector(selector);
    if (!slide) return undefined;
    const { h, v } = (window as unknown as { Reveal: { getIndices(s: Element): { h: number; v?: number } } }).Reveal.getIndices(slide);
    return { h, v: v ?? 0 };
  }, selector);
  if (!indices) throw new Error(`no slide matches ${selector}`);
  await showSlide(page, indices.h, indices.v);
  return page.screenshot({ type: 'png' });
}

if (UPDATE) {
  describe('writing baselines (update mode: nothing is compared)', () => {
    it('is not CI', () => {
      expect(process.env.CI, 'CI compares with the committed baselines; it never writes them').toBeFalsy();
    });
    for (const [theme, cases] of Object.entries(CASES)) {
      for (const name of Object.keys(cases)) {
        it(`writes ${theme}-${name}.png`, async () => {
          const shot = await screenshot(pages.get(theme)!, cases[name]!);
          const image = decodePng(shot);
          expect([image.width, image.height]).toEqual([640, 360]);
          mkdirSync(BASELINES, { recursive: true });
          writeFileSync(join(BASELINES, `${theme}-${name}.png`), shot);
          console.log(`wrote tests/visual/baseline/${theme}-${name}.png (not compared: look at it, then commit it)`);
        });
      }
    }
  });
} else {
  describe('the comparison with the committed baseline', () => {
    it('fails the comparison with the committed baseline when the slide changes', async () => {
      const page = pages.get('gpt')!;
      const file = join(BASELINES, 'gpt-timeline.png');
      // The slide as committed first, then with its title reworded: the same check must pass, then fail.
      expect(compareWithBaseline(await screenshot(page, CASES.gpt!.timeline!), file, 'unchanged-timeline.png').ratio).toBeLessThanOrEqual(
        TOLERANCE,
      );
      const original = await page.$eval(`${CASES.gpt!.timeline!} h2`, (h) => {
        const text = h.textContent ?? '';
        h.textContent = 'A changed title on the timeline';
        return text;
      });
      try {
        const changed = compareWithBaseline(await screenshot(page, CASES.gpt!.timeline!), file, 'changed-timeline.png');
        expect(changed.ratio).toBeGreaterThan(TOLERANCE);
      } finally {
        await page.$eval(`${CASES.gpt!.timeline!} h2`, (h, text) => (h.textContent = text), original);
      }
    });
  });

  for (const [theme, cases] of Object.entries(CASES)) {
    describe(`key slides look as committed (${theme})`, () => {
      for (const [name, selector] of Object.entries(cases)) {
        it(name, async () => {
          const shot = await screenshot(pages.get(theme)!, selector);
          const file = join(BASELINES, `${theme}-${name}.png`);
          const { differing, ratio } = compareWithBaseline(shot, file, `${theme}-${name}.png`);
          expect(ratio, `${differing} pixels differ from ${file}; the new image is in tests/.out/visual/`).toBeLessThanOrEqual(TOLERANCE);
        });
      }
    });
  }
}

describe('the pixel diff', () => {
  it('tells a changed slide from the same one', async () => {
    const page = pages.get('gpt')!;
    const a = decodePng(await screenshot(page, CASES.gpt!.timeline!));
    const same = decodePng(await screenshot(page, CASES.gpt!.timeline!));
    const other = decodePng(await screenshot(page, CASES.gpt!.growth!));
    expect(diffImages(a, same).ratio).toBe(0);
    expect(diffImages(a, other).ratio).toBeGreaterThan(TOLERANCE);
  });
});
