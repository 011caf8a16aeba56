/**
 * `deck pptx`: build the deck, open it in Chromium at its own size, read every slide's blocks in their final
 * state (positions and computed styles), picture what cannot be editable, check, and write DIR/deck.pptx
 * atomically. A failed check (strict) or any error writes nothing.
 */
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Page } from 'puppeteer-core';
import type { Deck, Slide } from '../../content/types.js';
import { DeckError, ErrorCode } from '../../core/errors.js';
import { ensureWritableDir, writeFileAtomic } from '../../core/fs.js';
import type { BuildOptions } from '../../render/index.js';
import { openDeckPage, showSlide } from '../deck-page.js';
import { formatShareProblem, formatShareReport, sourceOf, type PicturedElement, type ShareProblem } from '../share-problems.js';
import { firstChoices, missingFamilies, reportMissing, type MissingFontReport } from '../fonts/missing.js';
import { listSystemFonts } from '../fonts/system-fonts.js';
import { withSharePage, type ShareBrowserOptions } from '../share-page.js';
import { lineOfElement, slideLines, type SlideLines } from '../source-line.js';
import { withTempBuild } from '../temp-build.js';
import { extractSlide, setContentVisible } from './extract.js';
import type { ExtractedSlide } from './model.js';
import { powerPointLang, writePptx, type PptxSlide } from './write.js';

/** Device pixels per CSS pixel for the pictures: sharp on a projector, still small. */
const PICTURE_SCALE = 2;

export interface ExportPptxOptions extends BuildOptions, ShareBrowserOptions {
  outDir: string;
  /** Fail when a check finds a problem (default: the deck's `pdf.strict`). */
  strict?: boolean;
}

export interface ExportPptxResult {
  deck: Deck;
  path: string;
  slides: number;
  /** Elements that became pictures because they cannot be editable, with where they are. */
  pictured: PicturedElement[];
  problems: ShareProblem[];
  /** Fonts the deck asks for that are not installed here: the PowerPoint names them, laid out with others. */
  missingFonts?: MissingFontReport;
  timings: Record<string, number>;
}

/** Speaker notes as plain text, a paragraph or list item per line. */
export function notesText(notesHtml: string): string {
  return notesHtml ? parse(notesHtml).structuredText.trim() : '';
}

async function screenshot(page: Page, box: { x: number; y: number; w: number; h: number }): Promise<string> {
  return page.screenshot({
    encoding: 'base64',
    // Inside the viewport: capturing beyond it resizes the page, and reveal.js lays the slide out again meanwhile.
    captureBeyondViewport: false,
    clip: { x: Math.max(0, box.x), y: Math.max(0, box.y), width: Math.max(1, box.w), height: Math.max(1, box.h) },
  });
}

async function readSlide(page: Page, slide: Slide): Promise<PptxSlide> {
  const extracted: ExtractedSlide = await page.evaluate(extractSlide, slide.id);
  const pictures = new Map<number, string>();
  for (const [i, block] of extracted.blocks.entries()) {
    if (block.kind === 'picture') pictures.set(i, await screenshot(page, block.box));
  }
  let backgroundPng: string | undefined;
  if (extracted.backgroundPicture) {
    await page.evaluate(setContentVisible, false);
    backgroundPng = await page.screenshot({ encoding: 'base64', captureBeyondViewport: false });
    await page.evaluate(setContentVisible, true);
  }
  return { extracted, title: slide.title, notes: notesText(slide.notesHtml), pictures, ...(backgroundPng ? { backgroundPng } : {}) };
}

/** The checks: every slide exported, notes where the deck has them, no empty text box, every image read. */
export function checkPptx(
  deck: Deck,
  slides: readonly PptxSlide[],
  blocked: readonly string[],
  root: string,
  sourceLines: ReadonlyMap<string, SlideLines> = new Map(),
): ShareProblem[] {
  const problems: ShareProblem[] = [];
  if (slides.length !== deck.slides.length) {
    problems.push({ kind: 'slide-count', message: `the PowerPoint has ${slides.length} slides, the deck ${deck.slides.length}` });
  }
  const byId = new Map(slides.map((entry) => [entry.extracted.id, entry]));
  for (const slide of deck.slides) {
    const entry = byId.get(slide.id);
    if (!entry) continue;
    const where = sourceOf(slide, root);
    if (notesText(slide.notesHtml) !== '' && entry.notes.trim() === '')
      problems.push({ kind: 'notes', message: 'speaker notes are missing', ...where });
    for (const block of entry.extracted.blocks) {
      if (block.kind === 'text' && !block.paragraphs.some((p) => p.runs.some((run) => run.text.trim() !== ''))) {
        problems.push({ kind: 'empty-text', message: 'a text box has no text', ...where });
      }
      if (block.kind === 'picture' && block.broken !== undefined) {
        const lines = sourceLines.get(slide.id);
        problems.push({
          kind: 'broken-image',
          message: `the image “${block.broken}” cannot be read or is not an image`,
          ...where,
          ...(lines ? { line: lineOfElement(lines, block.source) } : {}),
        });
      }
    }
  }
  for (const url of blocked) {
    problems.push({ kind: 'blocked-request', message: `blocked a request outside the deck's files: ${url} (copy the file into the deck)` });
  }
  return problems;
}

