/**
 * Fonts the deck asks for that are not installed: the first family of each slide text's font-family, checked
 * against the installed fonts. The single file fails on one (it would carry another font); the PowerPoint names it
 * and warns (it was laid out with another font here). The message names the theme file and line that asks for it,
 * the slide that shows it, and how to install it on this platform.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Deck } from '../../content/types.js';
import { resolveTheme } from '../../render/index.js';
import { builtinThemesDir } from '../../render/paths.js';
import { sourceOf } from '../share-problems.js';
import type { FontSource, SystemFont } from './system-fonts.js';

/** A family the slides' CSS asks for first (not a generic family, not a web font the page loads). */
export interface FirstChoice {
  family: string;
  /** The slide (section id) and a sample of the text that asks for it. */
  slideId: string;
  sample: string;
  /** What Chromium drew the text with instead, when known. */
  usedInstead?: string[];
}

export const GENERIC_FAMILIES = new Set([
  'serif',
  'sans-serif',
  'monospace',
  'cursive',
  'fantasy',
  'system-ui',
  'ui-sans-serif',
  'ui-serif',
  'ui-monospace',
  'math',
  'emoji',
  '-apple-system',
  'blinkmacsystemfont',
]);

/** In the page: the first-choice family of each slide's own text, once per family. */
function readFirstChoices(generic: string[]): FirstChoice[] {
  const skip = new Set(generic);
  const webFonts = new Set(Array.from(document.fonts).map((face) => face.family.replace(/^["']|["']$/g, '').toLowerCase()));
  const seen = new Map<string, FirstChoice>();
  for (const element of Array.from(document.querySelectorAll('.reveal .slides section[id] *'))) {
    const text = Array.from(element.childNodes)
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent ?? '')
      .join('')
      .trim();
    if (!text || element.closest('aside.notes')) continue;
    const family = getComputedStyle(element)
      .fontFamily.split(',')[0]!
      .trim()
      .replace(/^["']|["']$/g, '');
    const key = family.toLowerCase();
    if (!family || skip.has(key) || webFonts.has(key) || seen.has(key)) continue;
    seen.set(key, { family, slideId: element.closest('section[id]')!.id, sample: text.slice(0, 40) });
  }
  return [...seen.values()];
}

export function firstChoices(page: Page): Promise<FirstChoice[]> {
  return page.evaluate(readFirstChoices, [...GENERIC_FAMILIES]);
}

export function missingFamilies<T extends FirstChoice>(choices: readonly T[], installed: readonly SystemFont[]): T[] {
  const families = new Set(installed.flatMap((font) => font.families.map((family) => family.toLowerCase())));
  return choices.filter((choice) => !families.has(choice.family.toLowerCase()));
}

/** How to install a font here: the Debian package for Noto CJK, else the platform's way. */
export function installHint(family: string, platform: NodeJS.Platform, source: FontSource): string {
  const check = source === 'fontconfig' ? ' (fc-list should then list it)' : '';
  if (platform === 'darwin') return `install “${family}” (open the font file and click Install Font, or copy it into ~/Library/Fonts)`;
  if (platform === 'win32') return `install “${family}” (right-click the font file and choose Install for all users)`;
  if (/^noto (sans|serif)( mono)? cjk/i.test(family)) return `install “${family}”: sudo apt-get install fonts-noto-cjk${check}`;
  return `install “${family}”: copy its font files into ~/.local/share/fonts and run fc-cache -f${check}`;
}

/** Where a family is named in the theme's CSS (file and 1-based line), to point the user at it. */
async function whereNamed(family: string, files: string[]): Promise<{ file: string; line: number } | undefined> {
  for (const file of files) {
    const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n');
    const line = lines.findIndex((text) => text.includes(family));
    if (line >= 0) return { file: relative(process.cwd(), file) || file, line: line + 1 };
  }
  return undefined;
}

export interface MissingFontReport {
  /** “the deck's text asks for the font “X”, which is not installed here (slide 3, talk.md:12: “…”)”. */
  message: string;
  /** The theme file and line naming the first missing family, when found. */
  file?: string;
  line?: number;
  hint: string;
}

export async function reportMissing(
  missing: readonly FirstChoice[],
  deck: Deck,
  displayRoot: string,
  source: FontSource,
  platform: NodeJS.Platform = process.platform,
): Promise<MissingFontReport> {
  const first = missing[0]!;
  const theme = resolveTheme(deck.config.theme, deck.root);
  const where = await whereNamed(first.family, [
    theme.source,
    ...theme.imports.map((file) => file.source),
    join(builtinThemesDir(), '_layouts.css'),
  ]);
  const slide = deck.slides.find((candidate) => candidate.id === first.slideId);
  const on = slide ? ` (slide ${slide.index + 1}, ${sourceOf(slide, displayRoot).file}:${slide.line}: “${first.sample}”)` : '';
  return {
    message: `the deck's text asks for the font “${missing.map((choice) => choice.family).join('”, “')}”, which is not installed here${on}`,
    ...where,
    hint: `${installHint(first.family, platform, source)}, or choose a font that is installed in the theme's font-family`,
  };
}
