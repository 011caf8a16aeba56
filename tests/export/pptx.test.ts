import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/log.js';
import { exportPptx, type ExportPptxResult } from '../../src/export/pptx/export.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { rejectedDeckError } from '../helpers/deck-error.js';
import { writeFolder } from '../helpers/temp-folder.js';

let browser: Browser;
/** How long LibreOffice may take to convert the default deck: a limit for a hung process, not a speed check. */
const LIBREOFFICE_LIMIT_MS = 600_000;

let work: string;
let main: ExportPptxResult;
let zip: JSZip;

const slideNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1]);
async function partsUnder(prefix: string): Promise<string[]> {
  const names = Object.keys(zip.files).filter((name) => name.startsWith(prefix) && name.endsWith('.xml'));
  names.sort((a, b) => slideNumber(a) - slideNumber(b));
  return Promise.all(names.map((name) => zip.file(name)!.async('string')));
}
const texts = (xml: string) =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
/** The text of the slide's title placeholder shape. */
function titleText(xml: string): string {
  const shape = xml.split('<p:sp>').find((part) => part.includes('type="title"'));
  return shape ? texts(shape.split('</p:sp>')[0]!).join('') : '';
}

/** A new deck folder in this file's work folder, holding `files`. */
const deckFolder = (files: Record<string, string | Buffer>) => writeFolder(mkdtempSync(join(work, 'deck-')), files);

/** The default deck's deck.pptx converted to PDF by LibreOffice Impress (the PDF's path), if it is installed. */
async function convertWithLibreOffice(pptx: string, signal: AbortSignal): Promise<{ soffice?: string; pdf: string }> {
  const soffice = ['soffice', 'libreoffice'].find((name) => spawnSync('which', [name]).status === 0);
  const out = join(work, 'lo');
  const pdf = join(out, 'deck.pdf');
  if (!soffice) return { pdf };
  const profile = join(work, 'lo-profile');
  // Awaited, not run synchronously, and bounded only by a generous limit: on a loaded machine the conversion took
  // over two minutes (a 120 s bound on the process failed the test there).
  await promisify(execFile)(
    soffice,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, pptx],
    { timeout: LIBREOFFICE_LIMIT_MS, signal },
  );
  return { soffice, pdf };
}
/** convertWithLibreOffice, started in beforeAll: LibreOffice converts while the tests below use Chromium. */
let converted: ReturnType<typeof convertWithLibreOffice>;
/** Stops the conversion when the file ends first (a run of some of its tests). */
const stopConverting = new AbortController();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'deck-pptx-test-'));
  browser = await startChromium();
  main = await exportPptx('slides', { outDir: join(work, 'main'), browser });
  converted = convertWithLibreOffice(main.path, stopConverting.signal);
  converted.catch(() => undefined);
  zip = await JSZip.loadAsync(readFileSync(main.path));
});

afterAll(async () => {
  await closeBrowser(browser);
  stopConverting.abort();
  await converted?.catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
});

