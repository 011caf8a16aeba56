/**
 * `deck png`: an image of every slide (or of every fragment step), at the slide's size times `scale`, and
 * thumbnail.png of the title slide for link previews. Images are made in memory and moved into the output folder
 * together once all succeeded; images of an earlier, longer export are removed.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Deck } from '../../content/types.js';
import { DeckError, ErrorCode } from '../../core/errors.js';
import type { BuildOptions } from '../../render/index.js';
import { openDeckPage, showSlide, type DeckPageSlide } from '../deck-page.js';
import { formatShareProblem, formatShareReport, sourceOf, type ShareProblem } from '../share-problems.js';
import { withSharePage, type ShareBrowserOptions } from '../share-page.js';
import { lineOfElement, slideLines } from '../source-line.js';
import { withTempBuild } from '../temp-build.js';

/** The largest scale: 4 × 1280×720 is already 5120×2880, past any projector. */
export const MAX_SCALE = 4;
const JPEG_QUALITY = 90;

export interface ExportPngOptions extends BuildOptions, ShareBrowserOptions {
  outDir: string;
  /** An image per fragment step instead of one per slide in its final state. */
  fragments?: boolean;
  /** Device pixels per CSS pixel: 2 gives 2560×1440 for a 1280×720 deck. Default 1. */
  scale?: number;
  /** JPEG (.jpg) instead of PNG. */
  jpeg?: boolean;
  strict?: boolean;
}

export interface ExportPngResult {
  deck: Deck;
  /** The images written, in order, absolute paths. */
  files: string[];
  thumbnail: string;
  /** Pixel size of each image. */
  width: number;
  height: number;
  problems: ShareProblem[];
  timings: Record<string, number>;
}

/** The file name of an image: `003.png`, or `003-2.png` for step 2 of slide 3 with --fragments. */
export function imageName(slideNumber: number, step: number | undefined, extension: 'png' | 'jpg'): string {
  const base = String(slideNumber).padStart(3, '0');
  return `${base}${step === undefined ? '' : `-${step}`}.${extension}`;
}

const IMAGE_NAME = /^\d{3,}(-\d+)?\.(png|jpg)$/;

/** The <img> sources on the slide that the browser could not load or decode. */
function brokenImages(id: string): string[] {
  const section = document.getElementById(id);
  return Array.from(section?.querySelectorAll('img') ?? [])
    .filter((image) => image.complete && image.naturalWidth === 0)
    .map((image) => image.getAttribute('src') ?? '');
}

async function capture(page: Page, jpeg: boolean): Promise<Uint8Array> {
  return page.screenshot(
    jpeg ? { type: 'jpeg', quality: JPEG_QUALITY, captureBeyondViewport: false } : { type: 'png', captureBeyondViewport: false },
  );
}

export async function exportPng(input: string, options: ExportPngOptions): Promise<ExportPngResult> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= MAX_SCALE)) {
    throw new DeckError(ErrorCode.BadConfig, `--scale must be more than 0 and at most ${MAX_SCALE}, not ${scale}`);
  }
  const extension = options.jpeg ? 'jpg' : 'png';
  const { withOutputStage } = await import('../../render/index.js');
  return withTempBuild(input, options, async ({ deck, index, dir, displayRoot }) => {
    timings.build = Math.round(performance.now() - started);
    const config = deck.config;
    const timeoutMs = config.pdf.timeout;
    const byId = new Map(deck.slides.map((slide) => [slide.id, slide]));
    const sourceLines = await slideLines(deck);
    const made = await withSharePage(
      { browser: options.browser, find: options.find, logger: options.logger, timeoutMs, what: `exporting ${input} to images` },
      async (page) => {
        const opened = await openDeckPage(page, {
          outDir: dir,
          index,
          width: config.width,
          height: config.height,
          scale,
          allFragments: !options.fragments,
          keepMargin: true,
          timeoutMs,
        });
        const images: { name: string; bytes: Uint8Array }[] = [];
        const problems: ShareProblem[] = [];
        let thumbnail: Uint8Array | undefined;
        for (const [i, shown] of opened.slides.entries()) {
          const steps = options.fragments ? stepsOf(shown) : [undefined];
          for (const step of steps) {
            await showSlide(page, shown, step === undefined ? undefined : step - 1);
            images.push({ name: imageName(i + 1, step, extension), bytes: await capture(page, options.jpeg === true) });
          }
          if (i === 0) {
            if (options.fragments) await showSlide(page, shown, shown.steps - 1);
            // Link previews want the slide's own size whatever --scale is.
            if (scale !== 1) await page.setViewport({ width: config.width, height: config.height, deviceScaleFactor: 1 });
            thumbnail = await page.screenshot({ type: 'png', captureBeyondViewport: false });
            if (scale !== 1) await page.setViewport({ width: config.width, height: config.height, deviceScaleFactor: scale });
          }
          const slide = byId.get(shown.id);
          for (const src of await page.evaluate(brokenImages, shown.id)) {
            const lines = slide ? sourceLines.get(slide.id) : undefined;
            problems.push({
              kind: 'broken-image',
              message: `the image “${src}” cannot be read or is not an image`,
              ...(slide ? sourceOf(slide, displayRoot) : {}),
              ...(lines ? { line: lineOfElement(lines, { tag: 'img', classes: [], src }) } : {}),
            });
          }
        }
        if (opened.slides.length !== deck.slides.length) {
          problems.push({
            kind: 'slide-count',
            message: `the browser shows ${opened.slides.length} slides, the deck has ${deck.slides.length}`,
          });
        }
        for (const url of opened.blocked)
          problems.push({ kind: 'blocked-request', message: `blocked a request outside the deck's files: ${url}` });
        return { images, thumbnail: thumbnail!, problems };
      },
    );
    timings.render = Math.round(performance.now() - started);
    if (made.problems.length > 0 && (options.strict ?? config.pdf.strict)) {
      throw new DeckError(
        ErrorCode.ExportFailed,
        `the image export checks failed, nothing was written:\n${formatShareReport(made.problems)}`,
        {
          hint: 'fix the slides named above, or pass --no-strict to write the images anyway',
        },
      );
    }
    for (const problem of made.problems) options.logger?.warn(formatShareProblem(problem));
    await withOutputStage(options.outDir, async (stage) => {
      await Promise.all(made.images.map((image) => writeFile(join(stage.dir, image.name), image.bytes)));
      await writeFile(join(stage.dir, 'thumbnail.png'), made.thumbnail);
    });
    const names = new Set(made.images.map((image) => image.name));
    const stale = (await readdir(options.outDir)).filter((name) => IMAGE_NAME.test(name) && !names.has(name));
    await Promise.all(stale.map((name) => rm(join(options.outDir, name), { force: true })));
    timings.total = Math.round(performance.now() - started);
    return {
      deck,
      files: made.images.map((image) => join(options.outDir, image.name)),
      thumbnail: join(options.outDir, 'thumbnail.png'),
      width: Math.round(config.width * scale),
      height: Math.round(config.height * scale),
      problems: made.problems,
      timings,
    };
  });
}

/** Steps of a slide with --fragments: 0 (no fragment shown) to the number of fragments. */
function stepsOf(slide: DeckPageSlide): number[] {
  return Array.from({ length: slide.steps + 1 }, (_, step) => step);
}
