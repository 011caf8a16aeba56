/**
 * A built deck opened in a page at the slide's own size, then stepped slide by slide: what the PNG and PPTX
 * exports look at. reveal.js reads its settings from the query string, so the page shows the slide without
 * controls, progress bar or transitions (and edge to edge unless the margin is kept).
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { blockForeignRequests } from './requests.js';

export interface DeckPageOptions {
  /** The folder the deck was built into; requests outside it are blocked and reported. */
  outDir: string;
  /** The built index.html. */
  index: string;
  width: number;
  height: number;
  /** Device pixels per CSS pixel (2 makes 2560×1440 images of a 1280×720 deck). */
  scale?: number;
  /** Show every fragment (the slide's final state) instead of stepping through them. */
  allFragments: boolean;
  /**
   * Keep the deck's own margin around the slide, as the live deck and the PDF show it (PNG), instead of the
   * slide edge to edge (PPTX, whose positions are the slide's own).
   */
  keepMargin?: boolean;
  timeoutMs: number;
}

/** A slide of the deck as reveal.js orders it (vertical slides after their parent). */
export interface DeckPageSlide {
  id: string;
  h: number;
  v: number;
  /** Fragment steps on the slide. */
  steps: number;
}

export interface DeckPage {
  slides: DeckPageSlide[];
  /** URLs the page asked for outside the deck's files (blocked). */
  blocked: string[];
}

type RevealApi = {
  isReady(): boolean;
  getSlides(): HTMLElement[];
  getIndices(slide: HTMLElement): { h: number; v?: number };
  slide(h: number, v: number, f?: number): void;
  nextFragment(): boolean;
  sync(): void;
};

export async function openDeckPage(page: Page, options: DeckPageOptions): Promise<DeckPage> {
  const blocked = await blockForeignRequests(page, options.outDir);
  await page.setViewport({ width: options.width, height: options.height, deviceScaleFactor: options.scale ?? 1 });
  const margin = options.keepMargin === true ? '' : 'margin=0&';
  const query = `${margin}controls=false&progress=false&transition=none&backgroundTransition=none&hash=false&fragments=${!options.allFragments}`;
  await page.goto(`${pathToFileURL(options.index).href}?${query}`, { waitUntil: 'load', timeout: options.timeoutMs });
  await page.waitForFunction(() => (window as unknown as { Reveal?: RevealApi }).Reveal?.isReady() === true, {
    timeout: options.timeoutMs,
  });
  const slides = await page.evaluate(async () => {
    await document.fonts.ready;
    const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
    return reveal.getSlides().map((slide) => {
      const { h, v } = reveal.getIndices(slide);
      const indices = new Set(Array.from(slide.querySelectorAll('.fragment')).map((f) => f.getAttribute('data-fragment-index')));
      return { id: slide.id, h, v: v ?? 0, steps: indices.size };
    });
  });
  return { slides, blocked };
}

/** Show a slide (at fragment step `fragment`, -1 for none shown) and wait until it is painted. */
export async function showSlide(page: Page, slide: DeckPageSlide, fragment?: number): Promise<void> {
  await page.evaluate(
    async (h, v, f) => {
      const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
      if (f === null) reveal.slide(h, v);
      else reveal.slide(h, v, f);
      // Two frames: the first applies the new classes, the second is painted with them.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    },
    slide.h,
    slide.v,
    fragment ?? null,
  );
}
