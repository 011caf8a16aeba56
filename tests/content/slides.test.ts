/** One source file into slides: titles, lines, notes, raw <section> slides, stacks, ids, layouts, problems. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck, loadDeckCollecting } from '../../src/content/deck.js';
import { firstHeading } from '../../src/content/slides.js';
import type { Deck } from '../../src/content/types.js';

let work: string;
let count = 0;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'deck-slides-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A deck folder of its own with these files. */
function folder(files: Record<string, string>): string {
  const dir = join(work, `deck-${count++}`);
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

const deckOf = (files: Record<string, string>, flags?: Record<string, unknown>): Promise<Deck> => loadDeck(folder(files), { flags });

describe('slide titles', () => {
  it('are the plain text of the first heading: tags removed, entities read, white space folded', () => {
    expect(
      firstHeading('<p>x</p><h2 class="t">GPT-4o <em>and</em>  &amp;\n  friends &lt;3&gt; &quot;ok&quot; it&#39;s</h2><h1>B</h1>'),
    ).toBe('GPT-4o and & friends <3> "ok" it\'s');
    expect(firstHeading('<H3>Upper</H3>')).toBe('Upper');
    expect(firstHeading('<h2>\n  Spaced out  \n</h2>')).toBe('Spaced out');
    // jqno/talks bullshitlanguage: `# Building a<br/>Bullshit Language {…}`.
    expect(firstHeading('<h1>Building a<br/>Bullshit Language</h1>')).toBe('Building a Bullshit Language');
    expect(firstHeading('<h1>One<BR>two<br />three</h1>')).toBe('One two three');
  });

  it('are undefined without a heading or with an empty one', () => {
    expect(firstHeading('<p>no heading</p><header>h</header>')).toBeUndefined();
    expect(firstHeading('<h1><img src="logo.png"></h1>')).toBeUndefined();
  });

  it('fall back to the section title on its first slide, then to "Slide N" by position in the deck', async () => {
    const deck = await deckOf({
      '01.md': '# One\n',
      '02.md': '---\ntitle: Part two\n---\nno heading\n\n---\n\nstill none\n',
    });
    expect(deck.slides.map((slide) => slide.title)).toEqual(['One', 'Part two', 'Slide 3']);
    expect(deck.sections.map((section) => section.title)).toEqual(['One', 'Part two']);
  });

  it('take no title or layout from a later file that is not text', async () => {
    const deck = await deckOf({ '01.md': '# One\n', '02.md': '---\ntitle: [a, b]\nlayout: { name: x }\n---\nno heading\n' });
    expect(deck.sections.map((section) => section.title)).toEqual(['One', 'Slide 2']);
    expect(deck.slides.map((slide) => [slide.title, slide.layout])).toEqual([
      ['One', 'default'],
      ['Slide 2', 'default'],
    ]);
  });
});

describe('a slide’s parts', () => {
  it('keeps the HTML, Markdown and notes trimmed, the notes rendered', async () => {
    const deck = await deckOf({ '01.md': '\n\n# Title\n\nText\n\nNote:\nSay **this**.\n\n\n---\n\n# Two\n' });
    const [one, two] = deck.slides;
    expect(one).toMatchObject({
      line: 3,
      html: '<h1>Title</h1>\n\n\n<p>Text</p>',
      markdown: '# Title\n\nText',
      notesHtml: '<p>Say <strong>this</strong>.</p>',
    });
    expect(one!.notes.trim()).toBe('Say **this**.');
    expect(two).toMatchObject({ line: 13, html: '<h1>Two</h1>', notes: '', notesHtml: '' });
  });

  it('takes notes from an <aside class="notes"> when there is no notes marker', async () => {
    const deck = await deckOf({ '01.md': '# A\n\n<aside class="speaker notes">\n  Speak slowly.\n</aside>\n\nafter\n' });
    expect(deck.slides[0]!.notesHtml).toBe('Speak slowly.');
    expect(deck.slides[0]!.html).toBe('<h1>A</h1>\n\n\n\n\n<p>after</p>');
  });

  it('marks the first slide of each file, and gives it the file’s layout', async () => {
    const deck = await deckOf({
      '01.md': '---\nlayout: title\n---\n# A\n\n---\n\n# B\n',
      '02.md': '# C\n\n----\n\n# C1\n\n---\n\n<!-- .slide: data-layout="two-column" -->\n# D\n',
    });
    expect(deck.slides.map((slide) => [slide.title, slide.first, slide.layout])).toEqual([
      ['A', true, 'title'],
      ['B', false, 'default'],
      ['C', true, 'default'],
      ['C1', false, 'default'],
      ['D', false, 'two-column'],
    ]);
  });

  it('numbers ids, indices and positions across files and vertical stacks', async () => {
    const deck = await deckOf({ '01.md': '# A\n\n----\n\n# A1\n', '02.md': '# B\n\n---\n\n# C\n\n----\n\n# C1\n' });
    expect(deck.slides.map((slide) => [slide.id, slide.h, slide.v, slide.index, slide.section])).toEqual([
      ['slide-1-1', 0, 0, 0, 0],
      ['slide-1-2', 0, 1, 1, 0],
      ['slide-2', 1, 0, 2, 1],
      ['slide-3-1', 2, 0, 3, 1],
      ['slide-3-2', 2, 1, 4, 1],
    ]);
  });

  it('keeps the author’s id, trimmed, and ignores one with a space in it', async () => {
    const deck = await deckOf({
      '01.md': '<section id=" intro ">A</section>\n\n---\n\n<!-- .slide: id="two words" -->\n# B\n',
    });
    expect(deck.slides.map((slide) => slide.id)).toEqual(['intro', 'slide-2']);
  });
});

describe('hidden slides', () => {
  it('are left out, as reveal.js removes data-visibility="hidden" slides when it starts (its PDF has no page for them)', async () => {
    const deck = await deckOf({
      '01.md':
        '# A\n\n---\n\n<!-- .slide: data-visibility="hidden" -->\n# Draft\n\n---\n\n# B\n\n----\n\n<!-- .slide: data-visibility="hidden" -->\n# B draft\n\n---\n\n<!-- .slide: data-visibility="uncounted" -->\n# C\n',
    });
    expect(deck.slides.map((slide) => [slide.title, slide.id, slide.h, slide.v, slide.index])).toEqual([
      ['A', 'slide-1', 0, 0, 0],
      ['B', 'slide-2', 1, 0, 1],
      ['C', 'slide-3', 2, 0, 2],
    ]);
    expect(deck.sections[0]!.stacks.map((stack) => stack.length)).toEqual([1, 1, 1]);
  });

  it('are kept with reveal.js’s showHiddenSlides', async () => {
    const deck = await deckOf({
      '01.md': '---\nrevealOptions:\n  showHiddenSlides: true\n---\n# A\n\n---\n\n<!-- .slide: data-visibility="hidden" -->\n# Draft\n',
    });
    expect(deck.slides.map((slide) => slide.title)).toEqual(['A', 'Draft']);
  });
});

describe('Slidev front matter on a slide', () => {
  it('is not a slide but the next slide’s settings: class, background, transition, hide and layout on its <section>, the rest named in a warning', async () => {
    // As in slidevjs/slidev's demo/starter/slides.md.
    const deck = await deckOf({
      'slides.md': `${[
        '# Welcome',
        'transition: fade-out',
        '# What is Slidev?',
        'layout: two-cols\nlayoutClass: gap-16\nclass: px-20\nbackground: ./photo.jpg',
        '# Table of contents',
        'hide: true',
        '# Hidden',
        'Status: done\nOwner: me',
        '# End',
      ].join('\n\n---\n')}\n`,
      'photo.jpg': 'jpeg',
    });
    expect(deck.slides.map((slide) => [slide.title, slide.line, slide.attributes])).toEqual([
      ['Welcome', 1, {}],
      ['What is Slidev?', 7, { 'data-transition': 'fade' }],
      [
        'Table of contents',
        16,
        {
          class: 'px-20',
          'data-background-color': '#000',
          'data-background-image': 'photo.jpg',
          'data-background-opacity': '0.6',
          'data-layout': 'two-columns',
        },
      ],
      ['Slide 4', 25, {}],
      ['End', 29, {}],
    ]);
    expect(deck.slides[3]!.html).toContain('Status: done');
    expect(deck.warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [10, "Slidev's front matter of the next slide: layoutClass: gap-16 is not supported here; it is ignored"],
    ]);
  });
  it('in a deck with Slidev’s keys, slot markers (::right::) never show; one the layout has no place for is a warning at its line; in code they stay', async () => {
    // slidevjs/slidev's demo/starter: `layout: two-cols` … `::right::`; m4dz/slidev-theme-divriots: `::col2::`.
    const deck = await deckOf({
      'slides.md': '---\ncolorSchema: dark\n---\n# Table of contents\n\nleft\n\n::right::\n\nright\n\n```md\n::right::\n```\n',
    });
    expect(deck.slides[0]!.html).not.toMatch(/<p>::right::<\/p>/);
    expect(deck.slides[0]!.html).toContain('<code class="md">::right::</code>');
    expect(deck.warnings.map((warning) => [warning.line, warning.message.split(' are ')[0]])).toEqual([
      [2, '"colorSchema" is a Slidev setting that this tool does not support; it is ignored'.split(' are ')[0]],
      [8, "Slidev's slot ::right:: has no place in layout default: its part follows the slide's text"],
    ]);
  });

  it('in a deck with Slidev’s keys, is any YAML block between two separators, whatever its keys (a theme layout’s props)', async () => {
    // As m4dz/slidev-theme-divriots's slides.md: `links:` and `logo:` blocks for its layouts.
    const slides =
      '# Title\n\n---\nlinks:\n  - http://backlight.dev/\n---\n\n# Default layout\n\n---\nlogo: ../img/confname.svg\n---\n\n# Clicks\n';
    const slidev = await deckOf({ 'slides.md': `---\ncolorSchema: dark\n---\n${slides}` });
    expect(slidev.slides.map((slide) => slide.title)).toEqual(['Title', 'Default layout', 'Clicks']);
    expect(slidev.warnings.map((warning) => [warning.line, warning.message.split(' is ')[0]])).toEqual([
      [2, '"colorSchema"'],
      [7, 'Slidev\'s front matter of the next slide: links: ["http://backlight.dev/"]'],
      [14, "Slidev's front matter of the next slide: logo: ../img/confname.svg"],
    ]);
    const reveal = await deckOf({ 'slides.md': slides });
    expect(reveal.slides.map((slide) => slide.title)).toEqual(['Title', 'Slide 2', 'Default layout', 'Slide 4', 'Clicks']);
  });
});

