import { Marked, type Tokens } from 'marked';
import { isDeckError } from '../core/errors.js';
import { escapeHtml } from './escape.js';
import { fencedDivs } from './fenced-divs.js';
import { htmlDivs } from './html-divs.js';
import { mathExtension } from './math.js';
import { pandocInline } from './pandoc-inline.js';
import { pandocSimpleTables } from './pandoc-tables.js';
import { slidevCodeInfo } from './slidev-code.js';

export { escapeHtml };

/** reveal.js's code fence syntax for line highlights: ```js [1-2|3] or ```js [5: 1-2]. */
const LINE_NUMBERS = /\[\s*((\d*):)?\s*([\s\d,|-]*)\]/;

export interface MarkdownOptions {
  /**
   * Render `$…$` and `$$…$$` TeX with KaTeX (the deck's `math` setting); 'lenient' shows a formula KaTeX cannot
   * read as its TeX instead of failing (math in a Pandoc deck that did not set `math`).
   */
  math?: boolean | 'lenient';
  /** Every list steps item by item, as Pandoc's `incremental` (the deck's `incremental` setting). */
  incremental?: boolean;
  /** Headings to this level are slide headings: their Pandoc attributes go to the slide (default 2). */
  slideHeadings?: number;
  /** The deck is written for Pandoc: Markdown is read as Pandoc reads it where reveal.js differs (`> - item`). */
  pandoc?: boolean;
  /** The deck is written for Slidev: code blocks' info strings are read as Slidev's (src/content/slidev-code.ts). */
  slidev?: boolean;
}

/**
 * A Markdown renderer configured like reveal.js's markdown plugin: whitespace between blocks kept (so attribute
 * comments can tell a blank line), code blocks marked up for the highlight plugin; Pandoc's fenced divs, pauses,
 * spans and heading attributes (src/content/fenced-divs.ts, src/content/pandoc-inline.ts); TeX math when asked for.
 */
export function createMarkdown(options: MarkdownOptions = {}): Marked {
  const markdown = new Marked({
    gfm: true,
    renderer: {
      space: ({ raw }: Tokens.Space) => raw,
      code({ text, lang }: Tokens.Code) {
        let language = lang ?? '';
        let lineNumbers = '';
        let startFrom = '';
        const match = LINE_NUMBERS.exec(language);
        if (match) {
          if (match[2]) startFrom = ` data-ln-start-from="${match[2].trim()}"`;
          lineNumbers = ` data-line-numbers="${match[3]!.trim()}"`;
          language = language.replace(LINE_NUMBERS, '').trim();
        } else if (options.slidev) {
          const info = slidevCodeInfo(language);
          language = info.language;
          if (info.lineNumbers !== undefined) lineNumbers = ` data-line-numbers="${info.lineNumbers}"`;
        }
        const cls = language ? ` class="${escapeHtml(language)}"` : '';
        return `<pre><code${lineNumbers}${startFrom}${cls}>${escapeHtml(text)}</code></pre>\n`;
      },
    },
  });
  markdown.use(
    fencedDivs(),
    htmlDivs({ pandoc: options.pandoc ?? false }),
    pandocInline({ incremental: options.incremental, slideHeadings: options.slideHeadings, pandoc: options.pandoc }),
  );
  if (options.pandoc) markdown.use(pandocSimpleTables());
  if (options.math) markdown.use(mathExtension({ lenient: options.math === 'lenient' }));
  return markdown;
}

/**
 * Text with nothing Markdown would read as syntax: no markup characters, no entity, no line that could start a
 * block (list, heading, quote, code, rule, table), no hard break, no autolink. Such text renders to plain
 * paragraphs, as marked renders it (up to white space a browser ignores); speaker notes are mostly like this, and
 * skipping marked for them halves the build of a large deck. A line starting with `:` is left to marked too: GFM
 * reads `a` over `:-` as a one-column table with no pipe at all (tests/content/markdown.test.ts keeps the cases), and
 * opens Pandoc's fenced divs; a Pandoc pause (`. . .`) is marked's too.
 */
const MARKUP = /[\\`*_[\]<>!|~&$#=]|:\/\/|www\.| {2}\r?\n|^[ \t]*([-+:]|\d+[.)])|^( {4}| *\t)|\r|^ {0,3}\. \. \.[ \t]*$/m;

export function isPlainText(text: string): boolean {
  return !MARKUP.test(text);
}

function plainParagraphs(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^[ \t]+|[ \t]+$/gm, '').trim())
    .filter((block) => block !== '')
    .map((block) => `<p>${escapeHtml(block)}</p>\n`)
    .join('');
}

export function renderMarkdown(markdown: Marked, text: string): string {
  if (isPlainText(text)) return plainParagraphs(text);
  return withoutMarkedNote(() => markdown.parse(text, { async: false }) as string);
}

/**
 * `text` rendered as one line of inline Markdown (emphasis, links, code, images, inline math), no block: Marp's
 * header and footer, which marpit renders with `parseInline`, so `2024. Platform Day` is no list and `## Part 2`
 * no heading.
 */
export function renderInlineMarkdown(markdown: Marked, text: string): string {
  return withoutMarkedNote(() => markdown.parseInline(text, { async: false }) as string);
}

/** What `render` returns; an error thrown inside marked is the user's, without marked's note. */
function withoutMarkedNote(render: () => string): string {
  try {
    return render();
  } catch (error) {
    // marked appends "Please report this to …" to any error thrown inside it; ours are the user's, not marked's.
    if (isDeckError(error)) {
      // The same error (a MathError stays one), without marked's note.
      error.message = error.message.replace(/\s*Please report this to https:\/\/github\.com\/markedjs\/marked\.?\s*$/, '');
    }
    throw error;
  }
}
