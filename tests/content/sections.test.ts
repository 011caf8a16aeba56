import { describe, expect, it } from 'vitest';
import { rawSections } from '../../src/content/sections.js';

describe('raw <section> elements in a slide', () => {
  it('gives each top-level section its attributes and inner HTML as written (comments, void tags)', () => {
    const found = rawSections(
      '<section id="a" data-auto-animate>a<br>b<img src="x.png"><!-- .element: class="c" --></section>\n<section>b</section>\n',
    );
    expect(found).toEqual({
      sections: [
        { attributes: { id: 'a', 'data-auto-animate': '' }, html: 'a<br>b<img src="x.png"><!-- .element: class="c" -->' },
        { attributes: {}, html: 'b' },
      ],
      loose: '',
    });
  });

  it('keeps HTML outside the sections as loose, without comments and the white space between', () => {
    const found = rawSections('<p>one</p>\n<section>s</section>\n<!-- a comment -->\n<p>two</p>\n');
    expect(found?.sections).toEqual([{ attributes: {}, html: 's' }]);
    expect(found?.loose).toBe('<p>one</p><p>two</p>');
  });

  it('keeps loose text, trimmed', () => {
    expect(rawSections('  text <section>y</section>')?.loose).toBe('text');
  });

  it('does not take other elements for sections', () => {
    const found = rawSections('<div class="box">d</div><section>s</section><aside>a</aside>');
    expect(found?.sections.map((section) => section.html)).toEqual(['s']);
    expect(found?.loose).toBe('<div class="box">d</div><aside>a</aside>');
  });

  it('is undefined without a top-level section: none at all, or only nested ones', () => {
    expect(rawSections('<p>Sectional sofa</p>')).toBeUndefined();
    expect(rawSections('<div><section>x</section></div>')).toBeUndefined();
    expect(rawSections('<!-- <section> -->')).toBeUndefined();
  });

  it('finds upper-case SECTION tags too', () => {
    expect(rawSections('<SECTION data-x="1">u</SECTION>')?.sections).toEqual([{ attributes: { 'data-x': '1' }, html: 'u' }]);
  });
});
