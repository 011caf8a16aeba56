/**
 * Making the PDFs from a built deck in one page of a running browser: the slides in reveal.js's print view,
 * then, in the same page and without loading anything again, the handout. Every check is measured here. The
 * PDFs are streamed into the deck's stage folder (`outDir`), which export.ts swaps into the output folder only
 * when the checks pass.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import type { Deck, Slide } from '../content/types.js';
import { translate } from '../render/helpers.js';
import { FIT_FLOOR, fitSlides, type FitOptions } from '../render/fit.js';
import { usesFit } from '../render/render.js';
import { describeOverflow, slideProblem, type ExportProblem } from './checks.js';
import { handoutCss, headerFooter } from './handout/css.js';
import { handoutGeometry, MARGIN_MM, slideScale, type HandoutLayout, type Paper } from './handout/layout.js';
import { findMissingGlyphs, type MissingGlyphs } from './page/glyphs.js';
import { buildHandout, type HandoutSpec } from './page/handout.js';
import { CONTAINED_ATTRIBUTE, containPrintPages, releasePrintPages } from './page/print-containment.js';
import { HIDDEN_UNTIL_PRINT, skipScreenFrames } from './page/print-frames.js';
import {
  finishPrintView,
  installReadyHook,
  measureOverflow,
  waitForPdfReady,
  type OverflowMeasure,
  type PrintViewLayout,
  type PrintViewOptions,
} from './page/print-view.js';
import { amendPdfFile, type PdfMetadata } from './pdf/amend.js';
import { streamPdf } from './pdf/stream.js';
import { blockForeignRequests } from './requests.js';
import { deckOutline, expectedDeckPages } from './slides.js';
import { plural } from '../core/warnings.js';

export interface RenderPdfsOptions {
  /**
   * The folder the deck was built into (index.html and its files), where deck.pdf and handout.pdf are written;
   * requests outside it are blocked.
   */
  outDir: string;
  /** The built index.html. */
  index: string;
  /** Plugin scripts answered with empty plugins (idle-plugins.ts). */
  stubs?: ReadonlyMap<string, string>;
  slides: boolean;
  handout: HandoutLayout | false;
  paper: Paper;
  /** Per-operation limit inside the page, ms. */
  timeoutMs: number;
  /** How the deck folder is shown in reports. */
  displayRoot: string;
  creator: string;
  /** Called as pages are done. */
  onPages?: (done: number, stage: string) => void;
  /** Timings of each step, ms, filled in as it goes. */
  timings?: Record<string, number>;
}

export interface RenderedPdf {
  /** The PDF, in `outDir`. */
  path: string;
  pages: number;
}

export interface RenderPdfsResult {
  deck?: RenderedPdf;
  handout?: RenderedPdf & { layout: HandoutLayout };
  problems: ExportProblem[];
  /** Plugin scripts that were answered with empty plugins (idle-plugins.ts), as URLs. */
  stubbed: string[];
}

/**
 * The PDFs printed, the page given back. What is left (each PDF's metadata, outline and page-count check, in
 * the file) needs no browser, so the caller lets the browser or page go before awaiting it: a lone export's
 * Chromium shuts down meanwhile, a batch's page prints the next deck. Also rejects when that work fails.
 */
export interface PrintedPdfs {
  finished: Promise<RenderPdfsResult>;
}

function glyphProblems(
  found: MissingGlyphs[],
  pdf: ExportProblem['pdf'],
  slidesById: Map<string, Slide>,
  displayRoot: string,
): ExportProblem[] {
  return found.map((entry) => {
    const message = `no installed font has ${[...entry.chars].map((c) => `“${c}” U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')} (font: ${entry.font}); it would print as empty boxes`;
    const slide = slidesById.get(entry.scope);
    return slide ? slideProblem('missing-glyphs', pdf, slide, message, displayRoot) : { kind: 'missing-glyphs' as const, pdf, message };
  });
}

function metadataOf(deck: Deck, creator: string, producer: string): PdfMetadata {
  const c = deck.config;
  return {
    title: c.title,
    author: c.author,
    subject: c.description,
    keywords: c.keywords,
    lang: c.lang,
    creator,
    producer,
  };
}

interface PrintViewPass {
  layout: PrintViewLayout;
  overflow: OverflowMeasure[];
  glyphs: MissingGlyphs[];
  readyMs: number;
  layoutMs: number;
  checksMs: number;
}

/**
 * The page-side functions of print-view.ts and glyphs.ts (self-contained by design) composed into one script,
 * so the export makes one round trip to the page instead of one per step, and times each step inside it.
 */
function printViewPass(options: PrintViewOptions, size: { width: number; height: number }, fit?: FitOptions): string {
  return `(async () => {
    const started = performance.now();
    await (${waitForPdfReady.toString()})();
    const ready = performance.now();
    const layout = (${finishPrintView.toString()})(${JSON.stringify(options)});
    ${fit ? `(${fitSlides.toString()})(${JSON.stringify(fit)});` : ''}
    (${containPrintPages.toString()})(${JSON.stringify(size)}, ${JSON.stringify(CONTAINED_ATTRIBUTE)});
    const laidOut = performance.now();
    const overflow = (${measureOverflow.toString()})(${JSON.stringify(size)});
    const glyphs = (${findMissingGlyphs.toString()})(${JSON.stringify('.reveal .slides > .pdf-page > section')});
    const round = (ms) => Math.round(ms);
    return { layout, overflow, glyphs, readyMs: round(ready - started), layoutMs: round(laidOut - ready), checksMs: round(performance.now() - laidOut) };
  })()`;
}

