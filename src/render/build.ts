import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DeckError, ErrorCode, isDeckError } from '../core/errors.js';
import { loadDeckCollecting, type LoadDeckOptions } from '../content/deck.js';
import { collecting, collectingAsync, combineProblems } from '../core/problems.js';
import type { Deck } from '../content/types.js';
import { builtinTemplatesDir } from './paths.js';
import { renderDeck, type RenderOptions } from './render.js';
import { loadTemplates, type TemplateSet } from './templates.js';
import { resolveTheme, type ResolvedTheme } from './theme.js';
import { highlightStylesheet } from './vendor.js';
import type { RenderedDeck } from './output.js';

export interface BuildOptions extends LoadDeckOptions, RenderOptions {
  /** A folder of templates overriding the built-in ones (--templates); the config's `templates` otherwise. */
  templates?: string;
  /**
   * Templates kept between builds by a long-running caller (the dev server), keyed by their folders. The caller
   * empties it when a template file changes.
   */
  templateCache?: Map<string, Promise<TemplateSet>>;
}

export interface BuildResult {
  readonly deck: Deck;
  readonly rendered: RenderedDeck;
}

/** Every slide whose layout the templates do not have, one problem each. */
function unknownLayouts(deck: Deck, templates: TemplateSet): DeckError[] {
  return deck.slides
    .filter((slide) => !templates.layouts.has(slide.layout))
    .map(
      (slide) =>
        new DeckError(ErrorCode.BadTemplate, `unknown layout "${slide.layout}"`, {
          file: slide.file,
          line: slide.origins.layout ?? slide.line,
          hint: `layouts available: ${[...templates.layouts.keys()].join(', ')}`,
        }),
    );
}

/** The deck's theme; an unknown one is reported on the line that names it. */
function themeAt(deck: Deck): ResolvedTheme {
  try {
    return resolveTheme(deck.config.theme, deck.root);
  } catch (error) {
    if (!isDeckError(error) || error.file) throw error;
    throw new DeckError(error.code, error.message, { ...deck.settingOrigins.theme, hint: error.hint });
  }
}

function templatesFor(deck: Deck, options: BuildOptions): Promise<TemplateSet> {
  const overrides = options.templates ?? deck.config.templates;
  const dirs = [builtinTemplatesDir(), ...(overrides ? [resolve(options.templates ? '.' : deck.root, overrides)] : [])];
  if (overrides && !existsSync(dirs[1]!)) {
    return Promise.reject(new DeckError(ErrorCode.BadTemplate, 'templates folder not found', { file: overrides }));
  }
  const key = dirs.join('\0');
  let templates = options.templateCache?.get(key);
  if (!templates) {
    templates = loadTemplates(dirs);
    options.templateCache?.set(key, templates);
    // A failed load is not kept: the next build tries again.
    templates.catch(() => options.templateCache?.delete(key));
  }
  return templates;
}

/**
 * Load and render a deck, all in memory: nothing is written, so a failure leaves the output untouched. Every
 * problem of the build (sources, settings, slides, layouts, theme) is found in this one run and thrown together.
 */
export async function buildDeck(input: string, options: BuildOptions = {}): Promise<BuildResult> {
  const outcome = await loadDeckCollecting(input, options);
  const problems = [...outcome.problems];
  const deck = outcome.deck;
  if (!deck) throw combineProblems(problems)!;
  const templates = await collectingAsync(problems, () => templatesFor(deck, options), undefined);
  if (templates) problems.push(...unknownLayouts(deck, templates));
  const theme = collecting(problems, () => themeAt(deck), undefined);
  collecting(problems, () => highlightStylesheet(deck.config.highlightTheme, deck.settingOrigins.highlightTheme), undefined);
  const failure = combineProblems(problems);
  if (failure) throw failure;
  return { deck, rendered: renderDeck(deck, templates!, theme!, options) };
}
