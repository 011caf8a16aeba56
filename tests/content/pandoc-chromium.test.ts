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
const LEVELS = join(import.meta.dirname, '../fixtures/decks/pandoc-levels/talk.md');

interface RevealApi {
  isReady(): boolean;
  slide(h: number, v?: number, f?: number): void;
  availableFragments(): { prev: boolean; next: boolean };
  getSlides(): HTMLElement[];
  getHorizontalSlides(): HTMLElement[];
  getIndices(slide: HTMLElement): { h: number; v?: number };
}

describe('a Pandoc deck in Chromium', () => {
  let browser: Browser;
  let url: string;
  let levelsUrl: string;

  beforeAll(async () => {
    const flags = { flags: { hash: false, transition: 'none' as const } };
    const [started, { rendered }, levels] = await Promise.all([startChromium(), buildDeck(FIXTURE, flags), buildDeck(LEVELS, flags)]);
    browser = started;
    const dir = mkdtempSync(join(tmpdir(), 'deck-pandoc-'));
    url = pathToFileURL(await writeRendered(join(dir, 'features'), rendered)).href;
    levelsUrl = pathToFileURL(await writeRendered(join(dir, 'levels'), levels.rendered)).href;
  });

  afterAll(async () => closeBrowser(browser));

  /** What `read` finds in the deck at `url`, once reveal.js is ready in a 1280×720 page. */
  const readDeck = <T>(url: string, read: () => T) =>
    withPage(browser, async (page) => {
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { Reveal?: RevealApi }).Reveal?.isReady());
      return page.evaluate(read);
    });

  it('shows columns side by side, the 40% one narrower, and every fragment hidden until its step', async () => {
    const reading = await readDeck(url, () => {
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
    const [left, right] = reading.columns;
    expect(reading.columns).toHaveLength(2);
    expect(left!.right).toBeLessThanOrEqual(right!.left);
    expect(left!.top).toBe(right!.top);
    expect(left!.width).toBeLessThan(right!.width);
    expect(reading.steps).toEqual([2, 4, 2, 0]);
    expect(reading.hidden).toEqual(reading.steps);
    expect(reading.next).toBe(true);
  });

  it('makes # sections vertical stacks of their ## slides, as pandoc -t revealjs nests them, every list stepping but the exceptions', async () => {
    const reading = await readDeck(levelsUrl, () => {
      const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
      const slides = reveal.getSlides().map((slide) => {
        const { h, v } = reveal.getIndices(slide);
        reveal.slide(h, v ?? 0, -1);
        const hidden = [...slide.querySelectorAll('.fragment')].filter((element) => !element.classList.contains('visible')).length;
        const heading = slide.querySelector('h1, h2')?.textContent?.trim() ?? '';
        // Nothing past the slide's bottom edge: the tallest slide still fits.
        const bottom = Math.max(...[...slide.querySelectorAll('*')].map((element) => element.getBoundingClientRect().bottom));
        return {
          h,
          v: v ?? 0,
          heading,
          fragments: slide.querySelectorAll('.fragment').length,
          hidden,
          fits: bottom <= slide.getBoundingClientRect().bottom + 1,
        };
      });
      const first = reveal.getSlides()[0]!;
      return {
        stacks: reveal.getHorizontalSlides().map((stack) => stack.querySelectorAll(':scope > section').length),
        slides,
        section: { id: first.id, title: first.getAttribute('title'), background: first.getAttribute('data-background-color') },
      };
    });
    // pandoc -i -t revealjs: <section>(why, sections-are-stacks, lists-step-one-by-one, untitled)</section>
    // <section>(exceptions, at-once, deeper-headings-stay)</section>; 2 and 3 items step, the rest at once.
    expect(reading.stacks).toEqual([4, 3]);
    expect(reading.slides.map(({ h, v, heading, fragments }) => [h, v, heading, fragments])).toEqual([
      [0, 0, 'Why levels', 0],
      [0, 1, 'Sections are stacks', 2],
      [0, 2, 'Lists step one by one', 3],
      [0, 3, '', 0],
      [1, 0, 'Exceptions', 0],
      [1, 1, 'At once', 0],
      [1, 2, 'Deeper headings stay', 0],
    ]);
    expect(reading.slides.map((slide) => slide.hidden)).toEqual(reading.slides.map((slide) => slide.fragments));
    expect(reading.slides.every((slide) => slide.fits)).toBe(true);
    expect(reading.section).toEqual({ id: 'why', title: 'Levels & stacks', background: '#f4f1e8' });
  });
});
