/** Pandoc's fenced divs in Markdown: what `pandoc -t revealjs` writes for each (checked against Pandoc 2.17). */
import { describe, expect, it } from 'vitest';
import { createMarkdown, renderMarkdown } from '../../src/content/markdown.js';

const render = (text: string) => renderMarkdown(createMarkdown(), text).replace(/>\s+</g, '><').trim();

describe('fenced divs', () => {
  it('`::: notes` and `::: {.notes}` are an <aside class="notes"> holding only what is inside the fences', () => {
    expect(render('Before\n\n::: notes\nSay **this**.\n:::\n\nAfter\n')).toBe(
      '<p>Before</p><aside class="notes"><p>Say <strong>this</strong>.</p></aside><p>After</p>',
    );
    expect(render('::: {.notes}\nBraced.\n:::\n')).toBe('<aside class="notes"><p>Braced.</p></aside>');
  });

  it('nest by fence, and a `:::` line inside fenced code does not close them', () => {
    expect(render(':::: columns\n::: {.column width="40%"}\nLeft\n:::\n::: column\n```\n:::\n```\n:::\n::::\n')).toBe(
      '<div class="columns" style="display:flex;gap:1em;align-items:flex-start;text-align:left">' +
        '<div class="column" style="flex:0 1 40%;min-width:0"><p>Left</p></div>' +
        '<div class="column" style="flex:1 1 0;min-width:0"><pre><code>:::</code></pre></div></div>',
    );
  });

  it('any other div keeps its id, classes and attributes (unknown keys with data-, as Pandoc writes them)', () => {
    expect(render('::: {.callout #box data-x="1" tone=warm}\nText\n:::\n')).toBe(
      '<div id="box" class="callout" data-x="1" data-tone="warm"><p>Text</p></div>',
    );
    expect(render('::: warning\nW\n:::\n')).toBe('<div class="warning"><p>W</p></div>');
    expect(render('::: {.fragment}\nLater\n:::\n')).toBe('<div class="fragment"><p>Later</p></div>');
  });

  it("`::: incremental` makes its lists' own items fragments; `::: nonincremental` leaves them", () => {
    expect(render('::: incremental\n- a\n- b\n  - nested\n:::\n')).toBe(
      '<div><ul><li class="fragment">a</li><li class="fragment">b<ul><li>nested</li></ul></li></ul></div>',
    );
    expect(render('::: nonincremental\n- a\n- b\n:::\n')).toBe('<div><ul><li>a</li><li>b</li></ul></div>');
  });

  it('a div that is never closed, or a fence line with nothing after it, stays text', () => {
    expect(render('::: notes\nNever closed\n')).toBe('<p>::: notes\nNever closed</p>');
    expect(render(':::\nplain\n:::\n')).toBe('<p>:::\nplain\n:::</p>');
  });
});