describe('deck pptx on the default deck', () => {
  it('has one slide per slide of the deck, each titled with its Chinese title (the outline and screen readers)', async () => {
    const slides = await partsUnder('ppt/slides/slide');
    expect(slides).toHaveLength(main.deck.slides.length);
    expect(main.deck.slides.length).toBeGreaterThan(20);
    slides.forEach((xml, i) => {
      const slide = main.deck.slides[i]!;
      expect(titleText(xml), `slide ${i + 1}`).toBe(slide.title);
      // Where the deck shows the heading, not above the slide (the place for a slide with no heading).
      const titleShape = xml.split('<p:sp>').find((part) => part.includes('type="title"'))!;
      expect(Number(/<a:off x="-?\d+" y="(-?\d+)"/.exec(titleShape)?.[1]), `slide ${i + 1}`).toBeGreaterThanOrEqual(0);
      expect(texts(xml).join('')).toContain(slide.title);
    });
    expect(titleText(slides[0]!)).toBe('技術的飛躍：GPT-1 至 GPT-4o 的演變');
  });

  it('writes bullet lists as real text, with bullets and the CJK font named for East Asian text in zh-TW', async () => {
    const slides = await partsUnder('ppt/slides/slide');
    // The first slide with a plain bullet list in its Markdown, and that list's first item.
    const index = main.deck.slides.findIndex((slide) => /<ul>\s*<li>[^<]+<\/li>/.test(slide.html));
    expect(index).toBeGreaterThanOrEqual(0);
    const item = /<li>([^<]+)<\/li>/.exec(main.deck.slides[index]!.html)![1]!.trim();
    const xml = slides[index]!;
    expect(texts(xml)).toContain(item);
    expect(xml).toMatch(/<a:buChar /);
    expect(xml).toContain('<a:ea typeface="Noto Sans CJK TC"');
    expect(xml).toContain('lang="zh-TW"');
    // One text box per block: the list's items are paragraphs of one shape.
    const shapes = xml.split('<p:sp>').filter((part) => texts(part.split('</p:sp>')[0]!).includes(item));
    expect(shapes).toHaveLength(1);
    const items = (/<ul>[\s\S]*?<\/ul>/.exec(main.deck.slides[index]!.html)![0].match(/<li>/g) ?? []).length;
    expect(shapes[0]!.split('</p:sp>')[0]!.match(/<a:p>/g)!.length).toBeGreaterThanOrEqual(items);
  });

  it('puts the speaker notes in the notes pane of every slide that has notes', async () => {
    const notes = await partsUnder('ppt/notesSlides/notesSlide');
    expect(notes).toHaveLength(main.deck.slides.length);
    main.deck.slides.forEach((slide, i) => {
      // The default talk has notes on every slide: a slide without them is a failure here, not a slide to pass over.
      expect(slide.notes, `slide ${i + 1} has notes`).toBeTruthy();
      const first = slide.notes.replace(/\s+/g, '').slice(0, 12);
      expect(texts(notes[i]!).join('').replace(/\s+/g, ''), `notes of slide ${i + 1}`).toContain(first);
    });
  });

  it('writes the overview as a real PowerPoint table', async () => {
    const slides = await partsUnder('ppt/slides/slide');
    const withTable = slides.filter((xml) => xml.includes('<a:tbl>'));
    expect(withTable.length).toBeGreaterThanOrEqual(1);
    expect(withTable.some((xml) => ['GPT-1', 'GPT-4o'].every((name) => texts(xml).includes(name)))).toBe(true);
  });

  it('writes charts as SVG pictures with a real PNG fallback and alt text', async () => {
    const slides = await partsUnder('ppt/slides/slide');
    const svgSlides = slides.filter((xml) => xml.includes('asvg:svgBlip'));
    expect(svgSlides.length).toBeGreaterThanOrEqual(3);
    for (const xml of svgSlides) expect(xml).toMatch(/<p:cNvPr id="\d+" name="[^"]*" descr="[^"]+">/);
    const media = Object.keys(zip.files).filter((name) => name.startsWith('ppt/media/'));
    const pngs = media.filter((name) => name.endsWith('.png'));
    const svgs = media.filter((name) => name.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThanOrEqual(3);
    for (const name of pngs) {
      const png = await zip.file(name)!.async('uint8array');
      expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join(''), name).toBe('PNG');
      // pptxgenjs's "broken image" stand-in is a few hundred bytes; a chart's screenshot is far more.
      expect(png.length, name).toBeGreaterThan(5_000);
    }
    const svg = await zip.file(svgs[0]!)!.async('string');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('font-family');
  });

  it(
    'opens in LibreOffice Impress, which converts it to a PDF with a page per slide and the same text',
    async () => {
      const { soffice, pdf } = await converted;
      expect(
        soffice,
        'LibreOffice is not installed: run `bash scripts/bootstrap.sh --test` (as root) to install libreoffice-impress',
      ).toBeDefined();
      expect(existsSync(pdf)).toBe(true);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBe(main.deck.slides.length);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
      for (const [i, slide] of main.deck.slides.entries()) {
        // Every slide of the default deck shows its title as a heading, so every page must show it too.
        expect(text[i]!.replace(/\s+/g, ''), `page ${i + 1}`).toContain(slide.title.replace(/\s+/g, ''));
      }
    },
    LIBREOFFICE_LIMIT_MS + 60_000,
  );
});

