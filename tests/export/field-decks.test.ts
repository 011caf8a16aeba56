/**
 * `deck pdf` on decks from the field (issue 10): reveal.js themes that import web fonts export offline with the
 * fonts embedded; KaTeX's hidden MathML is not overflow; `fit` shrinks a slide the same live and in the PDF but
 * never below half size; an author's slide id is a link target in the PDF. Real overflow saying what is lost (and
 * only warning with strict checks off): tests/export/pdf.test.ts, which exports the same overflowing deck.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPagePool, withPage } from '../../src/browser/index.js';
import { exportPdf, type ExportPdfResult } from '../../src/export/index.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { rejectedDeckError } from '../helpers/deck-error.js';
import { emptyFolder } from '../helpers/temp-folder.js';
import { workAhead } from '../helpers/work-ahead.js';

const OUT = resolve('tests/.out/export-field');
const FIXTURES = resolve('tests/fixtures/export/field');
let browser: Browser;
/** The exports' pages, kept between them as `deck pdf a/ b/` keeps them (three at a time: three pages, not sixteen). */
const pages = createPagePool();
const FIELD_DECKS = [
  'reveal-animate-en',
  'malformed-es',
  'reveal-md-ja',
  'reveal-md-crlf-en',
  'pandoc-ko',
  'vscode-reveal-de',
  'quarto-ru',
];

/** Every export the tests read, by name, in the order of the tests. */
const EXPORTS: Record<string, () => Promise<ExportPdfResult>> = {
  math: () => exportPdf(resolve('tests/fixtures/decks/math'), { outDir: join(OUT, 'math'), browser, pages, handout: false }),
  league: () => exportPdf(join(FIXTURES, 'league'), { outDir: join(OUT, 'league'), browser, pages, handout: false }),
  'reveal-theme': () => exportPdf(join(FIXTURES, 'reveal-theme'), { outDir: join(OUT, 'reveal-theme'), browser, pages, handout: false }),
  fit: () => exportPdf(join(FIXTURES, 'fit'), { outDir: join(OUT, 'fit'), browser, pages, handout: false }),
  'too-long': () => exportPdf(join(FIXTURES, 'too-long'), { outDir: join(OUT, 'too-long'), browser, pages, handout: false }),
  'center-fit': () => exportPdf(join(FIXTURES, 'center-fit'), { outDir: join(OUT, 'center-fit'), browser, pages, handout: false }),
  pictures: () => exportPdf(join(FIXTURES, 'pictures'), { outDir: join(OUT, 'pictures'), browser, pages, handout: false }),
  links: () => exportPdf(join(FIXTURES, 'links'), { outDir: join(OUT, 'links'), browser, pages, handout: false }),
  'local-links': () => exportPdf(join(FIXTURES, 'local-links'), { outDir: join(OUT, 'local-links'), browser, pages }),
  ...Object.fromEntries(
    FIELD_DECKS.map((name) => [
      `deck-${name}`,
      () => exportPdf(resolve('tests/fixtures/decks/field', name), { outDir: join(OUT, `deck-${name}`), browser, pages, handout: false }),
    ]),
  ),
};
/** The exports, three at a time in pages of the file's browser, from beforeAll on. */
const exported = workAhead(Object.keys(EXPORTS), 3, (name) => EXPORTS[name]!());

beforeAll(async () => {
  emptyFolder(OUT);
  browser = await startChromium();
  exported.start();
});

afterAll(async () => {
  await pages.close();
  if (browser) await closeBrowser(browser);
});

