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

  it("`::: incremental` makes its lists' items fragments, nested lists' too (Pandoc 2.17); `::: nonincremental` leaves them", () => {
    expect(render('::: incremental\n- a\n- b\n  - nested\n:::\n')).toBe(
      '<div><ul><li class="fragment">a</li><li class="fragment">b<ul><li class="fragment">nested</li></ul></li></ul></div>',
    );
    expect(render('::: nonincremental\n- a\n- b\n:::\n')).toBe('<div><ul><li>a</li><li>b</li></ul></div>');
  });

  it('`incremental: true` steps every list (in columns too) but those in `::: nonincremental` and the notes; a quoted list toggles', () => {
    const incremental = (text: string) =>
      renderMarkdown(createMarkdown({ incremental: true, pandoc: true }), text)
        .replace(/>\s+</g, '><')
        .trim();
    // What pandoc -i -t revealjs (2.17) writes for the same Markdown.
    expect(incremental('- a\n  - a1\n- b\n\n1. one\n')).toBe(
      '<ul><li class="fragment">a<ul><li class="fragment">a1</li></ul></li><li class="fragment">b</li></ul>' +
        '<ol><li class="fragment">one</li></ol>',
    );
    expect(incremental(':::: columns\n::: column\n- c1\n:::\n::::\n\n::: notes\n- n\n:::\n')).toBe(
      '<div class="columns" style="display:flex;gap:1em;align-items:flex-start;text-align:left">' +
        '<div class="column" style="flex:1 1 0;min-width:0"><ul><li class="fragment">c1</li></ul></div></div>' +
        '<aside class="notes"><ul><li>n</li></ul></aside>',
    );
    expect(incremental('::: nonincremental\n- x\n\n::: incremental\n- y\n:::\n\n> - z\n:::\n\n> - q\n')).toBe(
      '<div><ul><li>x</li></ul><div><ul><li class="fragment">y</li></ul></div><ul><li class="fragment">z</li></ul></div>' +
        '<ul><li>q</li></ul>',
    );
    expect(incremental('> Quote\n>\n> - a\n')).toBe('<blockquote><p>Quote</p><ul><li class="fragment">a</li></ul></blockquote>');
  });

  it('a div that is never closed, or a fence line with nothing after it, stays text', () => {
    expect(render('::: notes\nNever closed\n')).toBe('<p>::: notes\nNever closed</p>');
    expect(render(':::\nplain\n:::\n')).toBe('<p>:::\nplain\n:::</p>');
  });
  it('opens right after a line of text (up to three spaces before it); colons inside a line are text', () => {
    expect(render('Text\n::: box\nx\n:::\n')).toBe('<p>Text</p><div class="box"><p>x</p></div>');
    expect(render('Text\n  ::: box\nx\n:::\n')).toBe('<p>Text</p><div class="box"><p>x</p></div>');
    expect(render('Open it with ::: notes\nand close it with\n:::\n')).toBe('<p>Open it with ::: notes\nand close it with\n:::</p>');
  });

  it('a closed fence whose braces are no attributes stays text', () => {
    expect(render('::: {Take note}\nx\n:::\n')).toBe('<p>::: {Take note}\nx\n:::</p>');
  });

  it('may end the file with no newline after its closing fence, and keep Windows line breaks', () => {
    expect(render('::: box\nA\n:::')).toBe('<div class="box"><p>A</p></div>');
    expect(render('::: box\r\nA\r\n:::\r\n')).toBe('<div class="box"><p>A</p></div>');
    // A fence never closed is code to the end, as Markdown reads it: the ::: in it closes nothing.
    expect(render('::: box\n```\n:::\n')).toBe('<p>::: box</p><pre><code>:::</code></pre>');
  });
});
