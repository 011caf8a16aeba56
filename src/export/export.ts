/**
 * `deck pdf`: build the deck's HTML, then make deck.pdf and handout.pdf in one page of one browser, check them,
 * and write them. The browser is searched for and started while the deck builds, so the build costs no wall
 * time. Everything is written into a stage beside the output folder and swapped in only on success: a failed
 * check (strict) or any error leaves the output folder byte for byte as it was (tests/cli/staging.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'puppeteer-core';
import {
  createPagePool,
  withBrowser,
  withPage,
  withTimeout,
  type FindBrowserOptions,
  type PagePool,
  type StartedChromium,
} from '../browser/index.js';
import type { Deck } from '../content/types.js';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { BuildOptions, OutputStage } from '../render/index.js';
import { packageRoot } from '../render/paths.js';
import { formatProblem, formatReport, type ExportProblem } from './checks.js';
import { handoutGeometry, expectedSheets, type HandoutLayout } from './handout/layout.js';
import { expectedDeckPages } from './slides.js';

export interface ExportPdfOptions extends BuildOptions {
  /** Output folder: index.html and its files, deck.pdf, handout.pdf. */
  outDir: string;
  /** Write deck.pdf (default true). */
  slides?: boolean;
  /** Handout layout, or false for none. Default: the deck's `pdf.handout` (notes). */
  handout?: HandoutLayout | false;
  /**
   * A running browser to use (the dev server's, or a batch's, see batch.ts), or one still starting: the deck
   * builds meanwhile. It is not closed here. Without it, one is found and launched.
   */
  browser?: Browser | Promise<Browser>;
  /**
   * A Chromium the caller started before loading the export (`deck pdf` does, src/browser/start.ts), used when no
   * `browser` is given: connected to here, and closed here as a launched one.
   */
  started?: StartedChromium;
  /** Pages to print in, kept between the decks of a batch (batch.ts); without it, one page is opened and closed. */
  pages?: PagePool;
  /** How to find a browser (`--browser` is `find.flag`). */
  find?: FindBrowserOptions;
  logger?: Logger;
  /** Progress: pages done of the expected total, and what is being made. */
  onProgress?: (event: ExportProgress) => void;
}

export interface ExportProgress {
  done: number;
  total: number;
  stage: string;
}

export interface ExportPdfResult {
  deck: Deck;
  /** The built index.html. */
  index: string;
  slides?: { path: string; pages: number };
  handout?: { path: string; pages: number; layout: HandoutLayout };
  /** Problems the checks found (only ever non-empty without strict). */
  problems: ExportProblem[];
  /** Milliseconds per step, for --verbose and the benchmark. */
  timings: Record<string, number>;
}

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Run `fn` with the given browser or a launched one; its launch overlaps `pending` (the build). */
async function withExportBrowser<T>(
  options: ExportPdfOptions,
  launchTimeoutMs: number,
  pending: Promise<unknown>,
  fn: (browser: Browser) => Promise<T>,
): Promise<T> {
  try {
    const browser = await options.browser;
    // One DevTools command prints the whole deck: it may take as long as the export may.
    const protocolTimeoutMs = Math.max(180_000, options.flags?.pdf?.timeout ?? 0);
    const started = browser ? undefined : options.started;
    return await withBrowser(
      { browser, started, find: options.find, timeoutMs: launchTimeoutMs, protocolTimeoutMs, logger: options.logger },
      fn,
    );
  } catch (error) {
    // A build error (the user's input) explains more than a browser error that happened meanwhile.
    await pending;
    throw error;
  }
}

export async function exportPdf(input: string, options: ExportPdfOptions): Promise<ExportPdfResult> {
  // The stage alone, not the render pipeline: that loads while Chromium starts (exportStaged).
  const { withOutputStage } = await import('../render/stage.js');
  let exported = 0;
  const result = await withOutputStage(options.outDir, async (stage) => {
    const staged = await exportStaged(input, options, stage);
    exported = performance.now();
    return staged;
  });
  result.timings.swap = Math.round(performance.now() - exported);
  return result;
}