export async function exportPptx(input: string, options: ExportPptxOptions): Promise<ExportPptxResult> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const log = options.logger;
  // An output folder that cannot be written fails now, before any work, and nothing is left in it.
  await ensureWritableDir(options.outDir);
  return withTempBuild(input, options, async ({ deck, index, dir, displayRoot }) => {
    timings.build = Math.round(performance.now() - started);
    const config = deck.config;
    const timeoutMs = config.pdf.timeout;
    const read = await withSharePage(
      { browser: options.browser, find: options.find, logger: log, timeoutMs, what: `exporting ${input} to PowerPoint` },
      async (page) => {
        const opened = await openDeckPage(page, {
          outDir: dir,
          index,
          width: config.width,
          height: config.height,
          scale: PICTURE_SCALE,
          allFragments: true,
          timeoutMs,
        });
        timings.load = Math.round(performance.now() - started);
        const byId = new Map(deck.slides.map((slide) => [slide.id, slide]));
        const slides: PptxSlide[] = [];
        for (const shown of opened.slides) {
          const slide = byId.get(shown.id);
          if (!slide) continue;
          await showSlide(page, shown);
          slides.push(await readSlide(page, slide));
        }
        return { slides, blocked: opened.blocked, choices: await firstChoices(page) };
      },
    );
    timings.read = Math.round(performance.now() - started);
    const sourceLines = await slideLines(deck);
    const installed = await listSystemFonts();
    const missing = missingFamilies(read.choices, installed.fonts);
    const missingFonts = missing.length > 0 ? await reportMissing(missing, deck, displayRoot, installed.source) : undefined;
    if (missingFonts) {
      const where = missingFonts.file ? `${missingFonts.file}:${missingFonts.line}: ` : '';
      log?.warn(
        `${where}${missingFonts.message}; the PowerPoint names it but was laid out with another font\n  hint: ${missingFonts.hint}`,
      );
    }
    const problems = checkPptx(deck, read.slides, read.blocked, displayRoot, sourceLines);
    const strict = options.strict ?? config.pdf.strict;
    if (problems.length > 0 && strict) {
      throw new DeckError(
        ErrorCode.ExportFailed,
        `the PowerPoint export checks failed, nothing was written:\n${formatShareReport(problems)}`,
        {
          hint: 'fix the slides named above, or pass --no-strict to write the PowerPoint anyway',
        },
      );
    }
    for (const problem of problems) log?.warn(formatShareProblem(problem));
    const pictured: PicturedElement[] = [];
    const byId = new Map(deck.slides.map((slide) => [slide.id, slide]));
    for (const entry of read.slides) {
      const where = sourceOf(byId.get(entry.extracted.id)!, displayRoot);
      const lines = sourceLines.get(entry.extracted.id);
      let after = where.line;
      for (const block of entry.extracted.blocks) {
        if (block.kind !== 'picture' || !block.unmapped) continue;
        const line = lines ? lineOfElement(lines, block.source, after) : where.line;
        after = line + 1;
        pictured.push({ file: where.file, line, slide: where.slide, reason: block.unmapped });
      }
    }
    const bytes = await writePptx({
      width: config.width,
      height: config.height,
      title: config.title,
      author: config.author ?? '',
      subject: config.description ?? '',
      lang: powerPointLang(config.lang),
      slides: read.slides,
    });
    const path = join(options.outDir, 'deck.pptx');
    await writeFileAtomic(path, bytes);
    timings.total = Math.round(performance.now() - started);
    return { deck, path, slides: read.slides.length, pictured, problems, ...(missingFonts ? { missingFonts } : {}), timings };
  });
}