describe('slide lines', () => {
  it('are the line of the slide’s first text, whatever that line holds', async () => {
    const deck = await deckOf({ '01.md': '# A\n\n---\n\n**Bold**\n\n---\n  \n\t\nplain\n' });
    expect(deck.slides.map((slide) => slide.line)).toEqual([1, 5, 10]);
  });
});

describe('slides written as HTML <section> elements', () => {
  it('finds each section’s line whatever its first lines hold and however its tag is written', async () => {
    const deck = await deckOf({
      '01.md':
        '# A\n\n---\n\n<section>\n<h2>One</h2>\n</section>\n\n<SECTION>\n<h2>Two</h2>\n</SECTION>\n\n<Section>\n<h2>Three</h2>\n</Section>\n',
    });
    expect(deck.slides.map((slide) => [slide.title, slide.line])).toEqual([
      ['A', 1],
      ['One', 5],
      ['Two', 9],
      ['Three', 13],
    ]);
  });

  it('makes each a slide at its own line; the chunk’s notes go to the first', async () => {
    const deck = await deckOf({
      '01.md':
        '# Before\n\n---\n\n\n<section data-auto-animate>\n<h2>One</h2>\n</section>\n\n<section id="s2">\n<h2>Two</h2>\n</section>\n\nNote: spoken over One\n',
    });
    expect(deck.slides.map((slide) => [slide.title, slide.line, slide.h, slide.v, slide.notes.trim()])).toEqual([
      ['Before', 1, 0, 0, ''],
      ['One', 6, 1, 0, 'spoken over One'],
      ['Two', 10, 1, 1, ''],
    ]);
    expect(deck.slides[1]!.attributes).toEqual({ 'data-auto-animate': '' });
    expect(deck.slides[2]!.id).toBe('s2');
    expect(deck.warnings).toEqual([]);
  });

  it('makes text outside the sections a slide of its own before them, with a warning, and its notes', async () => {
    const deck = await deckOf({ '01.md': 'Loose text\n\n<section>\n<h2>S</h2>\n</section>\n\nNote: notes\n' });
    expect(deck.slides.map((slide) => [slide.html, slide.notes.trim()])).toEqual([
      ['<p>Loose text</p>', 'notes'],
      ['<h2>S</h2>', ''],
    ]);
    expect(deck.warnings).toEqual([
      {
        file: '01.md',
        line: 1,
        message:
          'text outside the <section> elements of a slide made of sections: reveal.js shows it behind every one of them; here it is a slide of its own before them',
      },
    ]);
  });

  it('keeps sections inside a vertical stack as HTML of that slide', async () => {
    const deck = await deckOf({ '01.md': '# A\n\n----\n\n<section>\n<h2>In</h2>\n</section>\n' });
    expect(deck.slides).toHaveLength(2);
    expect(deck.slides[1]!.html).toContain('<section>');
  });
});

