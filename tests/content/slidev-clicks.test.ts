/** Slidev's click animations as reveal.js fragments, in the order Slidev steps them. */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { slidevClicks } from '../../src/content/slidev-clicks.js';

/** Each fragment's text (or tag) and its click, in document order; `hide` for one that leaves at its click. */
function steps(html: string): [string, number, string?][] {
  return parse(slidevClicks(html))
    .querySelectorAll('.fragment')
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

  it('leaves HTML without clicks as it is, and a v-after before any click shown from the start', () => {
    const plain = '<h1>T</h1>\n<p class="x">v-click is an attribute</p>';
    expect(slidevClicks(plain)).toBe(plain);
    expect(slidevClicks('<p v-after>x</p>')).toBe('<p>x</p>');
  });
});
