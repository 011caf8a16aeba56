/**
 * Visual regression: a few key slides of the default deck, in both theme variants, screenshotted in a real
 * Chromium at 1280×720 (stored at half size, 640×360) and compared with tests/visual/baseline/*.png.
 * `node scripts/update-visual-baselines.mjs` (re)writes the stored images after an intended change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from '../../src/browser/launch.js';
import { buildDefaultDeck, openDeck, showSlide } from './deck-page.js';
import { decodePng, diffImages } from './png.js';

const BASELINES = join(import.meta.dirname, 'baseline');
const ACTUAL = join(import.meta.dirname, '..', '.out', 'visual');
const UPDATE = process.env.DECK_UPDATE_VISUAL_BASELINES === '1';
/** Share of pixels allowed to differ (anti-aliasing), and how far a channel may move before a pixel counts. */
const TOLERANCE = 0.004;
const THRESHOLD = 48;

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
  browser = await launchBrowser({ executablePath: '/usr/bin/chromium' });
  for (const theme of Object.keys(CASES)) pages.set(theme, await openDeck(browser, await buildDefaultDeck(theme), 0.5));
});

afterAll(async () => {
  await browser?.close();
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

for (const [theme, cases] of Object.entries(CASES)) {
  describe(`key slides look as stored (${theme})`, () => {
    for (const [name, selector] of Object.entries(cases)) {
      it(name, async () => {
        const shot = await screenshot(pages.get(theme)!, selector);
        const file = join(BASELINES, `${theme}-${name}.png`);
        if (UPDATE) {
          mkdirSync(BASELINES, { recursive: true });
          writeFileSync(file, shot);
        }
        expect(existsSync(file), `no baseline ${file}: run node scripts/update-visual-baselines.mjs`).toBe(true);
        const actual = decodePng(shot);
        expect([actual.width, actual.height]).toEqual([640, 360]);
        const { differing, ratio } = diffImages(actual, decodePng(readFileSync(file)), THRESHOLD);
        if (ratio > TOLERANCE) {
          mkdirSync(ACTUAL, { recursive: true });
          writeFileSync(join(ACTUAL, `${theme}-${name}.png`), shot);
        }
        expect(ratio, `${differing} pixels differ from ${file}; the new image is in tests/.out/visual/`).toBeLessThanOrEqual(TOLERANCE);
      });
    }
  });
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
