import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { inject } from 'vitest';
import { buildDeck } from '../../src/render/build.js';
import { writeRendered } from '../../src/render/write.js';

export const SLIDES_DIR = join(import.meta.dirname, '..', '..', 'slides');
export const THEMES = ['gpt', 'gpt-dark'] as const;

/**
 * The default deck's index.html in a theme: the one the run's global setup built (tests/helpers/default-deck.setup.ts),
 * else built here into a fresh temporary folder (a run without that setup, another theme).
 */
export async function buildDefaultDeck(theme: string): Promise<string> {
  const shared = inject('defaultDeck')?.[theme];
  if (shared) return shared;
  const out = mkdtempSync(join(tmpdir(), `deck-visual-${theme}-`));
  const { rendered } = await buildDeck(SLIDES_DIR, { flags: { theme } });
  return writeRendered(out, rendered);
}

/** Open a built deck at 1280×720 (scale 0.5 gives 640×360 screenshots), all fragments shown, no transitions. */
export async function openDeck(browser: Browser, index: string, deviceScaleFactor = 1): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.setViewport({ width: 1280, height: 720, deviceScaleFactor });
  await page.goto(pathToFileURL(index).href, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
  await page.evaluate(async () => {
    const reveal = (window as unknown as { Reveal: { configure(o: object): void } }).Reveal;
    reveal.configure({ transition: 'none', backgroundTransition: 'none', fragments: false, controls: true });
    // Progress bar and controls animate over 800 ms: a screenshot must not catch them midway.
    const still = document.createElement('style');
    still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
    document.head.append(still);
    await document.fonts.ready;
  });
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return page;
}

/** Slides in reading order as reveal.js indices. */
export function slideIndices(page: Page): Promise<{ h: number; v: number }[]> {
  return page.evaluate(() => {
    const reveal = (window as unknown as { Reveal: { getSlides(): Element[]; getIndices(s: Element): { h: number; v?: number } } }).Reveal;
    return reveal.getSlides().map((slide) => {
      const { h, v } = reveal.getIndices(slide);
      return { h, v: v ?? 0 };
    });
  });
}

/** Show a slide and wait until it has been painted (the page is brought to the front: background tabs get no frames). */
export async function showSlide(page: Page, h: number, v: number): Promise<void> {
  await page.bringToFront();
  await page.evaluate(
    (h, v) =>
      new Promise<void>((resolve) => {
        (window as unknown as { Reveal: { slide(h: number, v: number): void } }).Reveal.slide(h, v);
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
    h,
    v,
  );
}
