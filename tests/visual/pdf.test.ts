/**
 * The PDFs as `deck pdf` writes them: key pages of the default deck's deck.pdf in both themes, and the first
 * sheet of every handout layout on A4 and letter (of a short copy of the talk, tests/helpers/talk-sample.ts, as a
 * first sheet shows at most six slides; the notes handout on A4 is the one the run's shared export of the whole talk
 * wrote), rendered by poppler (pdftoppm) and compared with the committed tests/visual/baseline/{pdf,handout}-*.png; and the slide numbers in deck.pdf, measured with pdfjs
 * against the page height.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Slide } from '../../src/content/types.js';
import { createPagePool } from '../../src/browser/index.js';
import { exportPdf, type ExportPdfResult } from '../../src/export/export.js';
import type { HandoutLayout, Paper } from '../../src/export/handout/layout.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { defaultDeckPdf } from '../helpers/default-deck-pdf.js';
import { TALK_SAMPLE_OPENING, writeTalkSample } from '../helpers/talk-sample.js';
import { pool } from '../cli/run.js';
import { BASELINES, compareWithBaseline, TOLERANCE, UPDATE } from './baseline.js';
import { decodePng } from './png.js';

/** deck.pdf pages at 48 dpi: 640×360, the size of the live baselines. */
const DECK_DPI = 48;
/** Handout sheets at 40 dpi: A4 331×468, letter 340×440. */
const HANDOUT_DPI = 40;
/** The handout exports' time limit: for a hung export on a loaded machine, not a speed check. */
const SHARED_MACHINE_LIMIT_MS = 300_000;
/** Slide numbers at least this share of the page's height (30px of a 720px slide is 4.2%). */
const MIN_NUMBER_SHARE = 0.04;

type Theme = 'gpt' | 'gpt-dark';

/** Pages of deck.pdf worth a baseline: one per kind of slide. */
const DECK_PAGES: Record<Theme, Record<string, (slide: Slide) => boolean>> = {
  gpt: {
    title: (slide) => slide.layout === 'title',
    agenda: (slide) => slide.layout === 'agenda',
    timeline: (slide) => slide.layout === 'timeline',
    growth: (slide) => slide.layout === 'growth',
    comparison: (slide) => slide.layout === 'comparison',
    cards: (slide) => slide.layout === 'cards',
    model: (slide) => slide.layout === 'model',
    diagram: (slide) => slide.attributes['data-visual'] === 'no-fine-tuning',
    'big-number': (slide) => slide.layout === 'big-number',
    quote: (slide) => slide.layout === 'quote',
    latency: (slide) => slide.layout === 'latency',
    section: (slide) => slide.layout === 'section',
    closing: (slide) => slide.layout === 'closing',
  },
  'gpt-dark': {
    title: (slide) => slide.layout === 'title',
    growth: (slide) => slide.layout === 'growth',
    model: (slide) => slide.layout === 'model',
    diagram: (slide) => slide.attributes['data-visual'] === 'rlhf',
    'two-columns': (slide) => slide.attributes['data-visual'] === 'omni',
    section: (slide) => slide.layout === 'section',
  },
};

/** Every layout on each paper; the dark theme on the layouts whose slides are largest. */
const HANDOUTS: { theme: Theme; layout: HandoutLayout; paper: Paper }[] = [
  { theme: 'gpt', layout: 'notes', paper: 'A4' },
  { theme: 'gpt', layout: '2up', paper: 'A4' },
  { theme: 'gpt', layout: '3up', paper: 'A4' },
  { theme: 'gpt', layout: '6up', paper: 'A4' },
  { theme: 'gpt', layout: 'notes', paper: 'letter' },
  { theme: 'gpt', layout: '2up', paper: 'letter' },
  { theme: 'gpt', layout: '3up', paper: 'letter' },
  { theme: 'gpt', layout: '6up', paper: 'letter' },
  { theme: 'gpt-dark', layout: '6up', paper: 'A4' },
  { theme: 'gpt-dark', layout: 'notes', paper: 'letter' },
];

/** The handout `deck pdf slides` writes (the notes on A4): the run's shared export of the whole talk has it. */
const SHARED_HANDOUT = 'gpt-notes-A4';

let browser: Browser;
/** The sample's slides, to check they begin as the talk does. */
let sampleSlides: readonly Slide[] = [];
/** The handout exports' pages, kept between them (two at a time: two pages instead of ten). */
const pages = createPagePool();
const decks = new Map<Theme, ExportPdfResult>();
const handouts = new Map<string, string>();
const pngDir = mkdtempSync(join(tmpdir(), 'deck-visual-pdf-'));

beforeAll(async () => {
  browser = await startChromium();
  const out = mkdtempSync(join(tmpdir(), 'deck-visual-pdf-out-'));
  // The default deck's slides in each theme, as `deck pdf slides --theme <theme>` writes them: exported once for the run.
  for (const theme of ['gpt', 'gpt-dark'] as const) decks.set(theme, await defaultDeckPdf(theme, browser));
  handouts.set(SHARED_HANDOUT, decks.get('gpt')!.handout!.path);
  const sample = mkdtempSync(join(tmpdir(), 'deck-visual-sample-'));
  writeTalkSample(sample);
  // Two at a time, each in a page of its own: a page waits on the browser for much of its export. Each export
  // then shares the machine, so its own time limit is a generous one for a hung export (60 s, the default, ran
  // out at a load of 40 with three at a time); the time is not what these tests check.
  const exports = HANDOUTS.filter(({ theme, layout, paper }) => `${theme}-${layout}-${paper}` !== SHARED_HANDOUT);
  await pool(exports, 2, async ({ theme, layout, paper }) => {
    const name = `${theme}-${layout}-${paper}`;
    const result = await exportPdf(sample, {
      outDir: join(out, name),
      browser,
      pages,
      slides: false,
      handout: layout,
      flags: { theme, pdf: { paper, timeout: SHARED_MACHINE_LIMIT_MS } },
    });
    handouts.set(name, result.handout!.path);
    sampleSlides = result.deck.slides;
  });
}, 600_000);

