/** Pandoc's spans, heading attributes and blockquoted lists in Markdown. */
import { describe, expect, it } from 'vitest';
import { applyAttributes } from '../../src/content/attributes.js';
import { createMarkdown, renderMarkdown } from '../../src/content/markdown.js';

const render = (text: string) => renderMarkdown(createMarkdown(), text).replace(/>\s+</g, '><').trim();

describe('Pandoc inline syntax', () => {
  it('[text]{attributes} is a span; a bracket without attributes stays text', () => {
    expect(render('Say [it *now*]{.fragment .highlight-red} and [not this] {.x}')).toBe(
      '<p>Say <span class="fragment highlight-red">it <em>now</em></span> and [not this] {.x}</p>',
    );
  });

  it('![alt](src){attributes} gives them to the image, its size as Pandoc writes it; [text](url){…} to the link', () => {
    // As in jqno/talks (enoughcs, jfall 2021), whose Pandoc output has <img … height="30" /> and style="height:3.5em".
    expect(render('![](../images/jfall2021.png){ height=3.5em }\n\n![](tw.png){ height=30px } #enoughcs')).toBe(
      '<p><img src="../images/jfall2021.png" alt="" style="height:3.5em"></p><p><img src="tw.png" alt="" height="30"> #enoughcs</p>',
    );
    expect(render('![Jan *O*](<a b.jpg> "Portrait"){ .portrait style="height:200px;" width=50% }')).toBe(
      '<p><img src="a b.jpg" alt="Jan *O*" class="portrait" style="height:200px;width:50%" title="Portrait"></p>',
    );
    expect(render('[the *site*](https://jqno.nl/x_(y)){.button target=_blank} and [no attributes](x.html) {.y}')).toBe(
      '<p><a href="https://jqno.nl/x_(y)" class="button" target="_blank">the <em>site</em></a> and <a href="x.html">no attributes</a> {.y}</p>',
    );
  });

  it("an image's escapes are read as Pandoc reads them; its width and height are pixels only when they are a number", () => {
    expect(render('![a\\*b](x\\_y.png "A \\"q\\""){.z}')).toBe('<p><img src="x_y.png" alt="a*b" class="z" title="A &quot;q&quot;"></p>');
    expect(render('![](a.png){width=400 height=2.25px}')).toBe('<p><img src="a.png" alt="" width="400" height="2.25"></p>');
    expect(render('![](a.png){width=" 400 "}')).toBe('<p><img src="a.png" alt="" width="400"></p>');
    expect(render('![](a.png){width=1/2 height=" 3em "}')).toBe('<p><img src="a.png" alt="" style="width:1/2;height:3em"></p>');
    expect(render('![](a.png){style="color:red; border:0; " width=50%}')).toBe(
      '<p><img src="a.png" alt="" style="color:red; border:0;width:50%"></p>',
    );
  });

  it('braces after a span or link that are not an attribute list stay text', () => {
    expect(render('a [b]{c d} e')).toBe('<p>a [b]{c d} e</p>');
    expect(render('[x](y.html){c d}')).toBe('<p><a href="y.html">x</a>{c d}</p>');
  });

  it('a paragraph of only a backslash is an empty line in a Pandoc deck, as Pandoc writes it; elsewhere the backslash', () => {
    // tverbeiren/BigDataBe-Spark spaces its slides with `\` lines.
    const pandoc = (text: string) =>
      renderMarkdown(createMarkdown({ pandoc: true }), text)
        .replace(/>\s+</g, '><')
        .trim();
    expect(pandoc('## Map / Reduce\n\n\\\n\n**map**\n')).toBe('<h2>Map / Reduce</h2><p><br></p><p><strong>map</strong></p>');
    expect(render('\\\n')).toBe('<p>\\</p>');
    expect(pandoc('a\n\n\\ \n\nb')).toBe('<p>a</p><p><br></p><p>b</p>');
  });

  it("a slide heading's attributes go to the slide (a .slide: comment); a deeper heading keeps its own", () => {
    expect(render('## Title {#intro .smaller background-image="a.png"}')).toBe(
      '<h2>Title</h2><!-- .pandoc-slide: id="intro" class="smaller" data-background-image="a.png" -->',
    );
    expect(render('### Small {.red}')).toBe('<h3 class="red">Small</h3>');
    expect(render('## Set {1, 2}')).toBe('<h2>Set {1, 2}</h2>');
    expect(render('## A *b* {#id}')).toBe('<h2>A <em>b</em></h2><!-- .pandoc-slide: id="id" -->');
    // Pandoc needs no space before a heading's attributes.
    expect(render('## Plan{#plan}')).toBe('<h2>Plan</h2><!-- .pandoc-slide: id="plan" -->');
    expect(render('#\n\nText')).toBe('<h1></h1><p>Text</p>');
  });

  it('a slide heading\'s values with & < > " reach the slide as written, entities read as Pandoc reads them', () => {
    // pandoc -t revealjs: <section title="a &amp; b &lt; c" data-x="x&amp;y" data-q="say &quot;hi&quot;" …>
    const html = render('## T {title="a & b < c" data-x="x&amp;y" data-q="say \\"hi\\"" background-image="R&D.png"}');
    expect(applyAttributes(html).slide).toEqual({
      title: 'a & b < c',
      'data-x': 'x&y',
      'data-q': 'say "hi"',
      'data-background-image': 'R&D.png',
    });
    // The same on a span and a div: one escape, entities decoded first.
    expect(render('[s]{title="a & b" data-x="x&amp;y"}')).toBe('<p><span title="a &amp; b" data-x="x&amp;y">s</span></p>');
    // A reveal.js .slide: comment is still taken as written, as the plugin takes it.
    expect(applyAttributes('<!-- .slide: title="a &amp; b" -->').slide).toEqual({ title: 'a &amp; b' });
  });

  it('in a Pandoc deck a blockquote that is only a list is an incremental list; any other blockquote stays one', () => {
    const pandoc = (text: string) =>
      renderMarkdown(createMarkdown({ pandoc: true }), text)
        .replace(/>\s+</g, '><')
        .trim();
    expect(pandoc('> - a\n> - b\n')).toBe('<ul><li class="fragment">a</li><li class="fragment">b</li></ul>');
    expect(pandoc('> Quote\n>\n> - a\n')).toBe('<blockquote><p>Quote</p><ul><li>a</li></ul></blockquote>');
  });

  it('in a reveal.js deck a quoted list stays a quote, its items shown at once, as reveal.js’s plugin renders it', () => {
    expect(render('> - a\n> - b\n')).toBe('<blockquote><ul><li>a</li><li>b</li></ul></blockquote>');
    expect(
      renderMarkdown(createMarkdown({ incremental: true }), '> - a\n')
        .replace(/>\s+</g, '><')
        .trim(),
    ).toBe('<blockquote><ul><li class="fragment">a</li></ul></blockquote>');
  });
});
