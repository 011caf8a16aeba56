/** Pandoc's incremental lists: which lists step item by item, and what the fragment marking leaves as written. */
import { describe, expect, it } from 'vitest';
import { fragmentItems } from '../../src/content/incremental.js';
import { createMarkdown, renderMarkdown } from '../../src/content/markdown.js';

const pandoc = (text: string) =>
  renderMarkdown(createMarkdown({ pandoc: true }), text)
    .replace(/>\s+</g, '><')
    .trim();

describe('incremental lists', () => {
  it("mark each of the list's items a fragment and keep the rest as written: comments, line breaks", () => {
    expect(fragmentItems('<ul>\n<li>a<br>b<!-- .element: style="color:red" --></li>\n</ul>\n')).toBe(
      '<ul>\n<li class="fragment">a<br>b<!-- .element: style="color:red" --></li>\n</ul>\n',
    );
  });

  it('step in a quote that is only a list, blank quoted lines aside; a quote with more than the list, or no list, stays a quote', () => {
    expect(pandoc('> - a\n>\n> after\n')).toBe('<blockquote><ul><li>a</li></ul><p>after</p></blockquote>');
    expect(pandoc('> Quote\n')).toBe('<blockquote><p>Quote</p></blockquote>');
    expect(pandoc('>\n> - a\n')).toBe('<ul><li class="fragment">a</li></ul>');
  });

  it('do not step in a div that is not ::: incremental, in a deck that does not', () => {
    expect(pandoc('::: box\n- a\n:::\n')).toBe('<div class="box"><ul><li>a</li></ul></div>');
  });
});
