/**
 * The containment the export puts on reveal.js's print pages (src/export/page/print-containment.ts) is there
 * for speed only: in a real Chromium, on the default deck's print view (images, charts, tables, every layout),
 * every page and every element on it keeps its box and its size, while Chromium reports the pages contained;
 * releasing it (before the handout) leaves them as reveal.js made them. A page the deck's CSS makes taller than
 * the sheet is not contained (Chromium fails the print of a size-contained box that does not fit).
 */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CONTAINED_ATTRIBUTE, containPrintPages, releasePrintPages } from '../../src/export/page/print-containment.js';
import { installReadyHook, waitForPdfReady } from '../../src/export/page/print-view.js';
import { closeBrowser, startChromium } from '../helpers/chromium.js';
import { type PrintPageBoxes, printPageBoxes } from '../helpers/print-page-boxes.js';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await startChromium();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.evaluateOnNewDocument(installReadyHook);
  const url = `${pathToFileURL(inject('defaultDeck').gpt!).href}?print-pdf&margin=0&pdfMaxPagesPerSlide=1&showNotes=false`;
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(waitForPdfReady);
}, 120_000);

afterAll(async () => {
  if (browser) await closeBrowser(browser);
});

/** Every print page's containment and every element's box (tests/helpers/print-page-boxes.ts). */
function state(): Promise<PrintPageBoxes> {
  return page.evaluate(printPageBoxes);
}

describe('print page containment', () => {
  it('contains every page and moves no box on any of them; released, the pages are as reveal.js made them', async () => {
    const before = await state();
    expect(before.contain.length).toBeGreaterThan(20);
    expect(new Set(before.contain)).toEqual(new Set(['none']));
    expect(before.boxes.length).toBeGreaterThan(before.contain.length * 5);

    const sheet = { width: 1280, height: 720 };
    await page.evaluate(containPrintPages, sheet, CONTAINED_ATTRIBUTE);
    await page.evaluate(containPrintPages, sheet, CONTAINED_ATTRIBUTE); // twice: still one style element
    const contained = await state();
    expect(new Set(contained.contain)).toEqual(new Set(['size layout paint']));
    expect(await page.evaluate((name) => document.querySelectorAll(`style[${name}]`).length, CONTAINED_ATTRIBUTE)).toBe(1);
    expect(contained.boxes).toEqual(before.boxes);

    await page.evaluate(releasePrintPages, CONTAINED_ATTRIBUTE);
    const released = await state();
    expect(new Set(released.contain)).toEqual(new Set(['none']));
    expect(released.boxes).toEqual(before.boxes);
    expect(await page.evaluate((name) => document.querySelectorAll(`[${name}]`).length, CONTAINED_ATTRIBUTE)).toBe(0);
  });

  it('leaves a page taller than the sheet uncontained', async () => {
    await page.evaluate(() => document.querySelector<HTMLElement>('.reveal .slides > .pdf-page')!.style.setProperty('height', '1440px'));
    try {
      await page.evaluate(containPrintPages, { width: 1280, height: 720 }, CONTAINED_ATTRIBUTE);
      const contain = (await state()).contain;
      expect(contain[0]).toBe('none');
      expect(new Set(contain.slice(1))).toEqual(new Set(['size layout paint']));
    } finally {
      await page.evaluate(releasePrintPages, CONTAINED_ATTRIBUTE);
      await page.evaluate(() => document.querySelector<HTMLElement>('.reveal .slides > .pdf-page')!.style.removeProperty('height'));
    }
  });
});
