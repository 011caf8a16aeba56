/**
 * A Marp deck's directives in the exported PDF, as its author saw them in Marp: the page number bottom right and the
 * footer on every slide but the title (`_paginate: false`, `_footer: ''`), the header where it is set, below and
 * beside nothing of the slide's own text; the `lead` slides centred; `backgroundColor`, `invert` and
 * `backgroundImage` painting their slides. Exported in the gpt theme and reveal.js's white, in one browser.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPagePool } from '../../src/browser/index.js';
import { exportPdf, type ExportPdfResult } from '../../src/export/index.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { openDeck } from '../helpers/deck-page.js';
import { type PdfPage, readPdfPages } from '../helpers/pdf-pages.js';
import { emptyFolder } from '../helpers/temp-folder.js';
import { decodePpm } from '../visual/ppm.js';

const DECK = resolve('tests/fixtures/decks/field/marp-en');
const OUT = resolve('tests/.out/export-marp');
const THEMES = ['gpt', 'white'] as const;
let browser: Browser;
const pages = createPagePool();
const exported = new Map<string, Promise<ExportPdfResult>>();

beforeAll(async () => {
  emptyFolder(OUT);
  browser = await startChromium();
  for (const theme of THEMES) {
    const outDir = join(OUT, theme);
    exported.set(theme, exportPdf(DECK, { outDir, browser, pages, handout: false, flags: { theme } }));
  }
  // Settle both before any test, so a failed export is not left unhandled.
  await Promise.allSettled(exported.values());
});

afterAll(async () => {
  await pages.close();
  if (browser) await closeBrowser(browser);
});

/** The colour of one pixel of a page, rendered at 10 dpi, as #rrggbb. */
function pixel(pdf: string, page: number, x: number, y: number): string {
  const ppm = execFileSync('pdftoppm', ['-r', '10', '-f', String(page), '-l', String(page), '-singlefile', pdf]);
  const image = decodePpm(new Uint8Array(ppm));
  const at = (Math.round(y * image.height) * image.width + Math.round(x * image.width)) * 4;
  return `#${[...image.data.subarray(at, at + 3)].map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}

const joined = (page: PdfPage) => page.texts.map((text) => text.str).join(' ');

describe.each(THEMES)("a Marp deck's directives in the PDF (theme %s)", (theme) => {
  const pdf = join(OUT, theme, 'deck.pdf');

  it('exports under strict checks: nothing of the slides falls off them', async () => {
    const result = await exported.get(theme)!;
    expect(result.problems).toEqual([]);
    expect(result.slides?.pages).toBe(7);
  });

  it('numbers every page but the title bottom right, and puts the footer bottom left, below the slide’s text', async () => {
    await exported.get(theme);
    const read = await readPdfPages(pdf);
    // A number alone in the bottom right corner of the page.
    const corner = (page: PdfPage) => page.texts.filter((text) => text.x / page.width > 0.9 && text.y / page.height < 0.1);
    const numbers = read.map((page) => corner(page).filter((text) => /^\d{1,2}$/.test(text.str)));
    expect(numbers.map((found) => found.map((text) => text.str))).toEqual([[], ['2'], ['3'], ['4'], ['5'], ['6'], ['7']]);
    expect(corner(read[0]!)).toEqual([]);
    for (const [i, page] of read.entries()) {
      const start = page.texts.find((text) => text.str.includes('Platform Day'));
      if (i === 0) {
        expect(start).toBeUndefined();
        continue;
      }
      // The footer's line: its runs (the bold part, the dash, the year) on the baseline of its start.
      const footer = page.texts.filter((text) => Math.abs(text.y - start!.y) < 1 && text.x / page.width < 0.5);
      expect(footer.map((text) => text.str).join(' ')).toBe('Platform Day — 2024');
      const number = numbers[i]![0]!;
      // The slide's own text ends above the footer's line (PDF y grows upwards).
      const header = page.texts.find((text) => text.str.startsWith('Part'));
      const own = page.texts.filter((text) => !footer.includes(text) && text !== number && !(header && Math.abs(text.y - header.y) < 1));
      expect(Math.min(...own.map((text) => text.y))).toBeGreaterThan(Math.max(number.y, start!.y) + 10);
    }
    // The header from slide 5 on, above the heading, and not on the last slide (`_header: ''`).
    expect(read.map((page) => joined(page).includes('Practice'))).toEqual([false, false, false, false, true, true, false]);
    const fifth = read[4]!;
    const header = fifth.texts.find((text) => text.str.startsWith('Part'))!;
    const heading = fifth.texts.find((text) => /Trunk-based|TRUNK-BASED/.test(text.str))!;
    expect(header.y).toBeGreaterThan(heading.y + 20);
  });

  it('centres the lead slides across the page', async () => {
    await exported.get(theme);
    const read = await readPdfPages(pdf);
    for (const [n, pattern] of [
      [0, /Ana Lima/],
      [6, /Questions welcome/],
    ] as const) {
      const page = read[n]!;
      const line = page.texts.filter((text) => pattern.test(text.str));
      expect(line.length).toBeGreaterThan(0);
      // The line's left edge is well in from the left, as a centred line of its length is.
      expect(Math.min(...line.map((text) => text.x)) / page.width).toBeGreaterThan(0.25);
    }
  });

  it('paints backgroundColor, invert and backgroundImage', async () => {
    await exported.get(theme);
    expect(pixel(pdf, 3, 0.5, 0.97)).toBe('#12355b');
    const inverted = pixel(pdf, 4, 0.5, 0.97);
    expect(Number.parseInt(inverted.slice(1, 3), 16)).toBeLessThan(64);
    expect(pixel(pdf, 5, 0.03, 0.97)).toBe('#e3eefc');
    expect(pixel(pdf, 2, 0.5, 0.97)).toBe('#ffffff');
    expect(readFileSync(join(OUT, theme, 'images/grid.svg'), 'utf8')).toContain('#e3eefc');
  });
});

describe('the same deck live, in the browser', () => {
  it('shows the page number bottom right and the footer bottom left, clear of reveal.js’s arrows; the title has neither; style applies', async () => {
    await exported.get('gpt');
    const page = await browser.newPage();
    try {
      const url = pathToFileURL(join(OUT, 'gpt', 'index.html')).href;
      const { errors } = await openDeck(page, url);
      const { boxes: seen, title } = await page.evaluate(async () => {
        type RevealApi = { slide(h: number): void; getCurrentSlide(): HTMLElement; configure(options: object): void };
        const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
        // Each slide measured where it rests, not part way through its transition.
        reveal.configure({ transition: 'none' });
        const boxes = [];
        for (const h of [0, 1]) {
          reveal.slide(h);
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          const slide = reveal.getCurrentSlide();
          const frame = slide.getBoundingClientRect();
          const after = getComputedStyle(slide, '::after');
          const footer = slide.querySelector('.slide-footer')?.getBoundingClientRect();
          const arrows = Array.from(document.querySelectorAll('.reveal .controls :is(.navigate-left, .navigate-right)')).map((button) =>
            button.getBoundingClientRect(),
          );
          boxes.push({
            number: after.content,
            numberBottom: frame.bottom - Number.parseFloat(after.bottom) * (frame.height / slide.offsetHeight),
            footer: footer && {
              left: footer.left - frame.left,
              bottom: frame.bottom - footer.bottom,
              text: slide.querySelector('.slide-footer')!.textContent,
            },
            frameBottom: frame.bottom,
            arrowsNearNumber: arrows.filter((box) => box.bottom > frame.bottom - 120 && box.right > frame.right - 160).length,
          });
        }
        // The `style` directive's `section.lead h1 { font-size: 72px }`, over the theme's 64px.
        const title = getComputedStyle(document.querySelector('#slide-1 h1')!).fontSize;
        return { boxes, title };
      });
      expect(errors).toEqual([]);
      expect(title).toBe('72px');
      expect(seen[0]!.number).toBe('none');
      expect(seen[0]!.footer).toBeUndefined();
      expect(seen[1]!.number).toBe('"2"');
      expect(seen[1]!.footer?.text).toBe('Platform Day — 2024');
      // The number's box ends near the slide's bottom right corner, the footer near its bottom left.
      expect(seen[1]!.frameBottom - seen[1]!.numberBottom).toBeLessThan(40);
      expect(seen[1]!.footer!.left).toBeLessThan(80);
      expect(seen[1]!.footer!.bottom).toBeLessThan(40);
      expect(seen[1]!.arrowsNearNumber).toBe(0);
    } finally {
      await page.close();
    }
  });
});
