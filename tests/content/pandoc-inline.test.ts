/** Pandoc's spans, heading attributes and blockquoted lists in Markdown. */
import { describe, expect, it } from 'vitest';
import { createMarkdown, renderMarkdown } from '../../src/content/markdown.js';

const render = (text: string) => renderMarkdown(createMarkdown(), text).replace(/>\s+</g, '><').trim();

describe('Pandoc inline syntax', () => {
  it('[text]{attributes} is a span; a bracket without attributes stays text', () => {
    expect(render('Say [it *now*]{.fragment .highlight-red} and [not this] {.x}')).toBe(
      '<p>Say <span class="fragment highlight-red">it <em>now</em></span> and [not this] {.x}</p>',
    );
  });

  it("a slide heading's attributes go to the slide (a .slide: comment); a deeper heading keeps its own", () => {
    expect(render('## Title {#intro .smaller background-image="a.png"}')).toBe(
      '<h2>Title</h2><!-- .slide: id="intro" class="smaller" data-background-image="a.png" -->',
    );
    expect(render('### Small {.red}')).toBe('<h3 class="red">Small</h3>');
    expect(render('## Set {1, 2}')).toBe('<h2>Set {1, 2}</h2>');
  });

  it('a blockquote that is only a list is an incremental list; any other blockquote stays one', () => {
    expect(render('> - a\n> - b\n')).toBe('<ul><li class="fragment">a</li><li class="fragment">b</li></ul>');
    expect(render('> Quote\n>\n> - a\n')).toBe('<blockquote><p>Quote</p><ul><li>a</li></ul></blockquote>');
  });
});
