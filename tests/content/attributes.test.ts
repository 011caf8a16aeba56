import { describe, expect, it } from 'vitest';
import { applyAttributes } from '../../src/content/attributes.js';
import { createMarkdown, renderMarkdown } from '../../src/content/markdown.js';

const render = (md: string) => applyAttributes(renderMarkdown(createMarkdown(), md));

describe('attribute comments', () => {
  it('puts a .slide comment on the slide section', () => {
    const out = render('<!-- .slide: data-background="#102030" class="dark" -->\n# Title');
    expect(out.slide).toEqual({ 'data-background': '#102030', class: 'dark' });
    expect(out.html).not.toContain('.slide');
  });

  it('puts an .element comment at the end of a list item on that item, and counts fragments', () => {
    const out = render('- one <!-- .element: class="fragment" -->\n- two <!-- .element: class="fragment" -->\n- three');
    expect(out.html).toMatch(/<li class="fragment">one\s*<\/li>/);
    expect(out.html).toMatch(/<li>three<\/li>/);
    expect(out.fragments).toBe(2);
  });

  it('puts an .element comment after inline markup on that element', () => {
    const out = render('Some **bold** <!-- .element: class="hl" --> text');
    expect(out.html).toContain('<strong class="hl">bold</strong>');
  });

  it('puts an .element comment on the paragraph it ends', () => {
    expect(render('A paragraph <!-- .element: style="color:red" -->').html).toContain('<p style="color:red">');
  });

  it('counts the line-highlight steps after the first of a code block with a first index, sharing indices with other fragments', () => {
    // As src/content/slidev-clicks.ts writes Slidev's ```ts {1|2-3|all}: reveal.js makes steps 2 and 3 fragments 1 and 2.
    const out = applyAttributes(
      '<pre><code data-line-numbers="1|2-3|" class="ts" data-fragment-index="1">x</code></pre><p class="fragment" data-fragment-index="2">y</p><p class="fragment" data-fragment-index="3">z</p>',
    );
    expect(out.fragments).toBe(3);
  });

  it('counts fragments sharing a data-fragment-index once', () => {
    const out = render(
      '- a <!-- .element: class="fragment" data-fragment-index="1" -->\n- b <!-- .element: class="fragment" data-fragment-index="1" -->\n- c <!-- .element: class="fragment" -->',
    );
    expect(out.fragments).toBe(2);
  });

  it('leaves HTML with no comments alone', () => {
    expect(render('# Plain').html).toBe('<h1>Plain</h1>\n');
  });
});

describe('attribute comments as reveal.js’s markdown plugin reads them', () => {
  it('a comment after a list, on the next line, goes on its last item; after a blank line, on the list', () => {
    expect(render('- a\n- b\n<!-- .element: class="fragment" -->').html).toBe('<ul>\n<li>a</li>\n<li class="fragment">b</li>\n</ul>\n');
    expect(render('- a\n- b\n\n<!-- .element: class="fragment" -->').html).toBe(
      '<ul class="fragment">\n<li>a</li>\n<li>b</li>\n</ul>\n\n\n',
    );
    expect(render('- a\n\n- b\n<!-- .element: class="fragment" -->').html).toContain('<li class="fragment"><p>b</p>');
  });

  it('a blank line holding spaces is blank; blank lines inside the list do not count', () => {
    expect(applyAttributes('<ul><li>a</li><li>b</li></ul>\n \t \n<!-- .element: class="fragment" -->').html).toBe(
      '<ul class="fragment"><li>a</li><li>b</li></ul>\n \t \n',
    );
    expect(applyAttributes('<ul>\n<li>a</li>\n\n<li>b</li>\n</ul><!-- .element: class="fragment" -->').html).toBe(
      '<ul>\n<li>a</li>\n\n<li class="fragment">b</li>\n</ul>',
    );
  });

  it('goes on the nearest element before the comment, the first one included, never one after it', () => {
    expect(render('*x* <!-- .element: class="hl" -->').html).toBe('<p><em class="hl">x</em> </p>\n');
    expect(render('<em>x</em> <!-- .element: class="hl" --><strong>y</strong>').html).toBe(
      '<p><em class="hl">x</em> <strong>y</strong></p>\n',
    );
  });

  it('skips a <br> to reach the paragraph', () => {
    expect(render('text <br> <!-- .element: class="y" -->').html).toBe('<p class="y">text <br> </p>\n');
  });

  it('reads a bare data- attribute as an empty value', () => {
    expect(render('<!-- .slide: data-background="red" data-auto-animate -->\n# T').slide).toEqual({
      'data-background': 'red',
      'data-auto-animate': '',
    });
  });

  it('an .element comment that found its element is not also read for .slide', () => {
    const out = render('x <!-- .element: class="a"\n.slide: data-b="2" -->');
    expect(out.slide).toEqual({});
    expect(out.html).toMatch(/^<p class="a">x /);
  });

  it('reads only comments: text that looks like one in code is left alone', () => {
    const out = render('Write `.slide: data-state here` or `.element: data-x here` in a comment');
    expect(out.slide).toEqual({});
    expect(out.html).toBe('<p>Write <code>.slide: data-state here</code> or <code>.element: data-x here</code> in a comment</p>\n');
  });

  it('keeps void tags as HTML writes them, and removes empty comments', () => {
    expect(render('![i](x.png)\n<!-- .element: data-id="pic" -->').html).toBe('<p data-id="pic"><img src="x.png" alt="i"></p>\n');
    expect(render('# T\n<!--  -->').html).toBe('<h1>T</h1>\n');
  });

  it('leaves HTML without comments or fragments exactly as written, unbalanced tags included', () => {
    expect(applyAttributes('<div><p>a</div>')).toEqual({ html: '<div><p>a</div>', slide: {}, fragments: 0 });
  });

  it('counts a fragment among other classes, and ignores classes that only start with "fragment"', () => {
    expect(applyAttributes('<p class="fragment  highlight">a</p><span class="fragmentish">x</span>').fragments).toBe(1);
  });
});