describe('deck pptx on other decks', () => {
  it('pictures what cannot be editable and says which, with the file and the line each element is written on', async () => {
    const dir = deckFolder({
      'talk.md': [
        '# Plain title',
        '',
        '- one',
        '- two',
        '',
        '---',
        '',
        '## Effects',
        '',
        '<div class="tilted" style="transform: rotate(4deg); width: 300px">tilted box</div>',
        '',
        'Some plain text.',
        '',
        '<div class="glow" style="box-shadow: 0 0 8px red; width: 300px">glowing</div>',
        '',
        '<p style="filter: blur(1px)">blurred words</p>',
        '',
      ].join('\n'),
    });
    const result = await exportPptx(dir, { outDir: join(dir, 'out'), browser });
    expect(result.slides).toBe(2);
    expect(result.pictured.map((item) => [item.line, item.slide])).toEqual([
      [10, 2],
      [14, 2],
      [16, 2],
    ]);
    for (const item of result.pictured) expect(item.file).toMatch(/talk\.md$/);
    expect(result.pictured.map((item) => item.reason)).toEqual([
      expect.stringContaining('transform'),
      expect.stringContaining('box shadow'),
      expect.stringContaining('filter'),
    ]);
    const pptx = await JSZip.loadAsync(readFileSync(result.path));
    const second = await pptx.file('ppt/slides/slide2.xml')!.async('string');
    expect(second).toContain('<p:pic>');
    expect(texts(second)).not.toContain('tilted box');
    expect(texts(second).join('')).toContain('Some plain text.');
  });

  it('warns when the theme asks for a font that is not installed, naming the theme line and how to install it, and still writes', async () => {
    const dir = deckFolder({
      'talk.md': '---\ntheme: ./odd.css\n---\n\n# 標題\n\nText\n',
      'odd.css': '.reveal {\n  color: #222;\n  font-family: "Nowhere Sans Pro", sans-serif;\n}\n',
    });
    const warnings: string[] = [];
    const logger: Logger = {
      warn: (text) => void warnings.push(text),
      info() {},
      debug() {},
      success() {},
      error() {},
      interactive: false,
    };
    const result = await exportPptx(dir, { outDir: join(dir, 'out'), browser, logger });
    expect(existsSync(result.path)).toBe(true);
    expect(result.missingFonts?.message).toContain('Nowhere Sans Pro');
    expect(result.missingFonts?.file).toMatch(/odd\.css$/);
    expect(result.missingFonts?.line).toBe(3);
    expect(result.missingFonts?.hint).toContain('install “Nowhere Sans Pro”');
    expect(warnings.join('\n')).toMatch(/odd\.css:3: .*Nowhere Sans Pro.*not installed/);
    // The default deck's fonts are all installed: no warning there.
    expect(main.missingFonts).toBeUndefined();
  });

  it('fails on an image that cannot be read, naming the file and line, and writes nothing', async () => {
    const dir = deckFolder({ 'talk.md': '# Title\n\n---\n\n## Picture\n\n![a chart](chart.png)\n', 'chart.png': 'this is not a PNG' });
    const out = join(dir, 'out');
    const error = await rejectedDeckError(exportPptx(dir, { outDir: out, browser }));
    expect(error.code).toBe(ErrorCode.ExportFailed);
    expect(error.message).toMatch(/talk\.md:7: slide 2 “Picture”: the image “chart\.png” cannot be read/);
    expect(readdirSync(out)).toEqual([]);
    const loose = await exportPptx(dir, { outDir: out, browser, strict: false });
    expect(loose.problems.map((p) => p.kind)).toEqual(['broken-image']);
    expect(existsSync(join(out, 'deck.pptx'))).toBe(true);
  });

  it('fails with an Io error on an output folder it cannot write, before any work', async () => {
    const dir = deckFolder({ 'talk.md': '# Title\n' });
    const out = join(dir, 'locked');
    mkdirSync(out);
    chmodSync(out, 0o500);
    try {
      // root ignores permissions: a file where the folder should be fails for everyone.
      const blocked = process.getuid?.() === 0 ? join(dir, 'talk.md', 'out') : out;
      const error = await rejectedDeckError(exportPptx(dir, { outDir: blocked, browser }));
      expect(error.code).toBe(ErrorCode.Io);
      expect(error.file).toBe(blocked);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      chmodSync(out, 0o700);
    }
  });
});