/** The handout built in the page and its notes checked for missing glyphs, in one round trip. */
function handoutPass(spec: HandoutSpec): string {
  return `(() => {
    (${releasePrintPages.toString()})(${JSON.stringify(CONTAINED_ATTRIBUTE)});
    const sheetHeights = (${buildHandout.toString()})(${JSON.stringify(spec)});
    const glyphs = (${findMissingGlyphs.toString()})(${JSON.stringify('.deck-handout .handout-notes')});
    return { sheetHeights, glyphs };
  })()`;
}

/**
 * Print the deck's PDFs in `page`. The page is left as it was found (no request handler or script of this
 * deck's behind) when this succeeds, so a batch can print its next deck in it (src/browser/page-pool.ts).
 */
export async function renderPdfs(browser: Browser, page: Page, deck: Deck, options: RenderPdfsOptions): Promise<PrintedPdfs> {
  const stubbed: string[] = [];
  const done = new AbortController();
  try {
    // Three DevTools round trips at once, all answered before the page is opened.
    const [blocked, ...installed] = await Promise.all([
      blockForeignRequests(page, options.outDir, { stubs: options.stubs, onStub: (url) => stubbed.push(url), signal: done.signal }),
      page.evaluateOnNewDocument(installReadyHook),
      page.evaluateOnNewDocument(skipScreenFrames, HIDDEN_UNTIL_PRINT),
    ]);
    const printed = await printPdfs(browser, page, deck, options, blocked, stubbed);
    await Promise.all(installed.map(({ identifier }) => page.removeScriptToEvaluateOnNewDocument(identifier)));
    return printed;
  } finally {
    done.abort();
  }
}

