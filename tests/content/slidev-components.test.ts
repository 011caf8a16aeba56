/** Slidev's Vue components in a slide, as HTML a browser shows: links, placeholders, or left out and named. */
import { describe, expect, it } from 'vitest';
import { dropColonIcons, slidevComponents } from '../../src/content/slidev-components.js';

describe('Slidev components', () => {
  it('make <Youtube> and <Tweet> links to the video and the post, and leave placeholders for the page number, total and Toc', () => {
    const { html, dropped } = slidevComponents(
      '<Youtube id="dQw4w9WgXcQ" />\n<Tweet id="1390115482657726468" scale="0.65" />\n<p><SlideCurrentNo/> / <SlidesTotal /></p><Toc minDepth="1" />',
    );
    expect(dropped).toEqual([]);
    expect(html).toBe(
      '<a class="slidev-link-card" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><span class="slidev-link-card-label">YouTube</span> youtu.be/dQw4w9WgXcQ</a>\n' +
        '<a class="slidev-link-card" href="https://twitter.com/i/status/1390115482657726468"><span class="slidev-link-card-label">Tweet</span> twitter.com/i/status/1390115482657726468</a>\n' +
        '<p><span class="slidev-current-no"></span> / <span class="slidev-slides-total"></span></p><nav class="slidev-toc"></nav>',
    );
  });

  it('leave out icons, <Arrow> and the deck’s own components, each named; a component’s content stays', () => {
    // As slidevjs/slidev's demo/starter: an icon in a link, an arrow with a click, a Counter from ./components.
    const { html, dropped } = slidevComponents(
      '<a href="https://github.com/slidevjs/slidev">\n  <carbon-logo-github />\n</a>\n<arrow v-click="3" x1="400" y1="420" x2="230" y2="330" />\n<Counter :count="10" m="t-4" />\n<Transform :scale="0.5">\n<p>kept</p>\n</Transform>\n<v-drag-arrow two-way />',
    );
    expect(html).toBe('<a href="https://github.com/slidevjs/slidev">\n  \n</a>\n\n\n\n<p>kept</p>\n\n');
    expect(dropped.map((component) => [component.name, component.text, component.reason])).toEqual([
      ['<carbon-logo-github>', '<carbon-logo-github />', 'icons are not drawn here'],
      [
        '<arrow>',
        '<arrow v-click="3" x1="400" y1="420" x2="230" y2="330" />',
        "it is drawn at fixed points of Slidev's page, which are not this slide's",
      ],
      ['<Counter>', '<Counter :count="10" m="t-4" />', 'a Vue component this tool cannot render'],
      ['<Transform>', '<Transform :scale="0.5">', 'a Vue component this tool cannot render'],
      ['<v-drag-arrow>', '<v-drag-arrow two-way />', 'a Slidev directive this tool does not have'],
    ]);
  });

  it('leave out a <Youtube> or <Tweet> that names no id, or a blank one, saying so', () => {
    const { html, dropped } = slidevComponents('<Youtube />\n<Youtube id="  " />\n<Tweet id="" />');
    expect(html).toBe('\n\n');
    expect(dropped.map((component) => [component.name, component.reason])).toEqual([
      ['<Youtube>', 'it names no video id'],
      ['<Youtube>', 'it names no video id'],
      ['<Tweet>', 'it names no id'],
    ]);
  });

  it('call an icon whose name holds `v-` an icon, not a directive', () => {
    expect(slidevComponents('<mdi-dev-to />').dropped[0]!.reason).toBe('icons are not drawn here');
    expect(dropColonIcons('<mdi:dev-to />').dropped[0]!.reason).toBe('icons are not drawn here');
  });

  it('close an HTML element that closes itself (<div h-3 />), as Vue does, and leave HTML, click elements, code and SVG alone', () => {
    const kept =
      '<Section><h2>One</h2></Section><img src="a.png" /><br/><v-click>\n<p>x</p>\n</v-click><svg><path d="M0 0" /></svg><pre><code>&lt;Tweet /&gt;</code></pre><!-- <Tweet id="1" /> -->';
    expect(slidevComponents(kept)).toEqual({ html: kept, dropped: [] });
    expect(slidevComponents('<div h-3 /><p>after</p>').html).toBe('<div h-3></div><p>after</p>');
  });

  it('take icons written with a colon out of the Markdown (Markdown shows them as text), but not from code', () => {
    const { markdown, dropped } = dropColonIcons(
      'Press Space <carbon:arrow-right class="inline"/>\n\n`<carbon:x />`\n\n```html\n<carbon:edit />\n```\n',
    );
    expect(markdown).toBe('Press Space \n\n`<carbon:x />`\n\n```html\n<carbon:edit />\n```\n');
    expect(dropped.map((component) => component.name)).toEqual(['<carbon:arrow-right>']);
  });

  it('take colon icons out of a slide with no code block, and out of the lines after one, but not from code on the first line', () => {
    expect(dropColonIcons('# Next <carbon:arrow-right />\n').markdown).toBe('# Next \n');
    expect(dropColonIcons('`<carbon:x />` is an icon\n').markdown).toBe('`<carbon:x />` is an icon\n');
    const { markdown, dropped } = dropColonIcons('```sh\nnpm i\n```\n<carbon:checkmark /> Done <carbon:face-wink />\n');
    expect(markdown).toBe('```sh\nnpm i\n```\n Done \n');
    expect(dropped.map((component) => component.name)).toEqual(['<carbon:checkmark>', '<carbon:face-wink>']);
  });
});
