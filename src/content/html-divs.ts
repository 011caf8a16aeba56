/**
 * `<div>` blocks whose content is Markdown, as Pandoc reads them (its `native_divs` and `markdown_in_html_blocks`):
 * in a deck written for Pandoc every such div, and in any deck a `<div class="notes">`, which Pandoc's manual and
 * many decks write for speaker notes. CommonMark ends an HTML block at its first blank line and shows the Markdown in
 * it as text; reveal.js then showed a notes div on the slide, to the room. The div opens with a line of only its tag
 * and closes with a line of only `</div>`; it becomes a fenced div (src/content/fenced-divs.ts), so a notes div is
 * the slide's notes and `columns` / `column` sit side by side. A div written on one line counts too. Any other HTML
 * block stays as CommonMark reads it.
 */
import type { MarkedExtension } from 'marked';
import { parse } from 'node-html-parser';
import { divToken, linesOf, type FencedDivToken } from './fenced-divs.js';
import type { PandocAttributes } from './pandoc-attributes.js';

const OPENING = /^ {0,3}<div(\s[^>]*)?>[ \t]*$/i;
/** A div on one line, `<div class="notes">Say this.</div>`, with no other div in it. */
const ONE_LINE = /^ {0,3}<div(\s[^>]*)?>((?:(?!<\/?div[\s>]).)*)<\/div>[ \t]*(?:\r?\n|$)/i;
const CLOSING = /^ {0,3}<\/div>[ \t]*$/i;
const OPENS = /<div[\s>]/gi;
const CLOSES = /<\/div\s*>/gi;

/** The attributes of a `<div …>` tag, as a fenced div's. */
function tagAttributes(tag: string): PandocAttributes {
  const element = parse(`${tag}</div>`).querySelector('div');
  // node-html-parser keeps names as written; HTML's are case-insensitive (`<div CLASS="notes">`).
  const named = Object.entries(element?.attributes ?? {}).map(([name, value]) => [name.toLowerCase(), value]);
  const { id, class: classNames, ...attributes } = Object.fromEntries(named) as Record<string, string>;
  return { ...(id ? { id } : {}), classes: (classNames ?? '').split(/\s+/).filter(Boolean), attributes };
}

/** Length of the div opening `src` through its line of `</div>`, or undefined when no such line closes it. */
function divLength(src: string): number | undefined {
  let depth = 0;
  for (const line of linesOf(src)) {
    if (line.code) continue;
    depth += (line.text.match(OPENS)?.length ?? 0) - (line.text.match(CLOSES)?.length ?? 0);
    // Back to depth 0, the div ends only on a line of its own `</div>` (never the opening line).
    if (depth <= 0) return CLOSING.test(line.text) ? line.end : undefined;
  }
  return undefined;
}

export function htmlDivs(options: { pandoc: boolean }): MarkedExtension {
  return {
    extensions: [
      {
        name: 'htmlDiv',
        level: 'block',
        start: (src: string) => /^ {0,3}<div[\s>]/im.exec(src)?.index,
        tokenizer(src: string): FencedDivToken | undefined {
          const firstLine = /^.*/.exec(src)![0];
          const oneLine = ONE_LINE.exec(src);
          if (oneLine) {
            const attributes = tagAttributes(`<div${oneLine[1] ?? ''}>`);
            if (!options.pandoc && !attributes.classes.includes('notes')) return undefined;
            return { type: 'fencedDiv', raw: oneLine[0], attributes, tokens: this.lexer.blockTokens(oneLine[2]!.trim(), []) };
          }
          const opening = OPENING.exec(firstLine);
          if (!opening) return undefined;
          const attributes = tagAttributes(`<div${opening[1] ?? ''}>`);
          if (!options.pandoc && !attributes.classes.includes('notes')) return undefined;
          const length = divLength(src);
          if (length === undefined) return undefined;
          return divToken(this.lexer, src.slice(0, length), firstLine.length, attributes);
        },
      },
    ],
  };
}
