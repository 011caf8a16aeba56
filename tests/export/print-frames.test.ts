/**
 * The print page draws no screen frames (src/export/page/print-frames.ts), for speed only: in a real Chromium,
 * the default deck's print view with it has the same pages, every element on them in the same box, and the
 * same slide numbers as without it; it reaches `pdf-ready` in a tab that gets no animation frames at all (one
 * behind another tab of its window), where reveal.js's print view alone waits for one; and a deck with web
 * fonts has them loaded by the `load` event, as before, so reveal.js measures its print view in them.
 */
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/browser/launch.js';
import { HIDDEN_UNTIL_PRINT, skipScreenFrames } from '../../src/export/page/print-frames.js';
import { installReadyHook, waitForPdfReady } from '../../src/export/page/print-view.js';
import { closeBrowser, startChromium } from '../helpers/chromium.js';
import { printPageBoxes } from '../helpers/print-page-boxes.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const FULL_CHROMIUM = '/usr/bin/chromium';
const PRINT_QUERY = 'print-pdf&margin=0&pdfMaxPagesPerSlide=1&showNotes=false';
const temp = useTempFolder('deck-print-frames-');
let browser: Browser;

beforeAll(async () => {
  browser = await startChromium();
}, 120_000);

afterAll(async () => {
  if (browser) await closeBrowser(browser);
});

/** A page of its own window (or a tab in `options.browser`), with the export's ready hook and, if asked, the frame skipping. */
async function printPage(skip: boolean, options: { tabIn?: Browser } = {}): Promise<Page> {
  const page = await (options.tabIn ? options.tabIn.newPage() : browser.newPage({ type: 'window' }));
  await page.setViewport({ width: 1280, height: 720 });
  await page.evaluateOnNewDocument(installReadyHook);
  if (skip) await page.evaluateOnNewDocument(skipScreenFrames, HIDDEN_UNTIL_PRINT);
  return page;
}

/** Every element's box on every print page, and each page's slide number (tests/helpers/print-page-boxes.ts). */
async function printView(page: Page): Promise<{ numbers: string[]; boxes: string[] }> {
  const { numbers, boxes } = await page.evaluate(printPageBoxes);
  return { numbers, boxes };
}

describe('print page without screen frames', () => {
  it('lays the default deck out as reveal.js does with frames: the same pages, boxes and slide numbers', async () => {
    const url = `${pathToFileURL(inject('defaultDeck').gpt!).href}?${PRINT_QUERY}`;
    const [framed, skipped] = await Promise.all(
      [false, true].map(async (skip) => {
        const page = await printPage(skip);
        try {
          await page.goto(url, { waitUntil: 'load' });
          await page.evaluate(waitForPdfReady);
          return await printView(page);
        } finally {
          await page.close();
        }
      }),
    );
    expect(framed!.numbers.length).toBeGreaterThan(20);
    expect(framed!.numbers).toContain('2');
    expect(skipped!.numbers).toEqual(framed!.numbers);
    expect(skipped!.boxes.length).toBeGreaterThan(framed!.numbers.length * 5);
    expect(skipped!.boxes).toEqual(framed!.boxes);
  });

  // Full Chromium's tabs: the headless shell (the worker's browser, found first) shows every page at once.
  it('reaches pdf-ready in a tab behind another, which gets no animation frames (full Chromium)', async () => {
    const full = await launchBrowser({ executablePath: FULL_CHROMIUM });
    const behind = await printPage(true, { tabIn: full });
    const front = await full.newPage();
    try {
      await front.bringToFront();
      await behind.goto(`${pathToFileURL(inject('defaultDeck').gpt!).href}?${PRINT_QUERY}`, { waitUntil: 'load' });
      await behind.evaluate(waitForPdfReady);
      expect(await behind.evaluate(() => document.visibilityState)).toBe('hidden');
      expect(await behind.evaluate(() => document.querySelectorAll('.reveal .slides > .pdf-page').length)).toBeGreaterThan(20);
      // Frames are real again once the print view is ready.
      expect(await behind.evaluate(() => window.requestAnimationFrame.toString())).toContain('[native code]');
    } finally {
      await full.close();
    }
  }, 60_000);

  it('keeps the slides in the screen layout of a deck with web fonts, so they load before the load event', async () => {
    const katexFonts = join(createRequire(import.meta.url).resolve('katex/package.json'), '..', 'dist', 'fonts');
    const dir = temp.folder('web-font', {
      'index.html': `<!doctype html><html><head><style>
        @font-face { font-family: 'Deck Test'; src: url(main.woff2) format('woff2'); }
        .reveal .slides section { font-family: 'Deck Test', serif; }
      </style></head><body><div class="reveal"><div class="slides"><section>x² + y²</section></div></div>
      <script>window.addEventListener('load', () => { window.fontsAtLoad = Array.from(document.fonts).map((face) => face.status); });</script>
      </body></html>`,
    });
    copyFileSync(join(katexFonts, 'KaTeX_Main-Regular.woff2'), join(dir, 'main.woff2'));
    const page = await printPage(true);
    try {
      await page.goto(pathToFileURL(join(dir, 'index.html')).href, { waitUntil: 'load' });
      expect(await page.evaluate(() => (window as unknown as { fontsAtLoad: string[] }).fontsAtLoad)).toEqual(['loaded']);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.slides')!).display)).toBe('block');
    } finally {
      await page.close();
    }
  });
});
