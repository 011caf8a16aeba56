import { createRequire } from 'node:module';
import type { MarkedExtension, Tokens } from 'marked';
import { DeckError, ErrorCode } from '../core/errors.js';

/**
 * TeX math in Markdown, rendered to HTML by KaTeX at build time (no script in the page, only KaTeX's CSS and
 * fonts, which the build copies when math is on). The syntax is Pandoc's `tex_math_dollars`, as reveal.js's
 * math plugin and reveal-md use it:
 *
 * - `$$ … $$` is display math, as a block (on lines of its own) or inline;
 * - `$…$` is inline math when the opening `$` has a non-space right after it, the closing `$` a non-space right
 *   before it and no digit right after it: "$5 and $10" stays text;
 * - `\$` is a literal dollar sign; nothing inside code spans or fenced code is touched.
 *
 * Off unless the deck sets `math: true` (dollar signs are common in prose), or is written for Pandoc, which
 * always reads `$…$` as math (then leniently, see renderTex).
 */

type Katex = typeof import('katex').default;

/** KaTeX is loaded only when a deck uses math, so `deck build` of any other deck never pays for it. */
function loadKatex(): Katex {
  const required = createRequire(import.meta.url)('katex') as Katex | { default: Katex };
  return 'renderToString' in required ? required : required.default;
}

const BLOCK = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/;
const INLINE_DISPLAY = /^\$\$(?!\$)([\s\S]+?)\$\$/;
const INLINE = /^\$(?![\s$])((?:\\[\s\S]|[^\\$])*?[^\s\\])\$(?!\d)|^\$([^\s\\$])\$(?!\d)/;

export interface MathToken extends Tokens.Generic {
  type: 'math' | 'mathBlock';
  raw: string;
  tex: string;
  display: boolean;
}

/** A formula KaTeX cannot read; `formula` is the TeX between its delimiters, so the slide can find its line. */
export class MathError extends DeckError {
  readonly formula: string;

  constructor(message: string, formula: string, cause: unknown) {
    super(ErrorCode.BadInput, message, {
      cause,
      hint: 'fix the TeX, write \\$ for a literal dollar sign, or set `math: false` to turn math off',
    });
    this.formula = formula;
  }
}

/**
 * Render one formula; a TeX error is a MathError quoting the formula. Lenient (math a Pandoc deck did not ask
 * for, see src/content/deck.ts): KaTeX shows a formula it cannot read as its TeX, in red with the error as its
 * title, as Pandoc leaves such a formula as text, instead of failing the build.
 */
export function renderTex(katex: Katex, tex: string, display: boolean, lenient = false): string {
  if (lenient) {
    return katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' });
  }
  try {
    return katex.renderToString(tex, { displayMode: display, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore' });
  } catch (error) {
    const delimiter = display ? '$$' : '$';
    const message = ((error as Error).message ?? String(error)).replace(/^KaTeX parse error: /, '');
    throw new MathError(`math: ${message} in ${delimiter}${tex.trim()}${delimiter}`, tex, error);
  }
}

/** Elements whose text is never math, as MathJax and KaTeX's auto-render skip them. */
const SKIPPED = /^<(pre|code|script|style|textarea)\b/i;
const PART = /<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>|[^<]+|</g;

/**
 * TeX in the text of raw HTML (an HTML block, or a line that starts with a comment such as `<!-- .element: -->`):
 * reveal.js's math plugin typesets the page's text wherever it is, so `<!-- .element: … --> $\mathrm{SO_2}$` is
 * math there too. Tags, comments and the insides of pre, code, script and style are left as they are.
 */
function mathInHtml(html: string, render: (tex: string, display: boolean) => string): string {
  let skipping: string | undefined;
  return html.replace(PART, (part) => {
    if (part.startsWith('<')) {
      const opening = SKIPPED.exec(part);
      if (!skipping && opening) skipping = opening[1]!.toLowerCase();
      else if (skipping && new RegExp(`^</${skipping}\\s*>`, 'i').test(part)) skipping = undefined;
      return part;
    }
    if (skipping || !part.includes('$')) return part;
    let out = '';
    for (let rest = part; rest.length > 0; ) {
      const at = rest.indexOf('$');
      if (at === -1) return out + rest;
      out += rest.slice(0, at);
      rest = rest.slice(at);
      const display = INLINE_DISPLAY.exec(rest);
      const inline = display ? undefined : INLINE.exec(rest);
      const found = display ?? inline;
      if (!found || (at > 0 && out.endsWith('\\'))) {
        out += '$';
        rest = rest.slice(1);
        continue;
      }
      const tex = display ? display[1]! : (inline![1] ?? inline![2]!);
      // The text is HTML: its entities are characters in the TeX.
      const plain = tex
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
      out += `<span class="math math-${display ? 'display' : 'inline'}">${render(plain, Boolean(display))}</span>`;
      rest = rest.slice(found[0].length);
    }
    return out;
  });
}

/** The marked extension: a block rule for `$$` lines and an inline rule for `$…$` / `$$…$$`. */
export function mathExtension(options: { lenient?: boolean } = {}): MarkedExtension {
  let katex: Katex | undefined;
  const render = (tex: string, display: boolean) => renderTex((katex ??= loadKatex()), tex, display, options.lenient);
  return {
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag) {
        return token.text.includes('$') ? mathInHtml(token.text, render) : false;
      },
    },
    extensions: [
      {
        name: 'mathBlock',
        level: 'block',
        start: (src: string) => /^ {0,3}\$\$/m.exec(src)?.index,
        tokenizer(src: string): MathToken | undefined {
          const match = BLOCK.exec(src);
          if (!match) return undefined;
          return { type: 'mathBlock', raw: match[0], tex: match[1]!, display: true };
        },
        renderer: (token) => `<div class="math math-display">${render((token as MathToken).tex, true)}</div>\n`,
      },
      {
        name: 'math',
        level: 'inline',
        start: (src: string) => (src.indexOf('$') === -1 ? undefined : src.indexOf('$')),
        tokenizer(src: string): MathToken | undefined {
          const display = INLINE_DISPLAY.exec(src);
          if (display) return { type: 'math', raw: display[0], tex: display[1]!, display: true };
          const inline = INLINE.exec(src);
          if (!inline) return undefined;
          return { type: 'math', raw: inline[0], tex: inline[1] ?? inline[2]!, display: false };
        },
        renderer: (token) => {
          const { tex, display } = token as MathToken;
          return display
            ? `<span class="math math-display">${render(tex, true)}</span>`
            : `<span class="math math-inline">${render(tex, false)}</span>`;
        },
      },
    ],
  };
}
