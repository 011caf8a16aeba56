import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DeckError, ErrorCode } from '../core/errors.js';
import { loadDeck, type LoadDeckOptions } from '../content/deck.js';
import type { Deck } from '../content/types.js';
import { builtinTemplatesDir } from './paths.js';
import { renderDeck, type RenderOptions } from './render.js';
import { loadTemplates, type TemplateSet } from './templates.js';
import { resolveTheme } from './theme.js';
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

/** Load and render a deck, all in memory: nothing is written, so a failure leaves the output untouched. */
export async function buildDeck(input: string, options: BuildOptions = {}): Promise<BuildResult> {
  const deck = await loadDeck(input, options);
  const overrides = options.templates ?? deck.config.templates;
  const dirs = [builtinTemplatesDir(), ...(overrides ? [resolve(options.templates ? '.' : deck.root, overrides)] : [])];
  if (overrides && !existsSync(dirs[1]!)) {
    throw new DeckError(ErrorCode.BadTemplate, 'templates folder not found', { file: overrides });
  }
  const key = dirs.join('\0');
  let templates = options.templateCache?.get(key);
  if (!templates) {
    templates = loadTemplates(dirs);
    options.templateCache?.set(key, templates);
    // A failed load is not kept: the next build tries again.
    templates.catch(() => options.templateCache?.delete(key));
  }
  const theme = resolveTheme(deck.config.theme, deck.root);
  return { deck, rendered: renderDeck(deck, await templates, theme, options) };
}