describe('notes markers', () => {
  it('warns about two markers in one slide at the second one’s line, listing both', async () => {
    const deck = await deckOf({ '01.md': '# A\n\n---\n\n\n# B\n\nNote: one\n\nNote: two\n' });
    expect(deck.warnings).toEqual([
      {
        file: '01.md',
        line: 10,
        message:
          '2 notes markers in one slide (lines 8, 10): as in reveal.js, all of it stays on the slide and it has no notes; keep one per slide',
      },
    ]);
  });
});

describe('separators', () => {
  it('the first file’s own separator loses to the command line, as every deck setting does', async () => {
    const deck = await deckOf({ '01.md': "---\nseparator: '^===$'\n---\n# A\n\n===\n\n# B\n\n+++\n\n# C\n" }, { separator: '^\\+\\+\\+$' });
    expect(deck.slides.map((slide) => slide.title)).toEqual(['A', 'C']);
  });

  it('a later file’s bad separator is a problem on its line, and the deck’s separator is used', async () => {
    const { deck, problems } = await loadDeckCollecting(
      folder({ '01.md': '# A\n', '02.md': "---\ntitle: B\nverticalSeparator: '^(v$'\n---\n# B\n\n----\n\n# B1\n" }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: '02.md', line: 3 });
    expect(problems[0]!.message).toMatch(/^verticalSeparator is not a valid regular expression: /);
    expect(deck!.slides.map((slide) => [slide.title, slide.h, slide.v])).toEqual([
      ['A', 0, 0],
      ['B', 1, 0],
      ['B1', 1, 1],
    ]);
  });
});

