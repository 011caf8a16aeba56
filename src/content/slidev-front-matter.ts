/**
 * Slidev's front matter on a slide: a YAML block between two separators (`---` / `layout: center` / `---`) is not a
 * slide of its own but settings of the slide after it, as Slidev reads it. The settings reveal.js has give the
 * slide's attributes (`class`, `background`, `transition`, `hide`); the rest (Slidev's layouts, clicks, …) are
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

export interface SlideFrontMatter {
  /** Attributes for the slide's <section>. */
  readonly attributes: Record<string, string>;
  /** `key: value` of the settings this tool does not have, for the warning. */
  readonly ignored: string[];
}

const COLOUR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\(.*\)|[a-z]+)$/i;

/**
 * The chunk read as Slidev's front matter of the next slide, or undefined when it is a slide. In a deck written
 * for Slidev (`slidev`) any such YAML block is one, whatever its keys (props for the theme's layouts: `links:`,
 * `logo:`); elsewhere it needs a key Slidev defines.
 */
export function slideFrontMatter(text: string, slidev = false): SlideFrontMatter | undefined {
  const body = text.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
  // The block follows its `---` at once and every line is YAML: a key, an indented or list line, or a comment.
  if (body.trim() === '' || /^\s*$/m.test(body) || !/^[A-Za-z][\w-]*:/.test(body)) return undefined;
  if (!body.split(/\r?\n/).every((line) => /^([A-Za-z][\w-]*:|\s+\S|-\s|#)/.test(line))) return undefined;
  const doc = parseDocument(body);
  const values = doc.errors.length === 0 ? (doc.toJS() as unknown) : undefined;
  if (!values || typeof values !== 'object' || Array.isArray(values)) return undefined;
  const entries = Object.entries(values as Record<string, unknown>);
  if (entries.length === 0 || (!slidev && !entries.some(([key]) => SLIDEV_SLIDE_KEYS.has(key)))) return undefined;
  const attributes: Record<string, string> = {};
  const ignored: string[] = [];
  for (const [key, value] of entries) {
    const shown = `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`;
    if (key === 'class' && typeof value === 'string') attributes.class = value;
    else if (key === 'background' && typeof value === 'string') {
      attributes[COLOUR.test(value) && !value.includes('/') && !value.includes('.') ? 'data-background-color' : 'data-background-image'] =
        value;
    } else if (key === 'transition' && typeof value === 'string' && TRANSITIONS[value]) attributes['data-transition'] = TRANSITIONS[value];
    else if (key === 'hide' || key === 'disabled') {
      if (value === true) attributes['data-visibility'] = 'hidden';
    } else if (key !== 'title') ignored.push(shown);
  }
  return { attributes, ignored };
}

/** A chunk of the split, with the attributes of the Slidev front matter that came before it. */
export interface ChunkWithFrontMatter {
  readonly chunk: Chunk;
  readonly attributes: Record<string, string>;
  /** The front matter's chunk, for the warning's line, and what of it was ignored. */
  readonly frontMatter?: { readonly chunk: Chunk; readonly ignored: string[] };
}

/**
 * Fold each Slidev front matter chunk into the slide after it. Such a block is always a horizontal slide's (it
 * follows a `---`); one with no slide after it in its stack is left as it is.
 */
export function foldSlideFrontMatter(stacks: readonly (readonly Chunk[])[], slidev = false): ChunkWithFrontMatter[][] {
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
      ? { chunk: first!, attributes: pending.matter.attributes, frontMatter: { chunk: pending.chunk, ignored: pending.matter.ignored } }
      : { chunk: first!, attributes: {} };
    pending = undefined;
    result.push([folded, ...rest.map((chunk) => ({ chunk, attributes: {} }))]);
  }
  if (pending) result.push([{ chunk: pending.chunk, attributes: {} }]);
  return result;
}
