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
