/**
 * Slidev's front matter on a slide: a YAML block between two separators (`---` / `layout: center` / `---`) is not a
 * slide of its own but settings of the slide after it, as Slidev reads it. The settings reveal.js has give the
 * slide's attributes (`class`, `background`, `transition`, `hide`), its `layout` and the props of Slidev's layouts
 * (`image`, `url`, `backgroundSize`) are placed by src/content/slidev-layouts.ts; the rest (clicks, `src`, …) are
 * named in a warning. Only a block of YAML lines with at least one key Slidev defines counts (other keys are
 * props for Slidev's layouts), so a slide that reads `Status: done` stays a slide.
 */
import { parseDocument } from 'yaml';
import type { Chunk } from './split.js';

/** Keys Slidev reads in a slide's front matter (sli.dev/custom/#frontmatter-configures). */
const SLIDEV_SLIDE_KEYS = new Set([
  'background',
  'class',
  'clicks',
  'clicksStart',
  'disabled',
  'dragPos',
  'hide',
  'hideInToc',
  'image',
  'layout',
  'level',
  'preload',
  'routeAlias',
  'src',
  'title',
  'transition',
  'zoom',
]);

/** Slidev's transitions that reveal.js has under another name. */
const TRANSITIONS: Record<string, string> = {
  none: 'none',
  fade: 'fade',
  'fade-out': 'fade',
  'slide-left': 'slide',
  'slide-right': 'slide',
  'slide-up': 'slide',
  'slide-down': 'slide',
};

/** The Slidev layout a slide's front matter names, with the props Slidev's built-in layouts read. */
export interface SlidevLayoutCall {
  readonly name?: string;
  readonly props: Readonly<Record<string, unknown>>;
}

/** Props of Slidev's built-in layouts (packages/client/layouts/*.vue): placed by src/content/slidev-layouts.ts. */
const LAYOUT_PROPS = new Set(['image', 'backgroundSize', 'url']);

export interface SlideFrontMatter {
  /** Attributes for the slide's <section>. */
  readonly attributes: Record<string, string>;
  /** Its layout, when it names one or a layout's prop. */
  readonly layout?: SlidevLayoutCall;
  /** `key: value` of the settings this tool does not have, for the warning. */
  readonly ignored: string[];
}

/**
 * A background picture dimmed under white text, as Slidev draws one (handleBackground in its layoutHelper.ts:
 * `linear-gradient(#0005, #0008)` over it, `color: white`): a black background colour, which also gives the slide
 * reveal.js's has-dark-background and so the theme's light text, with the picture at 60% over it.
 */
export const DIMMED_PICTURE: Readonly<Record<string, string>> = { 'data-background-color': '#000', 'data-background-opacity': '0.6' };

const COLOUR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\(.*\)|[a-z]+)$/i;

/**
 * The chunk read as Slidev's front matter of the next slide, or undefined when it is a slide. In a deck written
 * for Slidev (`slidev`) any such YAML block is one, whatever its keys (props for the theme's layouts: `links:`,
 * `logo:`); elsewhere it needs a key Slidev defines.
 */
