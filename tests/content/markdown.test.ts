import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarkdown, isPlainText, renderMarkdown } from '../../src/content/markdown.js';
import { assertProperty } from '../helpers/property.js';

/** marked itself, bypassing the plain-text fast path. */
const viaMarked = (text: string) => createMarkdown().parse(text, { async: false }) as string;
/** HTML with the white space a browser ignores (between blocks, at the ends of a paragraph, runs) folded away. */
const rendered = (html: string) =>
  html
    .replace(/>\s+</g, '><')
    .replace(/<p>\s+/g, '<p>')
    .replace(/\s+<\/p>/g, '</p>')
    .replace(/\s+/g, ' ')
    .trim();

describe('plain text fast path', () => {
  const samples = [
    '這是中文備註，說明重點並提醒時間。',
    'First paragraph.\n\nSecond one, with "quotes" and it\'s fine.',
    'GPT-1 has 1.17 億 parameters (2018); GPT-2: 15 億.',
    '  indented a little\nand wrapped\n\n\n\nafter blank lines  ',
  ];

  it('renders plain text as marked does, up to white space a browser ignores', () => {
    for (const text of samples) {
      expect(isPlainText(text), text).toBe(true);
      expect(rendered(renderMarkdown(createMarkdown(), text))).toBe(rendered(viaMarked(text)));
    }
  });

  it('leaves anything with Markdown syntax to marked', () => {
    for (const text of [
      '- item',
      '1. one',
      '# h',
      '> q',
      'a *b*',
      'a `c`',
      'x  \ny',
      '    code',
      'see https://x.y',
      'a &amp; b',
      'a\n---',
      'a | b',
    ]) {
      expect(isPlainText(text), text).toBe(false);
    }
  });

  // Counterexamples fast-check found (each made the fast path print a table as text): GFM reads a line of
  // `:-` under any text as a one-column table's delimiter row, with no pipe at all.
  it.each(['a\n:-', 'Name\n:--', '中文\n:-', 'a\n :-', 'a\n   :-:', 'x\n\nName\n:--'])('leaves %j to marked (a pipeless table)', (text) => {
    expect(viaMarked(text)).toContain('<table>');
    expect(isPlainText(text)).toBe(false);
    expect(renderMarkdown(createMarkdown(), text)).toContain('<table>');
  });

  /** Same text through the fast path and through marked, compared up to white space a browser ignores. */
  const agreesWithMarked = (text: string) => {
    if (!isPlainText(text)) return true;
    return rendered(renderMarkdown(createMarkdown(), text)) === rendered(viaMarked(text));
  };

  it('agrees with marked on any text the fast path accepts', () => {
    const alphabet = fc.constantFrom(...'ab 中文，。「」1.()-+:;,?"\'\n\t'.split(''));
    assertProperty(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join('')),
        agreesWithMarked,
      ),
      { numRuns: 2000, name: 'characters' },
    );
  });

  it('agrees with marked on lines that start like a block (lists, tables, rules, setext underlines)', () => {
    const start = fc.constantFrom(
      '',
      ' ',
      '   ',
      '    ',
      '\t',
      ':',
      ':-',
      ':--',
      '-',
      '--',
      '1.',
      '1)',
      '+',
      '=',
      '==',
      '(',
      '「',
      'a:',
      '中文',
    );
    const rest = fc.constantFrom('', ' ', '-', ':', ' x', '中文', 'word words', '.', '1.', '-:');
    const lineText = fc.tuple(start, rest).map(([a, b]) => a + b);
    assertProperty(
      fc.property(
        fc.array(lineText, { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n')),
        agreesWithMarked,
      ),
      { numRuns: 2000, name: 'block starts' },
    );
  });
});

describe('code blocks, marked up for the highlight plugin of reveal.js', () => {
  const code = (text: string) => renderMarkdown(createMarkdown(), text);

  it('gives a fence its language as the class and escapes the code', () => {
    expect(code('```html\n<a href="x">&</a>\n```')).toBe(
      '<pre><code class="html">&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;</code></pre>\n',
    );
  });

  it('writes no class and no line numbers for a fence without a language, or indented code', () => {
    expect(code('```\n<a>\n```')).toBe('<pre><code>&lt;a&gt;</code></pre>\n');
    expect(code('    code <b>')).toBe('<pre><code>code &lt;b&gt;</code></pre>\n');
  });

  it('reads line highlights: ```js [1-2|3]', () => {
    expect(code('```js [1-2|3]\nx\n```')).toBe('<pre><code data-line-numbers="1-2|3" class="js">x</code></pre>\n');
  });

  it('reads the first line number and trims the spaces around: ```js [ 5: 1-2 ]', () => {
    expect(code('```js [ 5: 1-2 ]\nx\n```')).toBe('<pre><code data-line-numbers="1-2" data-ln-start-from="5" class="js">x</code></pre>\n');
  });

  it('line numbers with no language, and an empty [] turning them on for every line', () => {
    expect(code('```[2]\nx\n```')).toBe('<pre><code data-line-numbers="2">x</code></pre>\n');
    expect(code('```py []\nx\n```')).toBe('<pre><code data-line-numbers="" class="py">x</code></pre>\n');
  });
});