/** The export, written into `stage`; the caller swaps the stage in when this resolves. */
async function exportStaged(input: string, options: ExportPdfOptions, stage: OutputStage): Promise<ExportPdfResult> {
  const log = options.logger;
  const started = performance.now();
  const timings: Record<string, number> = {};
  // Started after the launch has begun: loading the render pipeline and building overlap Chromium's start.
  let startBuilding = () => {};
  const building = new Promise<void>((resolve) => (startBuilding = resolve)).then(async () => {
    const { buildDeck, writeRenderedFiles } = await import('../render/index.js');
    const { deck, rendered } = await buildDeck(input, options);
    const staged = await writeRenderedFiles(stage.dir, rendered);
    timings.build = Math.round(performance.now() - started);
    return { deck, staged };
  });
  // Settled-ness is observed below; this only keeps a build failure during the launch from being "unhandled".
  building.catch(() => undefined);
  const flagTimeout = options.flags?.pdf?.timeout;
  const launchTimeoutMs = Math.max(30_000, flagTimeout ?? 0);

  const exporting = withExportBrowser(options, launchTimeoutMs, building, async (browser) => {
    timings.launch = Math.round(performance.now() - started);
    const [{ deck, staged }, { renderPdfs }, { idlePlugins }] = await Promise.all([
      building,
      import('./render-pdfs.js'),
      import('./idle-plugins.js'),
    ]);
    const pdf = deck.config.pdf;
    const slides = options.slides ?? true;
    const handout = options.handout === undefined ? pdf.handout : options.handout;
    const deckPages = slides ? expectedDeckPages(deck) : 0;
    const handoutPages = handout ? expectedSheets(handoutGeometry(handout, pdf.paper, 9 / 16), deck.slides.length) : 0;
    const total = deckPages + handoutPages;
    let done = 0;
    options.onProgress?.({ done, total, stage: 'loading the deck' });
    const fromCwd = relative(process.cwd(), deck.root);
    const displayRoot = fromCwd.startsWith('..') ? deck.root : fromCwd || '.';
    const opening = performance.now();
    let closing = 0;
    // A browser started for this export alone prints in the tab it started with (nothing more to open).
    const pages = options.pages ?? (options.browser ? undefined : createPagePool({ firstTab: true }));
    const inPage = pages ? pages.use.bind(pages) : withPage;
    const rendered = await inPage(
      browser,
      (page) => {
        timings.page = Math.round(performance.now() - opening);
        return withTimeout(
          renderPdfs(browser, page, deck, {
            outDir: stage.dir,
            index: staged,
            stubs: idlePlugins(stage.dir),
            slides,
            handout,
            paper: pdf.paper,
            timeoutMs: pdf.timeout,
            displayRoot,
            creator: `gpt-deck ${version()}`,
            timings,
            onPages: (pages, stage) => {
              done = Math.min(total, done + pages);
              options.onProgress?.({ done, total, stage });
            },
          }),
          pdf.timeout,
          `exporting ${input} to PDF`,
        ).finally(() => {
          closing = performance.now();
        });
      },
      { timeoutMs: pdf.timeout },
    );
    return { deck, rendered, closing };
  });
  startBuilding();
  const { deck, rendered: printed, closing } = await exporting;
  timings.close = Math.round(performance.now() - closing);
  // The PDFs' post-processing ran while the browser closed (or the batch's page moved on).
  const rendered = await printed.finished;

  const { problems } = rendered;
  for (const url of rendered.stubbed) log?.debug(`not loaded in the print page (nothing to do there): ${url}`);
  if (problems.length > 0) {
    if (deck.config.pdf.strict) {
      throw new DeckError(ErrorCode.ExportFailed, `the PDF export checks failed, nothing was written:\n${formatReport(problems)}`, {
        hint: 'fix the slides named above, or pass --no-strict to write the PDFs anyway (with these warnings)',
      });
    }
    for (const problem of problems) log?.warn(formatProblem(problem));
  }
  // The PDFs are already in the stage (streamed there by renderPdfs); the caller swaps them in.
  const result: ExportPdfResult = { deck, index: join(options.outDir, 'index.html'), problems, timings };
  if (rendered.deck) result.slides = { path: join(options.outDir, 'deck.pdf'), pages: rendered.deck.pages };
  if (rendered.handout) {
    result.handout = { path: join(options.outDir, 'handout.pdf'), pages: rendered.handout.pages, layout: rendered.handout.layout };
  }
  timings.total = Math.round(performance.now() - started);
  return result;
}
