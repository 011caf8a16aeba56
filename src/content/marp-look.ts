/**
 * What Marp's local directives make of each slide, in reading order: a local directive holds from its slide on, a
 * spot one (`_key`) on its slide only, as marpit applies them. `class`, the background and `color` become the
 * slide's attributes (reveal.js draws `data-background-*`); `header`, `footer` and `paginate` are its marginals.
 */
import type { DeckWarning } from '../core/warnings.js';
import { type DirectiveEntry, directiveValue } from './marp-directives.js';
import { MARP_LOCAL_DIRECTIVES } from '../config/foreign.js';
import type { SlideMarginals } from './types.js';

/** A slide's look from Marp's directives. */
export interface MarpLook {
  /** For the slide's <section>: class, data-background-*, and `color` as its style. */
  readonly attributes: Record<string, string>;
  /** The header's and footer's Markdown (inline), when set. */
  readonly header?: string;
  readonly footer?: string;
  /** Marp's `paginate`: shown and counted (true), hidden but counted (false), shown but not counted, or neither. */
  readonly paginate: boolean | 'hold' | 'skip';
}

/** Gives each slide, in order, its look from its directives; one per deck, as local directives run on across files. */
export type MarpCursor = (entries: readonly DirectiveEntry[], file: string, warnings: DeckWarning[]) => MarpLook;

/** An image's url(…), quoted or not; group 2 is its address. */
const URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/;

/** reveal.js's attributes for Marp's `backgroundImage` (an image's url(…), or a gradient), and what it leaves out. */
function backgroundImage(written: string): { attributes: Record<string, string>; warning?: string } {
  if (written === 'none') return { attributes: {} };
  if (/^(repeating-)?(linear|radial|conic)-gradient\(/.test(written)) return { attributes: { 'data-background-gradient': written } };
  const image = URL.exec(written);
  if (!image) return { attributes: {}, warning: `backgroundImage: "${written}" is not url(…) or a gradient; it is ignored` };
  const attributes = { 'data-background-image': image[2]! };
  if (image[0] === written) return { attributes };
  return { attributes, warning: `backgroundImage: "${written}" has more than one layer; reveal.js draws one, the first image` };
}

/** A directive's text, trimmed ('' when it has none). */
function textOf(values: ReadonlyMap<string, string | boolean>, key: string): string {
  const value = values.get(key);
  return typeof value === 'string' ? value.trim() : '';
}

/** The attributes a slide's directives in force give its <section>. */
function attributesOf(values: ReadonlyMap<string, string | boolean>, warn: (message: string) => void): Record<string, string> {
  const attributes: Record<string, string> = {};
  const classes = textOf(values, 'class');
  if (classes) attributes.class = classes;
  const color = textOf(values, 'backgroundColor');
  if (color) attributes['data-background-color'] = color;
  const image = textOf(values, 'backgroundImage');
  if (image) {
    const read = backgroundImage(image);
    if (read.warning) warn(read.warning);
    Object.assign(attributes, read.attributes);
  }
  for (const [key, attribute] of [
    ['backgroundPosition', 'data-background-position'],
    ['backgroundRepeat', 'data-background-repeat'],
    ['backgroundSize', 'data-background-size'],
  ] as const) {
    const value = textOf(values, key);
    if (value) attributes[attribute] = value;
  }
  const text = textOf(values, 'color');
  if (text) {
    // The slide's text colour, headings too (themes/_layouts.css reads data-color), as Marp's color sets it.
    attributes.style = `color: ${text}`;
    attributes['data-color'] = text;
  }
  return attributes;
}

/** A new cursor: no directive in force yet. */
export function createMarpCursor(): MarpCursor {
  const local = new Map<string, string | boolean>();
  return (entries, file, warnings) => {
    const spot = new Map<string, string | boolean>();
    const lines = new Map<string, number>();
    for (const entry of entries) {
      if (!MARP_LOCAL_DIRECTIVES.has(entry.key)) continue;
      const read = directiveValue(entry.key, entry.value);
      if (!read.ok) {
        warnings.push({ file, line: entry.line, message: read.message });
        continue;
      }
      (entry.spot ? spot : local).set(entry.key, read.value as string | boolean);
      lines.set(entry.key, entry.line);
    }
    const values = new Map([...local, ...spot]);
    // A value that cannot be drawn is named once, on the slide that sets it, not on each slide it holds for.
    const attributes = attributesOf(values, (message) => {
      if (lines.has('backgroundImage')) warnings.push({ file, line: lines.get('backgroundImage'), message });
    });
    const header = textOf(values, 'header');
    const footer = textOf(values, 'footer');
    return {
      attributes,
      ...(header ? { header } : {}),
      ...(footer ? { footer } : {}),
      paginate: paginationOf(values.get('paginate')),
    };
  };
}

/**
 * The slide's marginals, or undefined when it shows none; `render` turns the header's and footer's Markdown into
 * inline HTML (as marpit does: `2024. Platform Day` is no list, `## Part 2` no heading).
 */
export function marginalsOf(look: MarpLook, render: (markdown: string) => string): SlideMarginals | undefined {
  if (!look.header && !look.footer && look.paginate === false) return undefined;
  return {
    ...(look.header ? { header: render(look.header) } : {}),
    ...(look.footer ? { footer: render(look.footer) } : {}),
    paginate: look.paginate === true || look.paginate === 'hold',
    ...(look.paginate === 'hold' || look.paginate === 'skip' ? { uncounted: true } : {}),
  };
}

/** `paginate`'s value as read (src/content/marp-directives.ts): true, `hold`, `skip`, else false. */
const paginationOf = (value: unknown): MarpLook['paginate'] => (value === true || value === 'hold' || value === 'skip' ? value : false);
