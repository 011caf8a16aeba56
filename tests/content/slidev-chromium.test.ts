/**
 * The Slidev deck (tests/fixtures/decks/slidev) in a real Chromium: two-cols' columns side by side with no slot
 * marker on the page, v-clicks' items stepping one by one in order, image-right's picture filling the right half,
 * and the PDF with a page per click.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPdf } from '../../src/export/index.js';
import { withPage } from '../../src/browser/index.js';
import { buildDeck, writeRendered } from '../../src/render/index.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { builtDeckUrl, openDeck } from '../helpers/deck-page.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/decks/slidev');

interface RevealApi {
  isReady(): boolean;
  slide(h: number, v?: number, f?: number): void;
  nextFragment(): boolean;
  getCurrentSlide(): HTMLElement;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

describe('a Slidev deck in Chromium', () => {
  let browser: Browser;
  let url: string;
  let work: string;

  beforeAll(async () => {
    const [started, { rendered }] = await Promise.all([
      startChromium(),
      buildDeck(FIXTURE, { flags: { hash: false, transition: 'none' } }),
    ]);
    browser = started;
    work = mkdtempSync(join(tmpdir(), 'deck-slidev-'));
    url = pathToFileURL(await writeRendered(join(work, 'site'), rendered)).href;
  });

  afterAll(async () => closeBrowser(browser));

  /** What `read` finds in the deck, once reveal.js is ready in a 1280×720 page. */
  const readDeck = <T>(read: () => T) =>
    withPage(browser, async (page) => {
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { Reveal?: RevealApi }).Reveal?.isReady());
      return page.evaluate(read);
    });

  it('puts two-cols’ parts side by side, the ::right:: marker nowhere on the page, and steps v-clicks’ items one by one in order', async () => {
    const reading = await readDeck(() => {
      const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
      reveal.slide(2, 0, -1);
      const slide = reveal.getCurrentSlide();
      const box = (element: Element | null): Box | undefined => {
        if (!element) return undefined;
        const { left, right, top, bottom, width, height } = element.getBoundingClientRect();
        return { left, right, top, bottom, width, height };
      };
      // reveal.js marks a fragment shown at its step `visible` (its opacity then fades in).
      const visible = () =>
        [...slide.querySelectorAll('li')].filter((item) => item.classList.contains('visible')).map((item) => item.textContent);
      const hiddenAtFirst = [...slide.querySelectorAll('li')].filter((item) => getComputedStyle(item).visibility === 'hidden').length;
      const steps = [visible()];
      while (reveal.nextFragment()) steps.push(visible());
      return {
        left: box(slide.querySelector('.slot-default')),
        right: box(slide.querySelector('.slot-right')),
        heading: box(slide.querySelector('h1')),
        text: document.body.textContent,
        hiddenAtFirst,
        steps,
      };
    });
    expect(reading.left!.right).toBeLessThanOrEqual(reading.right!.left);
    expect(reading.left!.top).toBe(reading.right!.top);
    expect(reading.left!.width).toBeGreaterThan(400);
    expect(reading.right!.width).toBeGreaterThan(400);
    // The heading is in the left column, as in Slidev's two-cols.
    expect(reading.heading!.right).toBeLessThanOrEqual(reading.right!.left);
    expect(reading.text).not.toMatch(/::\w+::/);
    expect(reading.hiddenAtFirst).toBe(4);
    expect(reading.steps).toEqual([
      [],
      ['Why a design system'],
      ['Why a design system', 'Tokens first'],
      ['Why a design system', 'Tokens first', 'Components second'],
      ['Why a design system', 'Tokens first', 'Components second', 'Adoption last'],
    ]);
  });

  it('shows v-click="[2, 4]" at click 2 and hides it at click 4, and a v-switch template #2-4 the same, every click a step, as Slidev does', async () => {
    const deckUrl = await builtDeckUrl(join(work, 'ranges'), {
      'slides.md':
        '---\ntransition: slide-left\n---\n\n# Ranges\n\n<p v-click>one</p>\n<p v-click="[2, 4]">two to four</p>\n<p v-click="3">three</p>\n<p v-click="4">four</p>\n\n---\n\n# Switch\n\n<v-switch>\n<template #1><p>first</p></template>\n<template #2-4><p>middle</p></template>\n<template #4><p>last</p></template>\n</v-switch>\n',
    });
    const steps = await withPage(browser, async (page) => {
      await openDeck(page, deckUrl);
      // Each step's end state: a fragment's visibility changes only at the end of its fade otherwise.
      await page.addStyleTag({ content: '* { transition: none !important; }' });
      return page.evaluate(() => {
        const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
        const shown = () =>
          [...reveal.getCurrentSlide().querySelectorAll('p')]
            .filter((p) => getComputedStyle(p).visibility !== 'hidden')
            .map((p) => p.textContent);
        const read: string[][][] = [];
        for (const h of [0, 1]) {
          reveal.slide(h, 0, -1);
          const slide = [shown()];
          while (reveal.nextFragment()) slide.push(shown());
          read.push(slide);
        }
        return read;
      });
    });
    expect(steps[0]).toEqual([[], ['one'], ['one', 'two to four'], ['one', 'two to four', 'three'], ['one', 'three', 'four']]);
    // Click 3 changes nothing there, but it is a click, as in Slidev.
    expect(steps[1]).toEqual([[], ['first'], ['middle'], ['middle'], ['last']]);
  });

  it('keeps a slide’s <style> to that slide, as Slidev scopes it', async () => {
    const colours = await readDeck(() => {
      const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
      return [2, 3, 4].map((h) => {
        reveal.slide(h, 0, -1);
        return getComputedStyle(reveal.getCurrentSlide().querySelector('h1')!).color;
      });
    });
    // Only "Why a design system" (slide 4) colours its heading.
    expect(colours[1]).toBe('rgb(43, 144, 182)');
    expect(colours[0]).not.toBe(colours[1]);
    expect(colours[2]).toBe(colours[0]);
  });

  it('fills image-right’s right half with its picture, the text on the left, and nothing past the slide', async () => {
    const reading = await readDeck(() => {
      const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
      reveal.slide(6, 0, -1);
      const slide = reveal.getCurrentSlide();
      const image = slide.querySelector('.slot-image img') as HTMLImageElement | null;
      const section = slide.getBoundingClientRect();
      const text = slide.querySelector('.slot-default')!.getBoundingClientRect();
      const picture = image?.getBoundingClientRect();
      const bottom = Math.max(...[...slide.querySelectorAll('*')].map((element) => element.getBoundingClientRect().bottom));
      return {
        loaded: image ? image.complete && image.naturalWidth > 0 : false,
        picture: picture && { left: picture.left, right: picture.right, width: picture.width, height: picture.height },
        textRight: text.right,
        middle: section.left + section.width / 2,
        sectionRight: section.right,
        fits: bottom <= section.bottom + 1,
      };
    });
    expect(reading.loaded).toBe(true);
    expect(reading.picture!.left).toBeGreaterThanOrEqual(reading.middle);
    expect(reading.picture!.right).toBeLessThanOrEqual(reading.sectionRight);
    expect(reading.picture!.width).toBeGreaterThan(400);
    expect(reading.picture!.height).toBeGreaterThan(500);
    expect(reading.textRight).toBeLessThanOrEqual(reading.picture!.left);
    expect(reading.fits).toBe(true);
  });

  it('exports a PDF page per click, under the export’s strict checks: the v-clicks items appear one page at a time', async () => {
    const result = await exportPdf(FIXTURE, { outDir: join(work, 'pdf'), browser, handout: false, flags: { pdf: { fragments: true } } });
    const doc = await getDocument({ data: new Uint8Array(readFileSync(result.slides!.path)), verbosity: 0 }).promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      // Without white space: the PDF's text runs split lines and words where they like.
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join('')
          .replace(/\s+/g, ''),
      );
    }
    await doc.destroy();
    const items = ['Whyadesignsystem', 'Tokensfirst', 'Componentssecond', 'Adoptionlast'];
    const fourStops = pages.filter((page) => page.includes('Wherethistalkgoes'));
    expect(fourStops.map((page) => items.filter((item) => page.includes(item)).length)).toEqual([0, 1, 2, 3, 4]);
    // 18 slides and their 17 clicks, each a page (the code's line-highlight steps among them).
    expect(pages).toHaveLength(35);
  });
});