describe('false alarms', () => {
  it('exports a deck with math: true under strict checks (KaTeX’s hidden MathML is not overflow)', async () => {
    const result = await exported.of('math');
    expect(result.problems).toEqual([]);
    expect(result.slides?.pages).toBe(result.deck.slides.length);
  });

  it('exports a reveal.js theme that imports Google fonts, offline, with the font embedded', async () => {
    const out = join(OUT, 'league');
    const result = await exported.of('league');
    expect(result.problems).toEqual([]);
    const css = readFileSync(join(out, 'assets/theme/league.css'), 'utf8');
    expect(css).not.toContain('fonts.googleapis.com');
    expect(css).toMatch(/font-family: 'Lato'/);
    expect(execFileSync('pdffonts', [result.slides!.path], { encoding: 'utf8' })).toMatch(/Lato/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('assets/highlight/atom-one-dark.css');
  });
});

/** Runs in the page: where each slide's heading text starts (left and baseline), in CSS px of the slide. */
function headingBaselines(): { left: number; baseline: number }[] {
  const reveal = (
    window as unknown as {
      Reveal: { getSlides(): HTMLElement[]; slide(h: number, v?: number): void; getIndices(s: HTMLElement): { h: number; v?: number } };
    }
  ).Reveal;
  return reveal.getSlides().map((slide) => {
    const { h, v } = reveal.getIndices(slide);
    reveal.slide(h, v);
    const heading = slide.querySelector('h1, h2')!;
    // A zero-size inline-block sits on the baseline where the text starts.
    const probe = document.createElement('span');
    probe.style.display = 'inline-block';
    heading.prepend(probe);
    const box = probe.getBoundingClientRect();
    probe.remove();
    return { left: box.left, baseline: box.bottom };
  });
}

/** Where each page's first text starts in the PDF (left and baseline, CSS px of the slide) and its font size. */
async function printedHeadings(result: ExportPdfResult): Promise<{ left: number; baseline: number; size: number }[]> {
  const { width, height } = result.deck.config;
  const doc = await getDocument({ data: new Uint8Array(readFileSync(result.slides!.path)), verbosity: 0 }).promise;
  const printed: { left: number; baseline: number; size: number }[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const pxPerPoint = width / viewport.width;
    expect(viewport.height * pxPerPoint).toBeCloseTo(height, 0);
    const items = (await page.getTextContent()).items.filter((item) => 'str' in item && item.str.trim() !== '');
    const first = items[0] as { transform: number[] };
    printed.push({
      left: first.transform[4]! * pxPerPoint,
      baseline: (viewport.height - first.transform[5]!) * pxPerPoint,
      size: Math.hypot(first.transform[2]!, first.transform[3]!) * pxPerPoint,
    });
  }
  await doc.destroy();
  return printed;
}

/** Open the built deck at the slide's size, as a screen shows it, and run each of `measures` in it in turn. */
function live<T extends unknown[]>(result: ExportPdfResult, ...measures: { [K in keyof T]: () => T[K] }): Promise<T> {
  const { width, height } = result.deck.config;
  return withPage(browser, async (page) => {
    await page.setViewport({ width, height });
    await page.goto(pathToFileURL(result.index).href);
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    await page.evaluate(() => document.fonts.ready);
    const measured: unknown[] = [];
    for (const measure of measures) measured.push(await page.evaluate(measure));
    return measured as T;
  });
}

/** Every page's heading starts where the live slide's does (`onScreen`, headingBaselines), within 2 px. */
async function expectHeadingsWhereLive(result: ExportPdfResult, onScreen: { left: number; baseline: number }[]): Promise<void> {
  const printed = await printedHeadings(result);
  expect(printed).toHaveLength(onScreen.length);
  printed.forEach((position, i) => {
    expect(
      Math.abs(position.left - onScreen[i]!.left),
      `slide ${i + 1} left: PDF ${position.left}, live ${onScreen[i]!.left}`,
    ).toBeLessThan(2);
    expect(
      Math.abs(position.baseline - onScreen[i]!.baseline),
      `slide ${i + 1} baseline: PDF ${position.baseline}, live ${onScreen[i]!.baseline}`,
    ).toBeLessThan(2);
  });
}

describe('the PDF page keeps the live slide’s geometry', () => {
  it('exports a reveal.js theme with a margin under strict checks, each heading where it is on screen', async () => {
    const result = await exported.of('reveal-theme');
    expect(result.problems).toEqual([]);
    const [onScreen] = await live(result, headingBaselines);
    await expectHeadingsWhereLive(result, onScreen);
  });

  it('exports center: true, r-stretch and r-fit-text (reveal-md decks) under strict checks, as the screen shows them', async () => {
    const result = await exported.of('center-fit');
    // Centred slides kept inside the page (they reached 32 px past its foot), the stretched picture inside the room
    // left (it was drawn at the slide's full width, far past the foot).
    expect(result.problems).toEqual([]);
    // One page load for both: every slide's heading, then the stretched picture and the fitted heading.
    const [onScreen, screen] = await live(result, headingBaselines, () => {
      const reveal = (window as unknown as { Reveal: { slide(h: number): void; getCurrentSlide(): HTMLElement; getScale(): number } })
        .Reveal;
      reveal.slide(1);
      const slide = reveal.getCurrentSlide();
      const picture = slide.querySelector('img')!.getBoundingClientRect();
      const below = slide.querySelector('p:last-of-type')!.getBoundingClientRect();
      const room = slide.getBoundingClientRect();
      reveal.slide(2);
      const fitted = document.querySelector<HTMLElement>('.r-fit-text')!;
      return {
        picture: { height: picture.height, ratio: picture.width / picture.height, bottom: picture.bottom },
        belowTop: below.top,
        belowBottom: below.bottom,
        slideBottom: room.bottom,
        fitted: Number.parseFloat(getComputedStyle(fitted).fontSize),
        scale: reveal.getScale(),
      };
    });
    await expectHeadingsWhereLive(result, onScreen);
    // The picture takes the height the heading and the two lines leave: far more than its 90 px, less than the slide.
    expect(screen.picture.height).toBeGreaterThan(300);
    expect(screen.picture.bottom).toBeLessThanOrEqual(screen.belowTop + 1);
    expect(screen.belowBottom).toBeLessThanOrEqual(screen.slideBottom);
    // The fitted heading grew to the slide's width (reveal.js's fitty), far past the theme's heading size.
    expect(screen.fitted).toBeGreaterThan(90);
    // The PDF draws it at the size the screen shows it (both scaled by the deck's margin).
    const printed = await printedHeadings(result);
    const shown = screen.fitted * screen.scale;
    expect(Math.abs(printed[2]!.size - shown) / shown, `PDF ${printed[2]!.size} px, live ${shown} px`).toBeLessThan(0.02);
  });
});

describe('fit', () => {
  it('shrinks an overflowing data-fit slide in the PDF so the export passes', async () => {
    const result = await exported.of('fit');
    expect(result.problems).toEqual([]);
    const doc = await getDocument({ data: new Uint8Array(readFileSync(result.slides!.path)), verbosity: 0 }).promise;
    const text = (await (await doc.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    await doc.destroy();
    expect(text).toContain('mike');
  });

  it("shows a fitted slide's long code block whole, its last line and the end of its longest, in the PDF and live", async () => {
    const result = await exported.of('fit');
    expect(result.problems).toEqual([]);
    const doc = await getDocument({ data: new Uint8Array(readFileSync(result.slides!.path)), verbosity: 0 }).promise;
    const page = await doc.getPage(3);
    const { width } = page.getViewport({ scale: 1 });
    const items = (await page.getTextContent()).items.filter((item) => 'str' in item && item.str.trim() !== '');
    await doc.destroy();
    const text = items.map((item) => ('str' in item ? item.str : '')).join('');
    expect(text).toContain('step24();');
    expect(text).toContain('end-of-long-line');
    // Every run of text starts and ends on the page.
    for (const item of items) if ('transform' in item) expect(item.transform[4] + item.width, item.str).toBeLessThanOrEqual(width);
    const live = await withPage(browser, async (page) => {
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(`${pathToFileURL(result.index).href}#/2`);
      await page.waitForFunction(() => document.querySelector('section.present[data-fit-scale]') !== null);
      return page.evaluate(() => {
        const section = document.querySelector<HTMLElement>('section.present')!;
        const code = section.querySelector<HTMLElement>('pre code')!;
        return {
          scale: Number(section.getAttribute('data-fit-scale')),
          width: section.scrollWidth,
          height: section.scrollHeight,
          hidden: code.scrollHeight - code.clientHeight + code.scrollWidth - code.clientWidth,
        };
      });
    });
    expect(live.scale).toBeGreaterThanOrEqual(0.5);
    expect(live.scale).toBeLessThan(1);
    expect(live.width).toBeLessThanOrEqual(1281);
    expect(live.height).toBeLessThanOrEqual(720);
    expect(live.hidden, 'nothing scrolled out of sight inside the code block').toBeLessThanOrEqual(1);
  });

  it('shrinks the same slide live, on screen', async () => {
    const { index } = await exported.of('fit');
    const scales = await withPage(browser, async (page) => {
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(`${pathToFileURL(index).href}#/`);
      await page.waitForFunction(() => document.querySelector('section[data-fit-scale]') !== null);
      const first = await page.evaluate(() => {
        const section = document.querySelector<HTMLElement>('section[data-fit]')!;
        return { scale: Number(section.getAttribute('data-fit-scale')), height: section.scrollHeight };
      });
      return first;
    });
    expect(scales.scale).toBeGreaterThanOrEqual(0.5);
    expect(scales.scale).toBeLessThan(1);
    expect(scales.height).toBeLessThanOrEqual(720);
  });

  it('never shrinks below half size: a slide that needs more stays an error', async () => {
    const error = await rejectedDeckError(exported.of('too-long'));
    expect(error.message).toMatch(/list items \(from “item number \d+”\) (fall|reach) below the slide/);
  });
});

describe('pictures', () => {
  it('fit on their slide as Markdown gives them, in the PDF under strict checks and live: aspect kept, small ones at their size', async () => {
    const result = await exported.of('pictures');
    // The strict checks include the glyphs: the emoji on the last slide is drawn (the bootstrap installs an emoji font).
    expect(result.problems).toEqual([]);
    const doc = await getDocument({ data: new Uint8Array(readFileSync(result.slides!.path)), verbosity: 0 }).promise;
    const last = (await (await doc.getPage(doc.numPages)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('');
    await doc.destroy();
    expect(last).toContain('🎉');
    const slides = await withPage(browser, async (page) => {
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(`${pathToFileURL(result.index).href}#/`);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      await page.evaluate(() => Promise.all(Array.from(document.images).map((image) => image.decode().catch(() => undefined))));
      return page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > section')).map((section) => {
          // Every slide laid out in place, as the print view does: one at a time, shown.
          section.style.display = 'block';
          const frame = section.getBoundingClientRect();
          const scale = frame.width / section.offsetWidth;
          const pictures = Array.from(section.querySelectorAll('img')).map((image) => {
            const box = image.getBoundingClientRect();
            return {
              left: (box.left - frame.left) / scale,
              top: (box.top - frame.top) / scale,
              right: (box.right - frame.left) / scale,
              bottom: (box.bottom - frame.top) / scale,
              ratio: box.width / box.height,
              natural: image.naturalWidth / image.naturalHeight,
              width: box.width / scale,
              height: box.height / scale,
            };
          });
          const out = {
            title: section.querySelector('h2')?.textContent ?? '',
            width: section.scrollWidth,
            height: section.scrollHeight,
            pictures,
          };
          section.style.removeProperty('display');
          return out;
        }),
      );
    });
    expect(slides.map((slide) => slide.pictures.length)).toEqual([1, 1, 1, 1, 1, 2, 0]);
    for (const slide of slides) {
      expect(slide.width, slide.title).toBeLessThanOrEqual(1281);
      expect(slide.height, slide.title).toBeLessThanOrEqual(721);
      for (const picture of slide.pictures) {
        expect(picture.left, slide.title).toBeGreaterThanOrEqual(-1);
        expect(picture.top, slide.title).toBeGreaterThanOrEqual(-1);
        expect(picture.right, slide.title).toBeLessThanOrEqual(1281);
        expect(picture.bottom, slide.title).toBeLessThanOrEqual(721);
        expect(Math.abs(picture.ratio / picture.natural - 1), `${slide.title}: aspect ratio`).toBeLessThan(0.02);
      }
    }
    // Big pictures use the room: more than half the slide's height (the tall one) or width (the wide ones).
    expect(slides[0]!.pictures[0]!.width).toBeGreaterThan(640);
    expect(slides[1]!.pictures[0]!.height).toBeGreaterThan(360);
    expect(slides[3]!.pictures[0]!.height).toBeGreaterThan(500);
    // The small one is not blown up; the two of one paragraph sit side by side.
    expect([slides[4]!.pictures[0]!.width, slides[4]!.pictures[0]!.height].map(Math.round)).toEqual([200, 120]);
    const [left, right] = slides[5]!.pictures;
    expect(Math.abs(left!.top - right!.top)).toBeLessThan(80);
    expect(left!.right).toBeLessThanOrEqual(right!.left);
  });
});

describe('slide ids', () => {
  it("keeps the author's ids and makes #id and #/id links jump inside the PDF", async () => {
    const result = await exported.of('links');
    const html = readFileSync(result.index, 'utf8');
    expect(html).toMatch(/<section id="intro"/);
    expect(html).toMatch(/<section id="the-end"/);
    const doc = await getDocument({ data: new Uint8Array(readFileSync(result.slides!.path)), verbosity: 0 }).promise;
    const targetPage = async (pageNumber: number) => {
      const annotations = await (await doc.getPage(pageNumber)).getAnnotations();
      const link = annotations.find((annotation) => annotation.subtype === 'Link');
      expect(link?.dest, `page ${pageNumber} has an internal link`).toBeDefined();
      const dest = typeof link.dest === 'string' ? await doc.getDestination(link.dest) : link.dest;
      return (await doc.getPageIndex(dest[0])) + 1;
    };
    expect(await targetPage(1)).toBe(3);
    expect(await targetPage(3)).toBe(1);
    await doc.destroy();
  });
});

describe('links to local files', () => {
  it('point at the copy beside the PDF, not into the deleted stage folder', async () => {
    const result = await exported.of('local-links');
    expect(result.problems).toEqual([]);
    for (const pdf of [result.slides!.path, result.handout!.path]) {
      const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0 }).promise;
      const annotations = await (await doc.getPage(1)).getAnnotations();
      await doc.destroy();
      const urls = annotations
        .filter((annotation) => annotation.subtype === 'Link' && annotation.unsafeUrl)
        .map((annotation) => annotation.unsafeUrl as string);
      expect(urls, pdf).toEqual(['files/table.csv', 'files/read%20me.txt', 'https://example.org/']);
      for (const url of urls.slice(0, 2)) {
        const copy = join(dirname(pdf), decodeURI(url));
        expect(readFileSync(copy)).toEqual(readFileSync(join(FIXTURES, 'local-links', decodeURI(url))));
      }
    }
  });
});

describe('every field deck that builds exports under strict checks', () => {
  it.each(FIELD_DECKS)('%s', async (name) => {
    const result = await exported.of(`deck-${name}`);
    expect(result.problems).toEqual([]);
    expect(result.slides?.pages).toBe(result.deck.slides.length);
  });
});
