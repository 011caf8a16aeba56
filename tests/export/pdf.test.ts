import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { exportPdf, type ExportPdfResult } from '../../src/export/index.js';
import { type DeckError, ErrorCode } from '../../src/core/errors.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { rejectedDeckError } from '../helpers/deck-error.js';
import { defaultDeckPdf } from '../helpers/default-deck-pdf.js';
import { emptyFolder } from '../helpers/temp-folder.js';
import { workAhead } from '../helpers/work-ahead.js';

const OUT = resolve('tests/.out/export');
const FIXTURES = resolve('tests/fixtures/export');

let browser: Browser;
let main: ExportPdfResult;
let small: ExportPdfResult;
/** What the export of the overflowing deck with strict checks off logged. */
const lenientLog = createMemoryLogger();
const LAYOUTS = [
  ['3up', 2],
  ['6up', 1],
  ['notes', 5],
] as const;

/** The exports the tests read (each its own output folder), by name, in the order of the tests. */
const EXPORTS: Record<string, () => Promise<ExportPdfResult>> = {
  fragments: () =>
    exportPdf(join(FIXTURES, 'small'), {
      outDir: join(OUT, 'small-fragments'),
      browser,
      handout: false,
      flags: { pdf: { fragments: true } },
    }),
  ...Object.fromEntries(
    LAYOUTS.map(([layout]) => [
      layout,
      () =>
        exportPdf(join(FIXTURES, 'small'), {
          outDir: join(OUT, `small-${layout}`),
          browser,
          slides: false,
          handout: layout,
          flags: { pdf: { paper: 'letter' } },
        }),
    ]),
  ),
  'overflow-lenient': () =>
    exportPdf(join(FIXTURES, 'overflow'), {
      outDir: join(OUT, 'overflow-lenient'),
      browser,
      logger: lenientLog,
      flags: { pdf: { strict: false } },
    }),
  remote: () => exportPdf(join(FIXTURES, 'remote'), { outDir: join(OUT, 'remote'), browser }),
  glyphs: () => exportPdf(join(FIXTURES, 'glyphs'), { outDir: join(OUT, 'glyphs'), browser, handout: false }),
};
/** The exports, three at a time in pages of the file's browser, from beforeAll on. */
const exported = workAhead(Object.keys(EXPORTS), 3, (name) => EXPORTS[name]!());

/** The small deck with a 2-up handout, into the folder the failing exports below then go to. */
const KEEP = join(OUT, 'keep');

/**
 * After the good export of the small deck, two that fail (its checks, its time limit) into the same folder: the
 * PDFs as they were after the good one, the folder after the failed checks, and that export's error.
 */
async function failOverGoodExport(good: ExportPdfResult): Promise<{
  out: string;
  good: ExportPdfResult;
  before: Buffer[];
  listing: string[];
  overflow: { error: DeckError; listing: string[] };
}> {
  const before = [readFileSync(good.slides!.path), readFileSync(good.handout!.path)];
  const listing = readdirSync(KEEP).sort();
  // Same folder, a deck whose export fails its checks.
  const error = await rejectedDeckError(exportPdf(join(FIXTURES, 'overflow'), { outDir: KEEP, browser }));
  const overflow = { error, listing: readdirSync(KEEP).sort() };
  await rejectedDeckError(exportPdf(join(FIXTURES, 'small'), { outDir: KEEP, browser, flags: { pdf: { timeout: 1 } } }));
  return { out: KEEP, good, before, listing, overflow };
}
/** failOverGoodExport, started in beforeAll once the good export is done. */
let failedOverGood: ReturnType<typeof failOverGoodExport>;

async function pdfTexts(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

async function outlineTitles(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const outline = (await doc.getOutline()) ?? [];
  await doc.destroy();
  const titles: string[] = [];
  const walk = (items: typeof outline) => {
    for (const item of items) {
      titles.push(item.title);
      walk(item.items);
    }
  };
  walk(outline);
  return titles;
}

const NOTE_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))?.[1]);

beforeAll(async () => {
  emptyFolder(OUT);
  browser = await startChromium();
  exported.start();
  const good = exportPdf(join(FIXTURES, 'small'), { outDir: KEEP, browser, handout: '2up' });
  failedOverGood = good.then(failOverGoodExport);
  failedOverGood.catch(() => undefined);
  // The default deck's slides and notes handout, as `deck pdf slides` writes them: exported once for the run.
  [main, small] = await Promise.all([defaultDeckPdf('gpt', browser), good]);
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
});

