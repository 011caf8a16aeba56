/**
 * `deck build --single-file`: one index.html holding the whole deck (reveal.js and its plugins, the theme,
 * highlight and KaTeX styles, images and media, the installed fonts the deck draws with cut down to the
 * characters it uses) and its own presenter window, so it opens from disk, a USB stick or an e-mail with no
 * network and looks the same on any machine.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Deck } from '../../content/types.js';
import { DeckError, ErrorCode } from '../../core/errors.js';
import { ensureWritableDir, writeFileAtomic } from '../../core/fs.js';
import { packageRoot, type BuildOptions } from '../../render/index.js';
import { installReadyHook, waitForPdfReady } from '../page/print-view.js';
import { blockForeignRequests } from '../requests.js';
import { sourceOf } from '../share-problems.js';
import { withSharePage, type ShareBrowserOptions } from '../share-page.js';
import { lineOfElement, slideLines } from '../source-line.js';
import { withTempBuild } from '../temp-build.js';
import { embedFonts, type EmbeddedFont } from './embed-fonts.js';
import { fontsUsed, type FirstChoice, type UsedFont } from './fonts-used.js';
import { addToPage, inlineDeck } from './inline.js';
import { missingFamilies, reportMissing } from '../fonts/missing.js';
import { listSystemFonts, type FontSource, type SystemFont } from '../fonts/system-fonts.js';

export interface SingleFileOptions extends BuildOptions, ShareBrowserOptions {
  outDir: string;
}

export interface SingleFileResult {
  deck: Deck;
  path: string;
  bytes: number;
  fonts: EmbeddedFont[];
  timings: Record<string, number>;
}

/** In the page: the <img>s the browser could not load or decode, with the slide they are on. */
function brokenImages(): { src: string; slideId: string }[] {
  return Array.from(document.querySelectorAll('img'))
    .filter((image) => image.complete && image.naturalWidth === 0)
    .map((image) => ({ src: image.getAttribute('src') ?? '', slideId: image.closest('section[id]')?.id ?? '' }));
}

async function checkInstalled(choices: FirstChoice[], system: readonly SystemFont[], source: FontSource, deck: Deck, displayRoot: string) {
  const missing = missingFamilies(choices, system);
  if (missing.length === 0) return;
  const report = await reportMissing(missing, deck, displayRoot, source);
  const instead = missing[0]!.usedInstead ?? [];
  throw new DeckError(ErrorCode.BadInput, `${report.message}; the single file would carry ${instead.join(', ')} instead`, {
    ...(report.file ? { file: report.file, line: report.line } : {}),
    hint: report.hint,
  });
}

/** The notes are shown in the presenter window in the deck's main font: its subset must hold their characters too. */
function addNotesText(fonts: Map<string, UsedFont>, deck: Deck): void {
  const notes = deck.slides.map((slide) => slide.notes).join('');
  const main = [...fonts.values()].filter((font) => !/mono/i.test(font.familyName)).sort((a, b) => b.chars.size - a.chars.size)[0];
  if (main) for (const char of notes) main.chars.add(char);
}

export async function buildSingleFile(input: string, options: SingleFileOptions): Promise<SingleFileResult> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  await ensureWritableDir(options.outDir);
  const bundle = join(packageRoot(), 'lib', 'client', 'single-deck.js');
  const presenterJs = readFile(bundle, 'utf8').catch((cause: unknown) => {
    throw new DeckError(ErrorCode.Io, 'the presenter script of the single file is missing', {
      file: bundle,
      cause,
      hint: 'run npm run build',
    });
  });
  const systemFonts = listSystemFonts().catch((cause: unknown) => {
    throw new DeckError(ErrorCode.BadInput, 'cannot list the installed fonts', {
      cause,
      hint: 'check that fc-list (fontconfig) runs, or remove it to have the font folders read instead',
    });
  });
  // Awaited later; a failure meanwhile must not count as unhandled.
  presenterJs.catch(() => {});
  systemFonts.catch(() => {});
  return withTempBuild(input, options, async ({ deck, index, dir, displayRoot }) => {
    timings.build = Math.round(performance.now() - started);
    const timeoutMs = deck.config.pdf.timeout;
    const measured = await withSharePage(
      { browser: options.browser, find: options.find, logger: options.logger, timeoutMs, what: `measuring the fonts of ${input}` },
      async (page) => {
        await blockForeignRequests(page, dir);
        await page.evaluateOnNewDocument(installReadyHook);
        // The print view lays out every slide at once, so every slide's fonts are measured.
        await page.goto(`${pathToFileURL(index).href}?print-pdf&showNotes=false`, { waitUntil: 'load', timeout: timeoutMs });
        await page.evaluate(waitForPdfReady);
        const broken = await page.evaluate(brokenImages);
        return { broken, ...(await fontsUsed(page)) };
      },
    );
    timings.measure = Math.round(performance.now() - started);
    const broken = measured.broken[0];
    if (broken) {
      const slide = deck.slides.find((candidate) => candidate.id === broken.slideId);
      const lines = slide ? (await slideLines(deck)).get(slide.id) : undefined;
      throw new DeckError(ErrorCode.BadInput, `the image “${broken.src}” cannot be read or is not an image`, {
        ...(slide ? { file: sourceOf(slide, displayRoot).file, line: slide.line } : {}),
        ...(lines ? { line: lineOfElement(lines, { tag: 'img', classes: [], src: broken.src }) } : {}),
        hint: 'replace it with a PNG, JPEG, GIF, WebP or SVG file',
      });
    }
    const { fonts: system, source } = await systemFonts;
    await checkInstalled(measured.firstChoices, system, source, deck, displayRoot);
    addNotesText(measured.fonts, deck);
    const fonts = await embedFonts(measured.fonts.values(), system, source);
    timings.fonts = Math.round(performance.now() - started);
    const sources = new Map(deck.assets.map((asset) => [asset.target, relative(process.cwd(), asset.source) || asset.source]));
    const inlined = await inlineDeck(await readFile(index, 'utf8'), { dir, sources });
    const html = addToPage(
      inlined,
      `<style id="deck-fonts">${fonts.map((font) => font.css).join('\n')}</style>`,
      `<script>${(await presenterJs).replace(/<\/script/gi, '<\\/script')}</script>`,
    );
    const path = join(options.outDir, 'index.html');
    await writeFileAtomic(path, html);
    timings.total = Math.round(performance.now() - started);
    return { deck, path, bytes: Buffer.byteLength(html), fonts, timings };
  });
}