afterAll(async () => {
  await pages.close();
  if (browser) await closeBrowser(browser);
});

/** One page of a PDF as PNG bytes, rendered by poppler. */
function renderPage(pdf: string, page: number, dpi: number): Uint8Array {
  const prefix = join(mkdtempSync(join(pngDir, 'page-')), 'page');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
  return readFileSync(`${prefix}.png`);
}

function expectPageLikeBaseline(name: string, png: Uint8Array): void {
  const file = join(BASELINES, `${name}.png`);
  const image = decodePng(png);
  if (UPDATE) {
    expect(process.env.CI, 'CI compares with the committed baselines; it never writes them').toBeFalsy();
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(file, png);
    console.log(`wrote tests/visual/baseline/${name}.png (not compared: look at it, then commit it)`);
    return;
  }
  const { differing, ratio } = compareWithBaseline(png, file, `${name}.png`, image);
  expect(ratio, `${differing} pixels differ from ${file}; the new image is in tests/.out/visual/`).toBeLessThanOrEqual(TOLERANCE);
}

describe.each(['gpt', 'gpt-dark'] as const)('deck.pdf in %s', (theme) => {
  for (const [name, matches] of Object.entries(DECK_PAGES[theme])) {
    it(`${name} page looks as committed`, () => {
      const result = decks.get(theme)!;
      // One page per slide (fragments off): the page of a slide is its index.
      const index = result.deck.slides.findIndex(matches);
      expect(index, `no slide for ${name}`).toBeGreaterThanOrEqual(0);
      const png = renderPage(result.slides!.path, index + 1, DECK_DPI);
      expect([decodePng(png).width, decodePng(png).height]).toEqual([640, 360]);
      expectPageLikeBaseline(`pdf-${theme}-${name}`, png);
    });
  }
});

// In update mode there is nothing committed to compare with yet.
if (!UPDATE)
  describe('the comparison', () => {
    it('fails a page that is not the committed one', () => {
      const result = decks.get('gpt')!;
      const growth = result.deck.slides.findIndex(DECK_PAGES.gpt.growth!);
      const png = renderPage(result.slides!.path, growth + 1, DECK_DPI);
      const { ratio } = compareWithBaseline(png, join(BASELINES, 'pdf-gpt-timeline.png'), 'pdf-not-timeline.png');
      expect(ratio).toBeGreaterThan(TOLERANCE);
    });
  });

describe('handout.pdf', () => {
  it('the sample’s first sheet shows the talk’s first slides, and the shared notes handout is on A4', () => {
    const talk = decks.get('gpt')!;
    const first = (slides: readonly Slide[]) => slides.slice(0, TALK_SAMPLE_OPENING).map((slide) => [slide.title, slide.layout]);
    expect(sampleSlides.length).toBeGreaterThan(TALK_SAMPLE_OPENING);
    expect(first(sampleSlides)).toEqual(first(talk.deck.slides));
    expect(talk.handout!.layout).toBe('notes');
    expect(talk.deck.config.pdf.paper).toBe('A4');
  });

  for (const { theme, layout, paper } of HANDOUTS) {
    it(`${layout} on ${paper} (${theme}): the first sheet looks as committed`, () => {
      expectPageLikeBaseline(
        `handout-${theme}-${layout}-${paper}`,
        renderPage(handouts.get(`${theme}-${layout}-${paper}`)!, 1, HANDOUT_DPI),
      );
    });
  }
});

interface PageNumber {
  page: number;
  text: string;
  /** Type size against the page's height. */
  share: number;
}

/** The page number text of each page (the text in the page's bottom 15% that reads as `expected(page)`). */
async function pageNumbers(pdf: string, expected: (page: number, pages: number) => string): Promise<PageNumber[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0 }).promise;
  const found: PageNumber[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const want = expected(n, doc.numPages).replace(/\s+/g, '');
    for (const item of content.items) {
      if (!('str' in item) || item.str.replace(/\s+/g, '') !== want) continue;
      const [, , c, d, , y] = item.transform as number[];
      if (y! > height * 0.15) continue;
      found.push({ page: n, text: item.str, share: Math.hypot(c!, d!) / height });
      break;
    }
  }
  await doc.destroy();
  return found;
}

describe('slide numbers in deck.pdf', () => {
  it.each(['gpt', 'gpt-dark'] as const)('are on every page of %s and at least 4% of its height', async (theme) => {
    const result = decks.get(theme)!;
    const numbers = await pageNumbers(result.slides!.path, (page) => String(page));
    expect(numbers.map((number) => number.page)).toEqual(result.deck.slides.map((_, i) => i + 1));
    expect(numbers.filter((number) => number.share < MIN_NUMBER_SHARE)).toEqual([]);
  });

  it('the measure fails the handout footer’s 8pt page numbers', async () => {
    const numbers = await pageNumbers(handouts.get('gpt-6up-A4')!, (page, pages) => `${page} / ${pages}`);
    expect(numbers.length).toBeGreaterThan(0);
    for (const number of numbers) expect(number.share).toBeLessThan(MIN_NUMBER_SHARE);
  });
});
