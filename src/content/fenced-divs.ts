import type { Lexer, MarkedExtension, Token, Tokens } from 'marked';
import { closesDiv, divOpening, opensDiv } from './div-fences.js';
import { attributeHtml, type PandocAttributes } from './pandoc-attributes.js';
import { wrapPauses } from './pauses.js';
import { scanFences } from './split.js';

/**
 * Pandoc's fenced divs (`::: name` or `::: {#id .class key=value}` … `:::`, nested with longer or equal fences),
 * written as `pandoc -t revealjs` writes them: `notes` is the slide's `<aside class="notes">` (content takes it
 * off the slide into the speaker notes), `incremental` / `nonincremental` decide whether its lists step
 * (src/content/incremental.ts), `columns` / `column` sit side by side, and any other div is a `<div>` with its id,
 * classes and attributes (`.fragment` included). A fence that is never closed is not a div: its lines stay text,
 * as in Pandoc.
 */
export interface FencedDivToken extends Tokens.Generic {
  type: 'fencedDiv';
  raw: string;
  attributes: PandocAttributes;
  tokens: Token[];
}

interface Line {
  text: string;
  /** Offsets of the line's start and of the next line's start. */
  index: number;
  end: number;
  /** Fenced code, the fences' own lines included: a `:::` there is code, not a div. */
  code: boolean;
}

/**
 * The lines of `text`, each with its offsets and whether it is fenced code (src/content/split.ts's scanFences; a
 * fence never closed is code to the end, as Markdown reads it).
 */
export function* linesOf(text: string): Generator<Line> {
  const { ranges, unclosed } = scanFences(text);
  const codeFrom = Math.min(Infinity, ...unclosed);
  const line = /^.*(?:\r?\n|$)/gm;
  let match: RegExpExecArray | null;
  while ((match = line.exec(text)) !== null && match[0] !== '') {
    const index = match.index;
    const code = index >= codeFrom || ranges.some(([start, end]) => index >= start && index < end);
    yield { text: match[0].replace(/\r?\n$/, ''), index, end: index + match[0].length, code };
  }
}

/** Length of the div at the start of `src` through its closing line, or undefined when it is never closed. */
function divLength(src: string): number | undefined {
  let depth = 0;
  for (const line of linesOf(src)) {
    if (!line.code) {
      if (opensDiv(line.text)) depth++;
      else if (closesDiv(line.text) && depth > 0 && --depth === 0) return line.end;
    }
    if (depth === 0) return undefined;
  }
  return undefined;
}

/**
 * Offsets of the opening lines of divs that are never closed in `text` (outside fenced code): Pandoc and this
 * show their lines as text, which is rarely what the author meant, so content warns with the line.
 */
export function unclosedDivs(text: string): number[] {
  const open: number[] = [];
  for (const line of linesOf(text)) {
    if (line.code) continue;
    if (opensDiv(line.text)) open.push(line.index);
    else if (closesDiv(line.text)) open.pop();
  }
  return open;
}

/** Whether `text` has a Pandoc fenced div that closes (outside fenced code): a sign the deck is written for Pandoc. */
export function hasFencedDiv(text: string): boolean {
  if (!text.includes(':::')) return false;
  for (const line of linesOf(text)) if (!line.code && divOpening(line.text) && divLength(text.slice(line.index)) !== undefined) return true;
  return false;
}

/** The div token of `raw`, a div from its opening line (`openingLength` long) through its closing line. */
export function divToken(lexer: Lexer, raw: string, openingLength: number, attributes: PandocAttributes): FencedDivToken {
  // The lines between the opening and the closing line.
  const inner = raw
    .slice(openingLength)
    .replace(/^\r?\n/, '')
    .replace(/[^\n]*(?:\r?\n)?$/, '');
  return { type: 'fencedDiv', raw, attributes, tokens: wrapPauses(lexer.blockTokens(inner, []), fragmentDiv) };
}

export const fragmentDiv = (tokens: Token[]): FencedDivToken => ({
  type: 'fencedDiv',
  raw: '',
  attributes: { classes: ['fragment'], attributes: {} },
  tokens,
});

/** Flex so the columns sit side by side in the slide and in the PDF alike; a `width` is the column's basis. */
const COLUMNS_STYLE = 'display:flex;gap:1em;align-items:flex-start;text-align:left';
const columnStyle = (width: string | undefined) => (width ? `flex:0 1 ${width};min-width:0` : 'flex:1 1 0;min-width:0');

export function fencedDivs(): MarkedExtension {
  return {
    extensions: [
      {
        name: 'fencedDiv',
        level: 'block',
        start: (src: string) => /^ {0,3}:{3,}/m.exec(src)?.index,
        tokenizer(src: string): FencedDivToken | undefined {
          const firstLine = /^.*/.exec(src)![0];
          // marked tries this at every block: only a div's opening line is worth reading the rest of `src` for.
          const attributes = divOpening(firstLine);
          if (!attributes) return undefined;
          const length = divLength(src);
          if (length === undefined) return undefined;
          return divToken(this.lexer, src.slice(0, length), firstLine.length, attributes);
        },
        renderer(token) {
          const { attributes, tokens } = token as FencedDivToken;
          const classes = attributes.classes;
          // Lists are already marked to step or not (src/content/incremental.ts); the list renderer does it.
          const inner = this.parser.parse(tokens);
          if (classes.includes('notes')) return `<aside class="notes">\n${inner}</aside>\n`;
          const own = { ...attributes, classes: classes.filter((name) => name !== 'incremental' && name !== 'nonincremental') };
          let extra: Record<string, string> = {};
          if (classes.includes('columns')) extra = { style: COLUMNS_STYLE };
          else if (classes.includes('column')) {
            const { width, ...rest } = own.attributes;
            own.attributes = rest;
            extra = { style: columnStyle(width) };
          }
          return `<div${attributeHtml(own, extra)}>\n${inner}</div>\n`;
        },
      },
    ],
  };
}