async function printPdfs(
  browser: Browser,
  page: Page,
  deck: Deck,
  options: RenderPdfsOptions,
  blocked: readonly string[],
  stubbed: string[],
): Promise<PrintedPdfs> {
  const c = deck.config;
  const size = { width: c.width, height: c.height };
  const timings = options.timings ?? {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };
  const problems: ExportProblem[] = [];
  const slidesById = new Map(deck.slides.map((slide) => [slide.id, slide]));
  // reveal.js makes a page per fragment step only when some slide will keep them (splitting everything, or a
  // slide opting in); otherwise it lays out one page per slide with every fragment shown, which is faster.
  const splitFragments = deck.slides.some(
    (slide) =>
      slide.fragments > 0 &&
      (slide.attributes['data-pdf-fragments'] === 'true' || (c.pdf.fragments && slide.attributes['data-pdf-fragments'] !== 'false')),
  );

  // Asked now, answered while the page loads.
  const producer = browser.version().then((version) => `${version} (Skia/PDF)`);
  // Awaited below; if the export fails first, the browser is closed under this request and its rejection must
  // not end the program as an unhandled one (tests/cli/staging.test.ts times an export out halfway).
  producer.catch(() => undefined);
  // reveal.js reads settings from the query string: the print view, no margin around the slide (so the page
  // is exactly the slide size), never more than one page per slide, and fragment pages if wanted (slides that
  // opt out are trimmed to their final state afterwards).
  const query = `print-pdf&margin=0&pdfMaxPagesPerSlide=1&pdfSeparateFragments=${splitFragments}&showNotes=false`;
  await page.goto(`${pathToFileURL(options.index).href}?${query}`, { waitUntil: 'load', timeout: options.timeoutMs });
  lap('load');

  // One round trip: wait for reveal.js's print view, finish it, then run every check on the laid-out page.
  const fit = usesFit(deck)
    ? { width: c.width, height: c.height, floor: FIT_FLOOR, all: c.fit, selector: '.reveal .slides > .pdf-page > section' }
    : undefined;
  const inPage = (await page.evaluate(printViewPass({ splitAll: c.pdf.fragments, margin: c.margin }, size, fit))) as PrintViewPass;
  timings.load = (timings.load ?? 0) + inPage.readyMs;
  timings.layout = inPage.layoutMs;
  timings.checks = inPage.checksMs;
  mark = performance.now();
  const { layout } = inPage;
  for (const measure of inPage.overflow) {
    const slide = slidesById.get(measure.id);
    const message = describeOverflow(measure, measure.clipped, size);
    if (slide && message) problems.push(slideProblem('overflow', 'deck', slide, message, options.displayRoot));
  }
  problems.push(...glyphProblems(inPage.glyphs, 'deck', slidesById, options.displayRoot));

  // Links to the deck's own files are written relative to the PDF (pdf/local-links.ts), as they pass to disk.
  const stageUrl = new URL('.', pathToFileURL(options.index)).href;
  const meta = metadataOf(deck, options.creator, await producer);
  // Each PDF's post-processing runs beside whatever the page does next; the problems keep their order.
  const found: (ExportProblem[] | Promise<ExportProblem[]>)[] = [problems];
  const later = (work: Promise<ExportProblem[]>) => {
    // Awaited in `finished`; until then a failure must not end the program as an unhandled rejection.
    work.catch(() => undefined);
    found.push(work);
  };
  const result: Omit<RenderPdfsResult, 'problems'> = { stubbed };

  if (options.slides) {
    const path = join(options.outDir, 'deck.pdf');
    const streamed = await streamPdf(
      page,
      { preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: options.timeoutMs },
      path,
      { linkBase: stageUrl },
    );
    lap('deck.pdf');
    const firstPage = new Map<string, number>();
    layout.pages.forEach((id, i) => firstPage.has(id) || firstPage.set(id, i));
    const outline = deckOutline(deck, (slide) => firstPage.get(slide.id));
    const started = performance.now();
    later(
      amendPdfFile(path, meta, outline, streamed.toUnicode).then((amended) => {
        timings['deck.amend'] = Math.round(performance.now() - started);
        result.deck = { path, pages: amended.pageCount };
        options.onPages?.(amended.pageCount, 'deck.pdf');
        const expected = expectedDeckPages(deck);
        if (amended.pageCount === expected) return [];
        const steps = expected - deck.slides.length;
        return [
          {
            kind: 'page-count' as const,
            pdf: 'deck' as const,
            message: `deck.pdf has ${plural(amended.pageCount, 'page')}, expected ${expected} (${plural(deck.slides.length, 'slide')}${
              steps > 0 ? ` plus ${plural(steps, 'fragment step')}` : ''
            })`,
          },
        ];
      }),
    );
  }

  if (options.handout) {
    const geometry = handoutGeometry(options.handout, options.paper, c.height / c.width);
    const spec: HandoutSpec = {
      layout: options.handout,
      perSheet: geometry.perSheet,
      css: handoutCss(geometry, size),
      items: deck.slides.map((slide) => ({ id: slide.id, number: slide.index + 1, title: slide.title, notesHtml: slide.notesHtml })),
      width: c.width,
      height: c.height,
      scale: slideScale(geometry, c.width),
      rules: geometry.rules,
      lang: c.lang,
      notesLabel: translate('notes', c.lang),
    };
    const handoutPage = (await page.evaluate(handoutPass(spec))) as { sheetHeights: number[]; glyphs: MissingGlyphs[] };
    const sheetHeights = handoutPage.sheetHeights;
    found.push(glyphProblems(handoutPage.glyphs, 'handout', slidesById, options.displayRoot));
    lap('handout.layout');
    const { header, footer } = headerFooter(c.title, c.lang, MARGIN_MM.side);
    const path = join(options.outDir, 'handout.pdf');
    const streamed = await streamPdf(
      page,
      {
        format: options.paper === 'A4' ? 'a4' : 'letter',
        margin: { top: `${MARGIN_MM.top}mm`, bottom: `${MARGIN_MM.bottom}mm`, left: `${MARGIN_MM.side}mm`, right: `${MARGIN_MM.side}mm` },
        displayHeaderFooter: true,
        headerTemplate: header,
        footerTemplate: footer,
        printBackground: true,
        preferCSSPageSize: false,
        tagged: true,
        outline: false,
        timeout: options.timeoutMs,
      },
      path,
      { linkBase: stageUrl },
    );
    lap('handout.pdf');
    // Pages each sheet takes: one, or more when a slide's notes run long (notes layout).
    const pxPerMm = 96 / 25.4;
    const sheetPages = sheetHeights.map((px) => Math.max(1, Math.ceil(px / pxPerMm / geometry.contentHeight - 0.001)));
    const sheetStart = sheetPages.map((_, i) => sheetPages.slice(0, i).reduce((a, b) => a + b, 0));
    const slidePage = (slide: Slide) => sheetStart[Math.floor(slide.index / geometry.perSheet)];
    const handout = options.handout;
    const started = performance.now();
    later(
      amendPdfFile(path, meta, deckOutline(deck, slidePage), streamed.toUnicode).then((amended) => {
        timings['handout.amend'] = Math.round(performance.now() - started);
        result.handout = { path, pages: amended.pageCount, layout: handout };
        options.onPages?.(amended.pageCount, 'handout.pdf');
        const expected = sheetPages.reduce((a, b) => a + b, 0);
        if (amended.pageCount === expected) return [];
        return [
          {
            kind: 'page-count' as const,
            pdf: 'handout' as const,
            message: `handout.pdf (${handout}) has ${plural(amended.pageCount, 'page')}, expected ${expected}`,
          },
        ];
      }),
    );
  }

  found.push(
    blocked.map((url) => ({
      kind: 'blocked-request' as const,
      pdf: options.slides ? ('deck' as const) : ('handout' as const),
      message: `blocked a request outside the deck's files: ${url} (copy the file into the deck, or remove the reference)`,
    })),
  );
  const finished = Promise.all(found).then((lists) => ({ ...result, problems: lists.flat() }));
  finished.catch(() => undefined);
  return { finished };
}
