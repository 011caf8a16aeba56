/** Slidev's click animations as reveal.js fragments, in the order Slidev steps them. */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { slidevClicks } from '../../src/content/slidev-clicks.js';

/**
 * Each fragment's text (or tag) and its click, in document order; `hide` for one that leaves at its click. The
 * empty fragments that stand for clicks nothing takes are left out (see `clicksTaken`).
 */
function steps(html: string): [string, number, string?][] {
  return parse(slidevClicks(html))
    .querySelectorAll('.fragment:not([aria-hidden])')
    .map((element) => {
      const kind = element.classList.contains('fade-out') ? 'hide' : element.classList.contains('fade-in-then-out') ? 'only' : undefined;
      const step: [string, number, string?] = [element.text.trim() || element.tagName, Number(element.getAttribute('data-fragment-index'))];
      if (kind) step.push(kind);
      return step;
    });
}

describe('Slidev clicks', () => {
  it('<v-click>, v-click and v-after step in the order written; v-after shares the click before it; hide leaves at its click', () => {
    // As slidevjs/slidev's demo/starter: `<div v-click>`, `<p v-after>`, `<v-click>` around Markdown.
    const html =
      '<h1>T</h1>\n<v-click>\n\n<p>one</p>\n\n</v-click>\n<div v-click class="mt-4">two</div>\n<p v-after class="x">also two</p>\n<v-click hide>\n\n<p>gone</p>\n\n</v-click>\n';
    expect(steps(html)).toEqual([
      ['one', 1],
      ['two', 2],
      ['also two', 2],
      ['gone', 3, 'hide'],
    ]);
    const out = slidevClicks(html);
    expect(out).not.toMatch(/v-click|v-after|\shide[\s>]/);
    expect(out).toContain('<div class="fragment" data-fragment-index="1">');
    expect(out).toContain('class="mt-4 fragment"');
  });

  it('<v-clicks> makes each list item a click; depth="2" the nested items too, in reading order; every="2" two items a click', () => {
    const list = '<ul>\n<li>a<ul>\n<li>a1</li>\n<li>a2</li>\n</ul>\n</li>\n<li>b</li>\n<li>c</li>\n</ul>';
    expect(steps(`<v-clicks>\n\n${list}\n\n</v-clicks>`).map(([text, at]) => [text.split('\n')[0], at])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(steps(`<v-clicks depth="2">\n\n${list}\n\n</v-clicks>`).map(([text, at]) => [text.split('\n')[0], at])).toEqual([
      ['a', 1],
      ['a1', 2],
      ['a2', 3],
      ['b', 4],
      ['c', 5],
    ]);
    expect(steps(`<v-clicks every="2">\n\n<ul><li>a</li><li>b</li><li>c</li><li>d</li></ul>\n\n</v-clicks>`)).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 2],
      ['d', 2],
    ]);
    expect(slidevClicks(`<v-clicks>\n\n${list}\n\n</v-clicks>`)).not.toContain('v-clicks');
  });

  it('counts on across <v-clicks> and elements after it, and wraps elements that are not a list', () => {
    expect(steps('<v-clicks>\n<div>x</div>\n<div>y</div>\n</v-clicks>\n<p v-click>z</p>')).toEqual([
      ['x', 1],
      ['y', 2],
      ['z', 3],
    ]);
  });

  it('reads v-click values: a number is that click, +N that many on, [a, b] shown from a until b; modifiers (.fade) and v-click-hide', () => {
    expect(
      steps(
        '<p v-click.fade>a</p><p v-click="+2">b</p><p v-click="1">c</p><p v-click="[4, 5]">d</p><p v-click-hide>e</p><p v-after.hide>f</p>',
      ),
    ).toEqual([
      ['a', 1],
      ['b', 3],
      ['c', 1],
      ['d', 4, 'only'],
      ['e', 4, 'hide'],
      ['f', 4, 'hide'],
    ]);
  });

  it('a <v-click> inside a paragraph is a <span>; a code block’s line-highlight steps take their clicks in its place', () => {
    expect(slidevClicks('<p>say <v-click>this</v-click></p>')).toBe(
      '<p>say <span class="fragment" data-fragment-index="1">this</span></p>',
    );
    const html = slidevClicks('<pre><code data-line-numbers="1|2|3" class="ts">x</code></pre>\n<p v-click>after</p>');
    expect(html).toContain('<code data-line-numbers="1|2|3" class="ts" data-fragment-index="1">');
    expect(steps(html)).toEqual([['after', 3]]);
    // The code's text is kept as written, entities and all.
    expect(slidevClicks('<pre><code class="html">&lt;p v-click&gt;a &amp; b&lt;/p&gt;</code></pre><p v-click>x</p>')).toBe(
      '<pre><code class="html">&lt;p v-click&gt;a &amp; b&lt;/p&gt;</code></pre><p class="fragment" data-fragment-index="1">x</p>',
    );
  });

  it('<v-switch> shows each template at its click and hides it at the next, stacked, and takes its clicks', () => {
    // As v-h-gn/lectures's week_02 slides: three headings, one a click, then a <v-click>.
    const html = slidevClicks(
      '<v-switch>\n  <template #1>\n<h1>one</h1>\n</template>\n  <template #2>\n<h1>two</h1>\n</template>\n  <template #3>\n<h1>three</h1>\n</template>\n</v-switch>\n<p><v-click>bird</v-click></p>',
    );
    expect(html).toMatch(/^<div class="r-stack">/);
    expect(html).not.toMatch(/template|v-switch/);
    expect(steps(html)).toEqual([
      ['one', 1, 'only'],
      ['two', 2, 'only'],
      ['three', 3, 'only'],
      ['bird', 4],
    ]);
  });

  it('finds a slide’s clicks when its only click is <v-click hide>, <v-click at>, a v-click with more attributes or a code block’s steps', () => {
    expect(steps('<v-click hide>\n\n<p>gone</p>\n\n</v-click>')).toEqual([['gone', 1, 'hide']]);
    expect(steps('<v-click at="2">\n\n<p>two</p>\n\n</v-click>')).toEqual([['two', 2]]);
    expect(steps('<div v-click class="mt-4">two</div>')).toEqual([['two', 1]]);
    expect(slidevClicks('<pre><code data-line-numbers="2-3|5" class="ts">x</code></pre>')).toContain('data-fragment-index="1"');
  });

  it('<v-after> shares the click before it; <v-click at> is that click, its at and hide not left in the page', () => {
    const html =
      '<v-click>\n\n<p>one</p>\n\n</v-click>\n<v-after>\n\n<p>also one</p>\n\n</v-after>\n<v-click at="3" hide>\n\n<p>gone</p>\n\n</v-click>';
    expect(steps(html)).toEqual([
      ['one', 1],
      ['also one', 1],
      ['gone', 3, 'hide'],
    ]);
    expect(slidevClicks(html)).not.toMatch(/\s(at|hide)[\s=>]/);
  });

  it('reads values with blanks in them (a JavaScript expression in Slidev), ranges of any click, and counts a value it cannot read as the next click', () => {
    expect(
      steps('<p v-click=" 2 ">a</p><p v-click="[ 10 , 11 ]">b</p><p v-click="[2,3]">c</p><p v-click="+10">d</p><p v-click="12">e</p>'),
    ).toEqual([
      ['a', 2],
      ['b', 10, 'only'],
      ['c', 2, 'only'],
      ['d', 10],
      ['e', 12],
    ]);
    // Typos: each is the next click, not a click read out of part of it.
    expect(steps('<p v-click="+[5, 6]">a</p><p v-click="[5, 6]+1">b</p><p v-click="5+1">c</p><p v-click="+5a">d</p>')).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
    // [2, 4] shows it at click 2 and hides it at click 4: reveal.js gives an element one fragment, so a wrapper with
    // no box of its own hides it; [0, 3] is shown from the start and hidden at click 3.
    expect(steps('<p v-click="[2, 4]">a</p><p v-click="[0, 3]">b</p>')).toEqual([
      ['a', 4, 'hide'],
      ['a', 2],
      ['b', 3, 'hide'],
    ]);
    expect(slidevClicks('<p v-click="[2, 4]">a</p>')).toBe(
      '<span class="fragment fade-out" data-fragment-index="4" style="display:contents"><p class="fragment" data-fragment-index="2">a</p></span>' +
        '<span class="fragment" data-fragment-index="1" aria-hidden="true"></span><span class="fragment" data-fragment-index="3" aria-hidden="true"></span>',
    );
  });

  it('takes every click up to the last, as Slidev counts them: a click nothing shows at is an empty step', () => {
    const clicksTaken = (html: string) =>
      parse(slidevClicks(html))
        .querySelectorAll('.fragment')
        .map((element) => `${element.hasAttribute('aria-hidden') ? '∅' : element.text}@${element.getAttribute('data-fragment-index')}`);
    expect(clicksTaken('<p v-click="1">a</p><p v-click="4">b</p>')).toEqual(['a@1', 'b@4', '∅@2', '∅@3']);
    // A code block's three steps take clicks 1 and 2 (its first is shown from the start); a range's end is a click too.
    expect(clicksTaken('<pre><code data-line-numbers="1|2|3"></code></pre><p v-click="5">c</p>')).toEqual(['c@5', '∅@3', '∅@4']);
    expect(clicksTaken('<p v-click="[3, 5]">d</p>')).toEqual(['d@5', 'd@3', '∅@1', '∅@2', '∅@4']);
    expect(clicksTaken('<p v-click>e</p><p v-click>f</p>')).toEqual(['e@1', 'f@2']);
    // A hidden range takes its clicks too (hidden at 2; Slidev shows it again at 4, which reveal.js cannot).
    expect(clicksTaken('<p v-click.hide="[2, 4]">g</p>')).toEqual(['g@4', 'g@2', '∅@1', '∅@3']);
  });

  it('does not take v-click-outside (a Vue directive) or data-v-click for a click', () => {
    const html = '<div v-click-outside="close" data-v-click>menu</div><p v-click>x</p>';
    expect(steps(html)).toEqual([['x', 1]]);
    expect(slidevClicks(html)).toContain('<div v-click-outside="close" data-v-click>menu</div>');
  });

  it('<v-clicks> steps an ordered list; depth="2" stops at the second level; an every or depth that is not a whole number above 0 is 1', () => {
    const list = '<ol>\n<li>a<ol>\n<li>a1<ul><li>deep</li></ul></li>\n</ol>\n</li>\n<li>b</li>\n</ol>';
    expect(steps(`<v-clicks depth="2">\n\n${list}\n\n</v-clicks>`).map(([text, at]) => [text.split('\n')[0], at])).toEqual([
      ['a', 1],
      ['a1deep', 2],
      ['b', 3],
    ]);
    expect(steps('<v-clicks every="0">\n\n<ul><li>a</li><li>b</li></ul>\n\n</v-clicks>')).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('a <v-click> around inline elements is a <span>', () => {
    expect(slidevClicks('<p>say <v-click><strong>this</strong></v-click></p>')).toBe(
      '<p>say <span class="fragment" data-fragment-index="1"><strong>this</strong></span></p>',
    );
  });

  it('<v-switch>: #0 shows until the switch’s first click, #2-3 is one click, #2-4 shows from click 2 up to 4, #10-11 is click 10; other elements and names are left as they are', () => {
    const html = slidevClicks(
      '<p v-click>before</p>\n<v-switch>\n<template #0><p>zero</p></template>\n<template v-slot:1-2><p>one</p></template>\n<template #2-4><p>two</p></template>\n<template #10-11><p>ten</p></template>\n<p>stray</p>\n<template #default><p>plain</p></template><template #1x><p>typo</p></template><template data-v-slot:1><p>data</p></template>\n</v-switch>\n<p v-click>after</p>',
    );
    expect(steps(html)).toEqual([
      ['before', 1],
      ['zero', 2, 'hide'],
      ['one', 2, 'only'],
      ['two', 5, 'hide'],
      ['two', 3],
      ['ten', 11, 'only'],
      ['after', 12],
    ]);
    expect(html).toContain('<p>stray</p>');
  });

  it('keeps comments, void elements, scripts and styles of a slide with clicks as written', () => {
    const html =
      '<!-- a note -->\n<p v-click>a<br>b</p>\n<script setup>\nconst small = 1<b\n</script>\n<style>p::before { content: "<b>" }</style>';
    expect(slidevClicks(html)).toBe(
      '<!-- a note -->\n<p class="fragment" data-fragment-index="1">a<br>b</p>\n<script setup>\nconst small = 1<b\n</script>\n<style>p::before { content: "<b>" }</style>',
    );
  });

  it('leaves HTML without clicks as it is, and a v-after before any click shown from the start', () => {
    const plain = '<h1>T</h1>\n<p class="x">v-click is an attribute</p>';
    expect(slidevClicks(plain)).toBe(plain);
    // Byte for byte: not parsed and written out again (which would drop the slash of <br/>).
    expect(slidevClicks('<p>a<br/>b</p>')).toBe('<p>a<br/>b</p>');
    expect(slidevClicks('<p v-after>x</p>')).toBe('<p>x</p>');
  });
});
