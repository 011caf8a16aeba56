import { Marked, type Tokens } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** reveal.js's code fence syntax for line highlights: ```js [1-2|3] or ```js [5: 1-2]. */
const LINE_NUMBERS = /\[\s*((\d*):)?\s*([\s\d,|-]*)\]/;

/**
 * A Markdown renderer configured like reveal.js's markdown plugin: whitespace between blocks kept (so attribute
 * comments can tell a blank line), code blocks marked up for the highlight plugin.
 */
export function createMarkdown(): Marked {
  return new Marked({
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
        }
        const cls = language ? ` class="${escapeHtml(language)}"` : '';
        return `<pre><code${lineNumbers}${startFrom}${cls}>${escapeHtml(text)}</code></pre>\n`;
      },
    },
  });
}

export function renderMarkdown(markdown: Marked, text: string): string {
  return markdown.parse(text, { async: false }) as string;
}
