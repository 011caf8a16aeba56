/**
 * The `image` layout in a real Chromium at 1280×720: the slide's first image covers the whole slide (full bleed,
 * cropped to fill, not letterboxed), and the heading and text sit on a band across the foot, over the image and
 * clear of the slide number; the file's front matter `layout: image` and a slide's `data-layout="image"` both give it.
 * The fixture's image has four coloured quarters, so the pixels at the slide's corners say where it was drawn.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/render/build.js';
import { writeRendered } from '../../src/render/write.js';
import { closeBrowser, startChromium } from '../helpers/chromium.js';
import { openDeck, showSlide } from './deck-page.js';
import { decodePng } from './png.js';

const DECK = join(import.meta.dirname, '..', 'fixtures', 'decks', 'image-layout');

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Placed {
  layout: string | null;
  slide: Box;
  images: Box[];
  band: Box | null;
  heading: Box | null;
  text: Box | null;
  number: Box | null;
}

let out: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'deck-image-layout-'));
  const [{ rendered }, started] = await Promise.all([buildDeck(DECK), startChromium()]);
  browser = started;
  page = await openDeck(browser, await writeRendered(out, rendered));
});

afterAll(async () => {
  await closeBrowser(browser);
  rmSync(out, { recursive: true, force: true });
});

/** Show slide h and measure, in screen pixels, the slide, its images, the band and what is on it. */
async function placed(h: number): Promise<Placed> {
  await showSlide(page, h, 0);
  await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
  return page.evaluate(() => {
    const box = (el: Element | null) => {
      if (!el) return null;
      const { left, top, right, bottom } = el.getBoundingClientRect();
      return { left, top, right, bottom };
    };
    const reveal = (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement; getScale(): number } }).Reveal;
    const slide = reveal.getCurrentSlide();
    const slides = document.querySelector('.reveal .slides')!.getBoundingClientRect();
    const scale = reveal.getScale();
    return {
      layout: slide.getAttribute('data-layout'),
      slide: { left: slides.left, top: slides.top, right: slides.left + 1280 * scale, bottom: slides.top + 720 * scale },
      images: [...slide.querySelectorAll('img')].map((image) => box(image)!),
      band: box(slide.querySelector('.image-slide .slide-body')),
      heading: box(slide.querySelector('h2')),
      text: box(slide.querySelector('.slide-body > p:not(:has(img))')),
      number: box(document.querySelector('.reveal .slide-number')),
    };
  });
}

/** The colour of a screen pixel, as [r, g, b]. */
async function pixels(points: [number, number][]): Promise<number[][]> {
  const shot = decodePng(await page.screenshot({ type: 'png' }));
  return points.map(([x, y]) => {
    const at = (Math.round(y) * shot.width + Math.round(x)) * 4;
    return [shot.data[at]!, shot.data[at + 1]!, shot.data[at + 2]!];
  });
}

const near = (colour: number[], target: number[]) => colour.every((value, i) => Math.abs(value - target[i]!) <= 24);
const RED = [0xd0, 0x30, 0x30];
const GREEN = [0x30, 0xa0, 0x40];

describe('the image layout', () => {
  it.each([
    [0, 'front matter layout: image'],
    [2, 'data-layout="image" on the slide'],
  ])('slide %i (%s): the image covers the slide edge to edge, the text on a band at the foot', async (h) => {
    const slide = await placed(h);
    expect(slide.layout).toBe('image');
    expect(slide.images).toHaveLength(1);
    const [image] = slide.images;
    for (const side of ['left', 'top', 'right', 'bottom'] as const)
      expect(Math.abs(image![side] - slide.slide[side]), side).toBeLessThan(1.5);
    // The band spans the slide's width at its foot; the heading (and the text) are on it, above the slide number.
    const band = slide.band!;
    expect(Math.abs(band.left - slide.slide.left)).toBeLessThan(1.5);
    expect(Math.abs(band.right - slide.slide.right)).toBeLessThan(1.5);
    expect(Math.abs(band.bottom - slide.slide.bottom)).toBeLessThan(1.5);
    expect(band.top).toBeGreaterThan(slide.slide.top + (slide.slide.bottom - slide.slide.top) / 2);
    for (const text of [slide.heading, slide.text].filter((box): box is Box => box !== null)) {
      expect(text.top).toBeGreaterThanOrEqual(band.top);
      expect(text.bottom).toBeLessThanOrEqual(slide.number!.top);
    }
    // Drawn, not only placed: the image's top corners (red, green) show at the slide's top corners, above the band.
    const inset = 6;
    const [topLeft, topRight] = await pixels([
      [slide.slide.left + inset, slide.slide.top + inset],
      [slide.slide.right - inset, slide.slide.top + inset],
    ]);
    expect(near(topLeft!, RED), `top left ${topLeft}`).toBe(true);
    expect(near(topRight!, GREEN), `top right ${topRight}`).toBe(true);
  });

  it('leaves a slide of another layout in the same file as it was', async () => {
    const slide = await placed(1);
    expect(slide.layout).toBe('default');
    expect(slide.images).toEqual([]);
    expect(slide.band).toBeNull();
  });
});
