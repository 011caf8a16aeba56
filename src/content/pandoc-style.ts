/**
 * Which decks are written for Pandoc (or Quarto), so that their headings make slides as `pandoc -t revealjs`
 * makes them (src/content/pandoc-slides.ts), and at which slide level. A reveal.js or reveal-md deck never is:
 * they split at their separators only, as reveal.js's markdown plugin does.
 */
import { DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../config/defaults.js';
import { foreignToolOf } from '../config/foreign.js';
import type { DeckConfig } from '../config/schema.js';
import { hasFencedDiv } from './fenced-divs.js';
import { type SlideLevels, slideLevels } from './pandoc-slides.js';
import { matchesOutsideCode } from './split.js';

/** How a Pandoc-style deck's headings split it: each section of its top level is a vertical stack. */
export interface PandocSlides extends SlideLevels {
  /** The author set `slideLevel`: files with separators of their own are split by headings too. */
  explicit: boolean;
}

export interface PandocStyleInput {
  /** The whole file, its body after the front matter or title block, and its front matter. */
  text: string;
  body: string;
  data: Record<string, unknown>;
}

/** Quarto's revealjs format sets `slide-level: 2` (Pandoc computes it). */
const QUARTO_SLIDE_LEVEL = 2;

const PAUSE = '^ {0,3}\\. \\. \\.[ \\t]*$';

/**
 * A deck is Pandoc-style when it sets `slideLevel` (`slide-level`), or, with reveal.js's default separators,
 * when its metadata (the first file's front matter or the config file) has a key only Pandoc or Quarto defines
 * (`incremental`, `toc`, `format`, …), a file starts with a `%` title block, or a file uses fenced divs (`::: notes`)
 * or pauses (`. . .`). Undefined for any other deck.
 */
export function pandocStyle(
  config: Readonly<DeckConfig>,
  inputs: readonly PandocStyleInput[],
  fileValues: Record<string, unknown> = {},
): PandocSlides | undefined {
  const options = { separator: config.separator, verticalSeparator: config.verticalSeparator };
  const bodies = inputs.map((input) => input.body);
  const withLevel = (slideLevel: number | undefined, explicit: boolean): PandocSlides => ({
    ...slideLevels(bodies, options, slideLevel),
    explicit,
  });
  if (config.slideLevel !== undefined) return withLevel(config.slideLevel, true);
  if (config.separator !== DEFAULT_SEPARATOR || config.verticalSeparator !== DEFAULT_VERTICAL_SEPARATOR) return undefined;
  const keys = [...Object.keys(inputs[0]?.data ?? {}), ...Object.keys(fileValues)];
  if (keys.some((key) => foreignToolOf(key) === 'Quarto')) return withLevel(QUARTO_SLIDE_LEVEL, false);
  const pandoc =
    keys.some((key) => key === 'incremental' || foreignToolOf(key) === 'Pandoc') ||
    inputs.some((input) => input.text.startsWith('%')) ||
    bodies.some((body) => hasFencedDiv(body) || (body.includes('. . .') && matchesOutsideCode(body, PAUSE).length > 0));
  return pandoc ? withLevel(undefined, false) : undefined;
}