describe('a slide with a problem', () => {
  it('a file whose only slide has a problem is a section with no slides, named by its file', async () => {
    const { deck, problems } = await loadDeckCollecting(folder({ '01.md': '---\nmath: true\n---\n# A\n', '02.md': 'only $\\nope$\n' }));
    expect(problems.map((problem) => [problem.file, problem.line])).toEqual([['02.md', 1]]);
    expect(deck!.sections.map((section) => [section.title, section.stacks.length])).toEqual([
      ['A', 1],
      ['02.md', 0],
    ]);
  });

  it('a slide whose timing is refused is kept, counted as an estimate of 0 s', async () => {
    const { deck, problems } = await loadDeckCollecting(folder({ '01.md': '# A\n\n---\n\n<!-- .slide: data-timing="abc" -->\n# B\n' }));
    expect(problems.map((problem) => problem.message)).toEqual(['data-timing="abc" is not a time']);
    expect(deck!.slides[1]).toMatchObject({ title: 'B', timing: 0, timingSource: 'estimate' });
  });

  it('bad math is reported at the formula’s own line, and the slide is left out of the numbering', async () => {
    const { deck, problems } = await loadDeckCollecting(
      folder({ '01.md': '---\nmath: true\n---\n# A\n\n---\n\n# Bad\n\nfine $x$\n\nthen $\\nope$\n\n---\n\n# C\n' }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: '01.md',
      line: 12,
      hint: 'fix the TeX, write \\$ for a literal dollar sign, or set `math: false` to turn math off',
    });
    expect(problems[0]!.message).toMatch(/^math: Undefined control sequence: \\nope/);
    expect(deck!.slides.map((slide) => [slide.title, slide.h, slide.id])).toEqual([
      ['A', 0, 'slide-1'],
      ['C', 1, 'slide-2'],
    ]);
  });
});
