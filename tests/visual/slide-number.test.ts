/**
 * Slide numbers readable from the back of a room, live: in both gpt themes, at the sizes a conference screen or
 * a laptop shows the deck, the number's type is at least MIN_SHARE of the slide's height on screen, whole
 * inside the window. (The PDF's numbers are measured in tests/visual/pdf.test.ts.)
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startChromium } from '../helpers/chromium.js';
import { buildDefaultDeck, openDeck, showSlide, THEMES } from './deck-page.js';

/** 30px on a 720px slide is 4.2%: as large as the deck's smallest body text. */
const MIN_SHARE = 0.04;
const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 1440, height: 900 },
];

interface NumberMeasure {
  text: string;
  fontSize: number;
  slideHeight: number;
  inside: boolean;
}

/** In the page: the slide number's type size against the slide's height on screen. */
function measureNumber(): NumberMeasure {
  const reveal = (window as unknown as { Reveal: { getScale(): number; getConfig(): { height: number } } }).Reveal;
  const number = document.querySelector<HTMLElement>('.reveal .slide-number')!;
  const rect = number.getBoundingClientRect();
  return {
    text: number.textContent?.trim() ?? '',
    fontSize: parseFloat(getComputedStyle(number).fontSize),
    slideHeight: reveal.getScale() * reveal.getConfig().height,
    inside: rect.width > 0 && rect.left >= 0 && rect.top >= 0 && rect.right <= innerWidth && rect.bottom <= innerHeight,
  };
}

async function measureAt(page: Page, screen: { width: number; height: number }): Promise<NumberMeasure> {
  await page.bringToFront();
  await page.setViewport(screen);
  // reveal.js lays out again on resize; ask for it now rather than wait for its resize handler.
  await page.evaluate(() => (window as unknown as { Reveal: { layout(): void } }).Reveal.layout());
  return page.evaluate(measureNumber);
}

let browser: Browser;
const pages = new Map<string, Page>();

beforeAll(async () => {
  browser = await startChromium();
  for (const theme of THEMES) {
    const page = await openDeck(browser, await buildDefaultDeck(theme));
    await showSlide(page, 3, 0);
    pages.set(theme, page);
  }
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
});

describe.each(THEMES)('live slide numbers in %s', (theme) => {
  for (const screen of SCREENS) {
    it(`are at least ${MIN_SHARE * 100}% of the slide's height at ${screen.width}×${screen.height}`, async () => {
      const measure = await measureAt(pages.get(theme)!, screen);
      expect(measure.text).toMatch(/^\d+\s*\/\s*\d+$/);
      expect(measure.inside).toBe(true);
      expect(measure.fontSize / measure.slideHeight).toBeGreaterThanOrEqual(MIN_SHARE);
    });
  }
});

describe('the measure', () => {
  it("fails reveal.js's own 12px number on a 1920×1080 screen", async () => {
    const page = pages.get('gpt')!;
    const style = await page.addStyleTag({ content: '.reveal .slide-number { font-size: 12px !important; }' });
    try {
      const measure = await measureAt(page, { width: 1920, height: 1080 });
      expect(measure.fontSize / measure.slideHeight).toBeLessThan(MIN_SHARE);
    } finally {
      await style.evaluate((node) => node.remove());
    }
  });
});
