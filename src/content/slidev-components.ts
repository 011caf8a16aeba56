/**
 * Slidev's Vue components written in a slide (sli.dev/builtin/components), in HTML a browser can show. Vue reads
 * `<Tweet id="…" />` as a whole element; a browser reads a self-closing tag that is not a void element as an
 * opening tag, and the rest of the slide disappears into it. So every such tag is resolved here: `<Youtube>` and
 * `<Tweet>` become links to the video and the post (the PDF export loads nothing from outside the deck, where an
 * embed would be an empty box), `<SlideCurrentNo>`, `<SlidesTotal>` and `<Toc>` placeholders the deck fills in
 * (src/content/slidev-deck.ts), an HTML element (`<div h-3 />`) is closed, and the rest (icons such as
 * `<carbon-logo-github />`, `<Arrow>` drawn at Slidev's coordinates, the deck's own components) are left out, each
 * named for a warning. A component written with content (`<Counter>…</Counter>`) keeps its content.
 */
import { escapeHtml } from './escape.js';
import { fencedRanges } from './split.js';

export interface DroppedComponent {
  /** `<Arrow>`, as the warning names it. */
  readonly name: string;
  /** The tag as written, to find its line in the slide's Markdown. */
  readonly text: string;
  readonly reason: string;
}

export interface ResolvedComponents {
  readonly html: string;
  readonly dropped: readonly DroppedComponent[];
}

/** Elements a browser reads as HTML (and SVG's, which may close themselves): never a Vue component. */
const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b bdi bdo blockquote body br button canvas caption cite code col colgroup data ' +
    'datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header ' +
    'hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol ' +
    'optgroup option output p param picture pre progress q rp rt ruby s samp script search section select slot small source ' +
    'span strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track u ul var video wbr ' +
    'svg math center font big tt strike'
  ).split(' '),
);

/** Elements that have no content: `<br />`, `<img … />` are already whole. */
const VOID_ELEMENTS = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));

/** Parts of the HTML left as they are: comments, and what is inside code, SVG, MathML, scripts and styles. */
const UNTOUCHED = /<!--[\s\S]*?-->|<(pre|code|svg|math|script|style)\b[\s\S]*?<\/\1\s*>/gi;

const ATTRIBUTES = String.raw`(?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?)*`;
/** A tag: `<Name attrs />`, `<Name attrs>` or `</Name>`. Names with `:` or `.` are icons (`<carbon:arrow-right />`). */
const TAG = new RegExp(String.raw`<(/?)([A-Za-z][\w:.-]*)(${ATTRIBUTES})\s*(/?)>`, 'g');

/** An attribute's value from a tag's attribute text, or undefined. */
function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(String.raw`(?:^|\s)${name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`).exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** A link shown as a card, standing in for an embed. */
export const linkCard = (href: string, label: string, shown: string) =>
  `<a class="slidev-link-card" href="${escapeHtml(href)}"><span class="slidev-link-card-label">${label}</span> ${escapeHtml(shown)}</a>`;

type Rendered = { readonly html: string } | { readonly reason: string };

/** What one of Slidev's built-in components becomes, by its name in lower case; undefined for any other. */
function builtIn(name: string, attributes: string): Rendered | undefined {
  const id = attribute(attributes, 'id')?.trim();
  switch (name) {
    case 'youtube':
      return id
        ? { html: linkCard(`https://www.youtube.com/watch?v=${id}`, 'YouTube', `youtu.be/${id}`) }
        : { reason: 'it names no video id' };
    case 'tweet':
      return id
        ? { html: linkCard(`https://twitter.com/i/status/${id}`, 'Tweet', `twitter.com/i/status/${id}`) }
        : { reason: 'it names no id' };
    case 'slidecurrentno':
      return { html: '<span class="slidev-current-no"></span>' };
    case 'slidestotal':
      return { html: '<span class="slidev-slides-total"></span>' };
    case 'toc':
      return { html: '<nav class="slidev-toc"></nav>' };
    case 'arrow':
      return { reason: "it is drawn at fixed points of Slidev's page, which are not this slide's" };
    default:
      return undefined;
  }
}

/** Why a tag is a component this tool does not draw: an icon, or any other Vue component. */
function droppedReason(name: string): string {
  if (/^v-/i.test(name)) return 'a Slidev directive this tool does not have';
  return /[:-]/.test(name) ? 'icons are not drawn here' : 'a Vue component this tool cannot render';
}

/** Resolve Slidev's components in a slide's HTML (see the file's comment). */
export function slidevComponents(html: string): ResolvedComponents {
  const dropped: DroppedComponent[] = [];
  const resolve = (part: string) =>
    part.replace(TAG, (tag, closing: string, name: string, attributes: string, selfClosing: string) => {
      const lower = name.toLowerCase();
      if (HTML_ELEMENTS.has(lower)) {
        // An HTML element that closes itself (`<div h-3 />`) is closed, as Vue reads it; a void one is whole already.
        return selfClosing && !VOID_ELEMENTS.has(lower) ? `<${name}${attributes}></${name}>` : tag;
      }
      // Slidev's directives as elements (<v-click>, <v-drag>) show their content; only one closing itself is lost.
      if (closing || (lower.startsWith('v-') && !selfClosing)) return closing && !lower.startsWith('v-') ? '' : tag;
      const known = builtIn(lower, attributes);
      if (known && 'html' in known) return known.html;
      dropped.push({ name: `<${name}>`, text: tag, reason: known?.reason ?? droppedReason(name) });
      return '';
    });
  let result = '';
  let from = 0;
  for (const match of html.matchAll(UNTOUCHED)) {
    result += resolve(html.slice(from, match.index)) + match[0];
    from = match.index + match[0].length;
  }
  result += resolve(html.slice(from));
  return { html: result, dropped };
}

/** An icon written with a colon, `<carbon:arrow-right />`: not a tag to Markdown, which shows it as text. */
const COLON_ICON = new RegExp(String.raw`<([a-z][\w-]*:[\w:.-]+)(${ATTRIBUTES})\s*/?>`, 'g');

/**
 * The slide's Markdown without icons written with a colon (outside code), each named for a warning. Markdown
 * reads `<carbon-logo-github />` as HTML, left to `slidevComponents`, but `<carbon:logo-github />` as text.
 */
export function dropColonIcons(markdown: string): { readonly markdown: string; readonly dropped: readonly DroppedComponent[] } {
  const code = fencedRanges(markdown);
  const dropped: DroppedComponent[] = [];
  const result = markdown.replace(COLON_ICON, (tag: string, name: string, _attributes: string, offset: number) => {
    const lineStart = markdown.lastIndexOf('\n', offset) + 1;
    const inCode =
      code.some(([start, end]) => offset >= start && offset < end) || (markdown.slice(lineStart, offset).split('`').length - 1) % 2 === 1;
    if (inCode) return tag;
    dropped.push({ name: `<${name}>`, text: tag, reason: droppedReason(name) });
    return '';
  });
  return { markdown: result, dropped };
}