describe('deck.pdf of the default deck', () => {
  it('has one 16:9 page per slide, each with that slide’s title, in order', async () => {
    const file = main.slides!.path;
    expect(pageCount(file)).toBe(main.deck.slides.length);
    expect(pdfinfo(file)).toMatch(/Page size:\s+960 x 540 pts/);
    const texts = await pdfTexts(file);
    expect(texts).toHaveLength(main.deck.slides.length);
    const squash = (s: string) => s.replace(/\s+/g, '');
    main.deck.slides.forEach((slide, i) => expect(squash(texts[i]!)).toContain(squash(slide.title)));
    // Chinese is real text, not pictures of text.
    expect(texts.join('')).toMatch(/[\u4e00-\u9fff]{4}/);
  });

  it('embeds every font', () => {
    const lines = execFileSync('pdffonts', [main.slides!.path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    for (const line of lines) expect(line.split(/\s+/).at(-5)).toBe('yes');
  });

  it('has the metadata, language, tags and an outline of sections and slides', async () => {
    const info = pdfinfo(main.slides!.path);
    const c = main.deck.config;
    expect(info).toContain(`Title:           ${c.title}`);
    expect(info).toContain(`Author:          ${c.author}`);
    expect(info).toContain(`Subject:         ${c.description}`);
    expect(info).toContain(`Keywords:        ${c.keywords.join(', ')}`);
    expect(info).toMatch(/Creator:\s+gpt-deck/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const doc = await getDocument({ data: new Uint8Array(readFileSync(main.slides!.path)), verbosity: 0 }).promise;
    expect((await doc.getMetadata()).info).toMatchObject({ Language: c.lang });
    // Links stay clickable: the references slide's link is a URI annotation on its page.
    const urls: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      for (const a of await (await doc.getPage(i)).getAnnotations()) if (a.subtype === 'Link' && a.url) urls.push(a.url);
    }
    await doc.destroy();
    const linked = main.deck.slides.flatMap((slide) => [...slide.html.matchAll(/href="(https?:[^"]+)"/g)].map((m) => m[1]!));
    expect(linked.length).toBeGreaterThan(0);
    for (const url of linked) expect(urls).toContain(url.replace(/&amp;/g, '&'));
    const titles = await outlineTitles(main.slides!.path);
    for (const section of main.deck.sections) expect(titles).toContain(section.title);
    for (const slide of main.deck.slides) expect(titles).toContain(slide.title);
  });

  it('writes the notes handout: one A4 page per slide with its notes, header and page numbers', async () => {
    const file = main.handout!.path;
    expect(main.handout!.layout).toBe('notes');
    expect(pageCount(file)).toBe(main.deck.slides.length);
    expect(pdfinfo(file)).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const texts = await pdfTexts(file);
    const squash = (s: string) => s.replace(/\s+/g, '');
    // Every slide of the default deck has notes, and each page holds all of its slide's notes as text.
    const spoken = (html: string) =>
      squash(html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => NOTE_ENTITIES[name]!));
    main.deck.slides.forEach((slide, i) => {
      expect(spoken(slide.notesHtml), slide.title).not.toBe('');
      expect(squash(texts[i]!), slide.title).toContain(spoken(slide.notesHtml));
      expect(squash(texts[i]!)).toContain(`${i + 1}/${main.deck.slides.length}`);
      expect(squash(texts[i]!)).toContain(squash(main.deck.config.title));
    });
  });
});

describe('fragments', () => {
  it('by default: one page per slide, but a slide with data-pdf-fragments="true" is split', () => {
    // 5 slides; slide 5 opts in with 1 fragment step → 6 pages.
    expect(small.deck.slides).toHaveLength(5);
    expect(pageCount(small.slides!.path)).toBe(6);
  });

  it('--fragments: a page per fragment step, except the slide that opts out', async () => {
    const result = await exported.of('fragments');
    // slide 1: 2 steps → 3 pages; slide 2 opts out → 1; slides 3, 4 → 1 each; slide 5: 1 step → 2.
    expect(pageCount(result.slides!.path)).toBe(8);
    const texts = await pdfTexts(result.slides!.path);
    expect(texts.filter((t) => t.includes('第二張'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('第一張'))).toHaveLength(3);
    expect(result.handout).toBeUndefined();
  });
});

describe('handout layouts', () => {
  it('2up has ceil(n/2) pages', () => {
    expect(small.handout!.layout).toBe('2up');
    expect(pageCount(small.handout!.path)).toBe(3);
  });

  it.each(LAYOUTS)('%s has the right page count, on letter paper too', async (layout, pages) => {
    const result = await exported.of(layout);
    expect(result.slides).toBeUndefined();
    expect(pageCount(result.handout!.path)).toBe(pages);
    expect(pdfinfo(result.handout!.path)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const text = (await pdfTexts(result.handout!.path)).join('');
    for (const slide of result.deck.slides) expect(text).toContain(slide.title.replace(/\s+/g, ' ').slice(0, 3));
    if (layout === 'notes') expect(text).toContain('第一張的講者備註');
  });
});

describe('export checks and failures', () => {
  it('fails strict on an overflowing slide, naming file, slide and title, and writes nothing', async () => {
    // Exported into the folder of the small deck's good export (the test of the previous PDFs below).
    const { listing, overflow, good, before } = await failedOverGood;
    const { error } = overflow;
    expect(error.code).toBe(ErrorCode.ExportFailed);
    // What is lost, and where: the list items below the slide are cut off.
    expect(error.message).toMatch(
      /01\.md:\d+: slide 2 “Far too long”: \d+ list items \(from “\w+”\) (fall|reach) below the slide: cut off/,
    );
    expect(error.message).not.toContain('“Fits”');
    // Nothing written: the folder holds the files it held, the PDFs unchanged (checked after the next failure too).
    expect(listing).toEqual(['assets', 'deck.pdf', 'handout.pdf', 'index.html']);
    expect(overflow.listing).toEqual(listing);
    expect(readFileSync(good.slides!.path).equals(before[0]!)).toBe(true);
  });

  it('only warns with strict off, and writes the PDFs', async () => {
    const result = await exported.of('overflow-lenient');
    expect(result.problems.map((p) => p.kind)).toEqual(['overflow']);
    expect(lenientLog.lines.some((l) => l.level === 'warn' && l.message.includes('slide 2 “Far too long”'))).toBe(true);
    // One warning, saying the items are cut off.
    expect(lenientLog.lines.filter((line) => line.level === 'warn').map((line) => line.message)).toEqual([
      expect.stringMatching(/list items .* below the slide: cut off in the PDF and on screen/),
    ]);
    expect(pageCount(result.slides!.path)).toBe(2);
  });

  it('blocks a remote stylesheet (never fetched) and reports it', async () => {
    const error = await rejectedDeckError(exported.of('remote'));
    expect(error.message).toContain('https://example.invalid/x.css');
    expect(error.message).toContain('blocked-request');
  });

  it('reports text that no installed font can draw', async () => {
    const error = await rejectedDeckError(exported.of('glyphs'));
    expect(error.message).toMatch(/slide 1 “Linear A”: no installed font has “𐘀” U\+10600/);
    // The Chinese default deck had no such problem (it exported strictly above).
    expect(main.problems).toEqual([]);
  });

  it('a failed export leaves the previous PDFs byte for byte, and no temporary file', async () => {
    const { out, good, before } = await failedOverGood;
    expect(readFileSync(good.slides!.path).equals(before[0]!)).toBe(true);
    expect(readFileSync(good.handout!.path).equals(before[1]!)).toBe(true);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a tiny timeout fails cleanly with a Timeout error and leaves the browser usable', async () => {
    // Alone in the browser: no export of the tests above still has a page open.
    await Promise.allSettled([failedOverGood, ...Object.keys(EXPORTS).map((name) => exported.of(name))]);
    const error = await rejectedDeckError(
      exportPdf(join(FIXTURES, 'small'), { outDir: join(OUT, 'timeout'), browser, flags: { pdf: { timeout: 5 } } }),
    );
    expect(error.code).toBe(ErrorCode.Timeout);
    // The timed-out page is closed (its close may still be on its way when the error arrives), the browser stays.
    await vi.waitFor(async () => expect((await browser.pages()).length).toBeLessThanOrEqual(1), { timeout: 20_000, interval: 100 });
    expect(browser.connected).toBe(true);
  });

  it('a missing browser gives BrowserNotFound', async () => {
    const error = await rejectedDeckError(
      exportPdf(join(FIXTURES, 'small'), { outDir: join(OUT, 'nobrowser'), find: { flag: '/nonexistent/chromium' } }),
    );
    expect(error.code).toBe(ErrorCode.BrowserNotFound);
    expect(error.message).toContain('/nonexistent/chromium');
  });
});

describe('page images', () => {
  it('renders with pdftoppm (Chinese drawn, for a look by eye)', () => {
    const dir = join(OUT, 'png');
    mkdirSync(dir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '3', main.slides!.path, join(dir, 'deck')]);
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '2', main.handout!.path, join(dir, 'handout')]);
    const images = readdirSync(dir).filter((name) => name.endsWith('.png'));
    expect(images).toHaveLength(5);
    // A page with drawn text is far from blank: PNGs of empty pages compress to almost nothing.
    for (const name of images) expect(readFileSync(join(dir, name)).length).toBeGreaterThan(3_000);
    writeFileSync(join(dir, 'README.txt'), 'pages rendered by tests/export/pdf.test.ts\n');
  });
});
