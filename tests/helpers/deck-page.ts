import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { buildDeck, writeRendered } from '../../src/render/index.js';

/** Write `files` into `folder`, build that deck with no hash and no transition, and return its index.html's URL. */
export async function builtDeckUrl(folder: string, files: Record<string, string>): Promise<string> {
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  const { rendered } = await buildDeck(folder, { flags: { hash: false, transition: 'none' } });
  return pathToFileURL(await writeRendered(join(folder, 'site'), rendered)).href;
}

/** Open a built deck and wait until reveal.js is ready; collects console errors and page errors. */
export async function openDeck(page: Page, url: string): Promise<{ errors: string[] }> {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push((error as Error).message));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
  return { errors };
}

export interface SlideBox {
  id: string;
  h: number;
  v: number;
  title: string;
  width: number;
  height: number;
  scrollWidth: number;
  scrollHeight: number;
}

/**
 * Show every slide in turn (all fragments visible) and measure its content box against the configured slide
 * size. Runs in the page.
 */
export async function measureSlides(page: Page): Promise<SlideBox[]> {
  return page.evaluate(async () => {
    type RevealApi = {
      getSlides(): HTMLElement[];
      getIndices(s: HTMLElement): { h: number; v?: number };
      getConfig(): { width: number; height: number };
      slide(h: number, v: number, f: number): void;
      getCurrentSlide(): HTMLElement;
      configure(o: object): void;
    };
    const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
    reveal.configure({ transition: 'none' });
    const { width, height } = reveal.getConfig();
    const out = [];
    for (const slide of reveal.getSlides()) {
      const { h, v } = reveal.getIndices(slide);
      reveal.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const current = reveal.getCurrentSlide();
      out.push({
        id: current.id,
        h,
        v: v ?? 0,
        title: current.querySelector('h1,h2,h3')?.textContent?.trim() ?? '',
        width,
        height,
        scrollWidth: current.scrollWidth,
        scrollHeight: Math.max(current.scrollHeight, current.offsetHeight),
      });
    }
    return out;
  });
}
