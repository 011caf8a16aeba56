import type { MarkedExtension, Token, Tokens } from 'marked';
import { escapeHtml } from './escape.js';
import { fragmentItems, markIncremental, quotedList, type MarkedList } from './incremental.js';
import { attributeHtml, parsePandocAttributes, type PandocAttributes } from './pandoc-attributes.js';
import { fragmentDiv } from './fenced-divs.js';
import { wrapPauses } from './pauses.js';

/**
 * Pandoc's attributes on text, headings and quotes, as `pandoc -t revealjs` writes them: `[text]{.fragment}` is a
 * `<span>` with those attributes; `![](a.png){height=3.5em}` and `[text](url){.class}` give them to the image or
 * link; `# Title {#id .smaller background-image="a.png"}` on a slide heading (level 1 or
 * 2) moves them to the slide's `<section>` (through a `<!-- .pandoc-slide: -->` comment, which content applies);
 * lists step item by item as Pandoc's incremental lists do (src/content/incremental.ts); pauses (`. . .`) at the
 * top of a slide.
 */
export interface PandocInlineOptions {
  /** The deck's `incremental` setting (Pandoc's `-i`): every list steps, except where a div or quote says not. */
  incremental?: boolean;
  /** Headings to this level start slides: their attributes go to the slide's <section>. Default 2 (# and ##). */
  slideHeadings?: number;
  /**
   * The deck is written for Pandoc (src/content/pandoc-style.ts): a blockquote that is only a list is Pandoc's
   * toggle of its steps, written as the list alone. In any other deck it stays a blockquote, as in reveal.js.
   */
  pandoc?: boolean;
}

interface SpanToken extends Tokens.Generic {
  type: 'pandocSpan';
  attributes: PandocAttributes;
  tokens: Token[];
}

interface LinkAttributesToken extends Tokens.Generic {
  type: 'pandocLink';
  image: boolean;
  href: string;
  title?: string;
  /** The image's alt text, as written. */
  text: string;
  attributes: PandocAttributes;
  tokens: Token[];
}

const unescaped = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/**
 * Pandoc's HTML writer on an image's `width` and `height`: in pixels (or with no unit) they stay attributes, as a
 * number; any other unit (`3.5em`, `50%`) goes to the style, which `height="3.5em"` would be read as 3.5 px.
 */
function withDimensions(parsed: PandocAttributes): PandocAttributes {
  const attributes = { ...parsed.attributes };
  const styles: string[] = [];
  for (const key of ['width', 'height']) {
    const value = attributes[key];
    if (value === undefined) continue;
    const pixels = /^(\d+(?:\.\d+)?)(?:px)?$/.exec(value.trim());
    if (pixels) attributes[key] = pixels[1]!;
    else {
      delete attributes[key];
      styles.push(`${key}:${value.trim()}`);
    }
  }
  if (styles.length > 0) attributes.style = [attributes.style?.replace(/;\s*$/, ''), ...styles].filter(Boolean).join(';');
  return { ...parsed, attributes };
}

interface AttributesToken extends Tokens.Generic {
  type: 'pandocAttributes';
  attributes: PandocAttributes;
}

const SPAN = /^\[((?:\\.|[^\\[\]])*)\]\{([^}\n]*)\}/;
/**
 * An image or link with Pandoc's attributes (its link_attributes extension): `![alt](a.png "title"){.portrait
 * height=30px}`, `[text](url){.button}`. The destination may be in `<…>` or hold balanced parentheses.
 */
