/**
 * The Pandoc deck (tests/fixtures/decks/pandoc-features) in a real Chromium: its columns sit side by side, and
 * the pauses, incremental items, fragment spans and divs are reveal.js fragment steps that start hidden.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPage } from '../../src/browser/index.js';
import { buildDeck, writeRendered } from '../../src/render/index.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/decks/pandoc-features/talk.md');

interface RevealApi {
  isReady(): boolean;
  slide(h: number, v?: number, f?: number): void;
  availableFragments(): { prev: boolean; next: boolean };
  getSlides(): HTMLElement[];
}

describe('a Pandoc deck in Chromium', () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const [started, { rendered }] = await Promise.all([
      startChromium(),
      buildDeck(FIXTURE, { flags: { hash: false, transition: 'none' } }),
    ]);
    browser = started;
    url = pathToFileURL(await writeRendered(mkdtempSync(join(tmpdir(), 'deck-pandoc-')), rendered)).href;
  });

  afterAll(async () => closeBrowser(browser));

  it('shows columns side by side, the 40% one narrower, and every fragment hidden until its step', async () => {
    const reading = await withPage(browser, async (page) => {
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { Reveal?: RevealApi }).Reveal?.isReady());
      return page.evaluate(() => {
        const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
        reveal.slide(2, 0, -1);
        const columns = [...document.querySelectorAll('.columns > .column')].map((column) => column.getBoundingClientRect());
        const steps = reveal.getSlides().map((slide) => slide.querySelectorAll('.fragment').length);
        // Each slide entered before its first step: all of its fragments hidden.
        const hidden = reveal.getSlides().map((slide, h) => {
          reveal.slide(h, 0, -1);
          return [...slide.querySelectorAll('.fragment')].filter((element) => !element.classList.contains('visible')).length;
        });
        reveal.slide(2, 0, -1);
        return {
          columns: columns.map((box) => ({ left: box.left, right: box.right, top: box.top, width: box.width })),
          steps,
          hidden,
          next: reveal.availableFragments().next,
        };
      });
    });
    const [left, right] = reading.columns;
    expect(reading.columns).toHaveLength(2);
    expect(left!.right).toBeLessThanOrEqual(right!.left);
    expect(left!.top).toBe(right!.top);
    expect(left!.width).toBeLessThan(right!.width);
    expect(reading.steps).toEqual([2, 4, 2, 0]);
    expect(reading.hidden).toEqual(reading.steps);
    expect(reading.next).toBe(true);
  });
});