export function slideFrontMatter(text: string, slidev: boolean): SlideFrontMatter | undefined {
  const body = text.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
  // The block follows its `---` at once and every line is YAML (no blank line): a key, an indented or list line, or a comment.
  if (!/^[A-Za-z][\w-]*:/.test(body)) return undefined;
  if (!body.split(/\r?\n/).every((line) => /^([A-Za-z][\w-]*:|\s+\S|-\s|#)/.test(line))) return undefined;
  const doc = parseDocument(body);
  // A first line `key: value` makes a map; `key:value` (a URL, `Note:this`) is a string.
  const values = doc.errors.length === 0 ? (doc.toJS() as unknown) : undefined;
  if (typeof values !== 'object') return undefined;
  const entries = Object.entries(values as Record<string, unknown>);
  if (!slidev && !entries.some(([key]) => SLIDEV_SLIDE_KEYS.has(key))) return undefined;
  return slideSettings(entries);
}

/** A slide's settings from its front matter's entries (or, for a file's first slide, its headmatter's). */
function slideSettings(entries: readonly [string, unknown][], only?: ReadonlySet<string>): SlideFrontMatter {
  const attributes: Record<string, string> = {};
  const ignored: string[] = [];
  const props: Record<string, unknown> = {};
  let name: string | undefined;
  for (const [key, value] of entries) {
    if (only && !only.has(key)) continue;
    const shown = `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`;
    if (key === 'class' && typeof value === 'string') attributes.class = value;
    else if (key === 'background' && typeof value === 'string') {
      if (COLOUR.test(value)) attributes['data-background-color'] = value;
      else Object.assign(attributes, DIMMED_PICTURE, { 'data-background-image': value });
    } else if (key === 'transition' && typeof value === 'string' && TRANSITIONS[value]) attributes['data-transition'] = TRANSITIONS[value];
    else if (key === 'hide' || key === 'disabled') {
      if (value === true) attributes['data-visibility'] = 'hidden';
    } else if (key === 'hideInToc') {
      // Read by <Toc> (src/content/slidev-deck.ts).
      if (value === true) attributes['data-hide-in-toc'] = '';
    } else if (key === 'layout' && typeof value === 'string') name = value;
    else if (LAYOUT_PROPS.has(key)) props[key] = value;
    else if (key !== 'title') ignored.push(shown);
  }
  const layout = name !== undefined || Object.keys(props).length > 0 ? { layout: { ...(name ? { name } : {}), props } } : {};
  return { attributes, ...layout, ignored };
}

/**
 * Keys of a Slidev deck's headmatter (a file's front matter) that are also its first slide's, as Slidev reads
 * them: the slide's layout with its props, its class, background and hideInToc. The rest are the deck's settings.
 */
const HEADMATTER_SLIDE_KEYS = new Set(['layout', 'class', 'background', 'hideInToc', ...LAYOUT_PROPS]);

/** The first slide's settings from its file's front matter, in a deck written for Slidev. */
export function headmatterSlide(data: Readonly<Record<string, unknown>>): SlideFrontMatter {
  return slideSettings(Object.entries(data), HEADMATTER_SLIDE_KEYS);
}

/** A chunk of the split, with the attributes of the Slidev front matter that came before it. */
export interface ChunkWithFrontMatter {
  readonly chunk: Chunk;
  readonly attributes: Record<string, string>;
  readonly layout?: SlidevLayoutCall;
  /** The front matter's chunk, for the warning's line, and what of it was ignored. */
  readonly frontMatter?: { readonly chunk: Chunk; readonly ignored: string[] };
}

/**
 * Fold each Slidev front matter chunk into the slide after it. Such a block is always a horizontal slide's (it
 * follows a `---`); one with no slide after it in its stack is left as it is.
 */
export function foldSlideFrontMatter(stacks: readonly (readonly Chunk[])[], slidev: boolean): ChunkWithFrontMatter[][] {
  const result: ChunkWithFrontMatter[][] = [];
  let pending: { chunk: Chunk; matter: SlideFrontMatter } | undefined;
  for (const stack of stacks) {
    const matter = stack.length === 1 ? slideFrontMatter(stack[0]!.text, slidev) : undefined;
    if (matter && !pending) {
      pending = { chunk: stack[0]!, matter };
      continue;
    }
    const [first, ...rest] = stack;
    const folded = pending
      ? {
          chunk: first!,
          attributes: pending.matter.attributes,
          ...(pending.matter.layout ? { layout: pending.matter.layout } : {}),
          frontMatter: { chunk: pending.chunk, ignored: pending.matter.ignored },
        }
      : { chunk: first!, attributes: {} };
    pending = undefined;
    result.push([folded, ...rest.map((chunk) => ({ chunk, attributes: {} }))]);
  }
  if (pending) result.push([{ chunk: pending.chunk, attributes: {} }]);
  return result;
}