const LINK_WITH_ATTRIBUTES =
  /^(!?)\[((?:\\.|[^\\[\]])*)\]\(\s*(<[^>\n]*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))+)(?:\s+("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\((?:\\.|[^)\\])*\)))?\s*\)\{([^}\n]*)\}/;
/** An attribute list that ends the text: only a heading's is read, elsewhere it stays as written. */
const TRAILING = /^[ \t]*\{([^}\n]*)\}[ \t]*$/;

/** The heading's attributes for its slide, escaped: content decodes them (src/content/attributes.ts). */
const slideComment = (attributes: PandocAttributes) => `<!-- .pandoc-slide:${attributeHtml(attributes)} -->`;

export function pandocInline(options: PandocInlineOptions = {}): MarkedExtension {
  return {
    extensions: [
      {
        name: 'pandocSpan',
        level: 'inline',
        start: (src: string) => (src.includes('[') ? src.indexOf('[') : undefined),
        tokenizer(src: string): SpanToken | undefined {
          const match = SPAN.exec(src);
          const attributes = match ? parsePandocAttributes(match[2]!) : undefined;
          if (!match || !attributes) return undefined;
          return { type: 'pandocSpan', raw: match[0], attributes, tokens: this.lexer.inlineTokens(match[1]!) };
        },
        renderer(token) {
          const span = token as SpanToken;
          return `<span${attributeHtml(span.attributes)}>${this.parser.parseInline(span.tokens)}</span>`;
        },
      },
      {
        name: 'pandocLink',
        level: 'inline',
        start: (src: string) => {
          const at = src.indexOf('[');
          return at === -1 ? undefined : at > 0 && src[at - 1] === '!' ? at - 1 : at;
        },
        tokenizer(src: string): LinkAttributesToken | undefined {
          const match = LINK_WITH_ATTRIBUTES.exec(src);
          const attributes = match ? parsePandocAttributes(match[5]!) : undefined;
          if (!match || !attributes) return undefined;
          const destination = match[3]!.startsWith('<') ? match[3]!.slice(1, -1) : match[3]!;
          const image = match[1] === '!';
          return {
            type: 'pandocLink',
            raw: match[0],
            image,
            href: unescaped(destination),
            title: match[4] === undefined ? undefined : unescaped(match[4].slice(1, -1)),
            text: match[2]!,
            attributes: image ? withDimensions(attributes) : attributes,
            tokens: image ? [] : this.lexer.inlineTokens(match[2]!),
          };
        },
        renderer(token) {
          const link = token as LinkAttributesToken;
          const title: Record<string, string> = link.title === undefined ? {} : { title: link.title };
          if (link.image) {
            const alt = escapeHtml(unescaped(link.text));
            return `<img src="${escapeHtml(link.href)}" alt="${alt}"${attributeHtml(link.attributes, title)}>`;
          }
          return `<a href="${escapeHtml(link.href)}"${attributeHtml(link.attributes, title)}>${this.parser.parseInline(link.tokens)}</a>`;
        },
      },
      {
        name: 'pandocAttributes',
        level: 'inline',
        start: (src: string) => /[ \t]*\{[^}\n]*\}[ \t]*$/.exec(src)?.index,
        tokenizer(src: string): AttributesToken | undefined {
          const match = TRAILING.exec(src);
          const attributes = match ? parsePandocAttributes(match[1]!) : undefined;
          return match && attributes ? { type: 'pandocAttributes', raw: match[0], attributes } : undefined;
        },
        renderer: (token) => escapeHtml(token.raw),
      },
    ],
    renderer: {
      heading({ tokens, depth }: Tokens.Heading) {
        const last = tokens[tokens.length - 1];
        if (last?.type !== 'pandocAttributes') return false;
        const { attributes } = last as AttributesToken;
        const text = this.parser.parseInline(tokens.slice(0, -1)).trimEnd();
        if (depth > (options.slideHeadings ?? 2)) return `<h${depth}${attributeHtml(attributes)}>${text}</h${depth}>\n`;
        return `<h${depth}>${text}</h${depth}>\n${slideComment(attributes)}\n`;
      },
      // Pandoc reads a backslash at the end of a line as a line break (escaped_line_breaks), so a paragraph of only
      // `\` is an empty line, which authors use as a spacer; marked would show the backslash.
      paragraph(paragraph: Tokens.Paragraph) {
        return options.pandoc && paragraph.text.trim() === '\\' ? '<p><br></p>\n' : false;
      },
      // In a Pandoc deck a blockquote that is only a list is written as the list alone; markIncremental decided its steps.
      blockquote(quote: Tokens.Blockquote) {
        const list = options.pandoc ? quotedList(quote) : undefined;
        return list ? this.parser.parse([list]) : false;
      },
      list(list: MarkedList) {
        if (!list.incremental) return false;
        return fragmentItems(this.parser.parse([{ ...list, incremental: false } as MarkedList]));
      },
    },
    hooks: {
      processAllTokens(tokens) {
        const wrapped = wrapPauses(tokens, fragmentDiv);
        markIncremental(wrapped, options.incremental ?? false, options.pandoc ?? false);
        return wrapped;
      },
    },
  };
}
