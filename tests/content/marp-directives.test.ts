/** Marp's directives read as written: in comments (one key or a YAML block) and front matter, with bad values named. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';
import { directiveComments, directiveValue, isDirectiveComment } from '../../src/content/marp-directives.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const { folder } = useTempFolder('deck-marp-directives-');
const TALK = resolve('tests/fixtures/decks/field/marp-en');

describe('directive comments', () => {
  it('reads one key or a YAML block of them, spot keys marked, each at its file line; notes and code are not directives', () => {
    const text = [
      '<!-- _class: lead -->', // line 10
      '# Title',
      '<!--\npaginate: true\n_footer: "**Talk** — 2024"\n-->', // lines 12–15
      '<!-- Say hello: then start. -->',
      '```md\n<!-- _paginate: false -->\n```',
    ].join('\n');
    const comments = directiveComments(text, 10);
    expect(comments.map((comment) => comment.entries)).toEqual([
      [{ key: 'class', spot: true, value: 'lead', line: 10 }],
      [
        { key: 'paginate', spot: false, value: true, line: 13 },
        { key: 'footer', spot: true, value: '**Talk** — 2024', line: 14 },
      ],
    ]);
    expect(text.slice(comments[0]!.start, comments[0]!.end)).toBe('<!-- _class: lead -->');
    expect(isDirectiveComment(' Say hello: then start. ')).toBe(false);
    expect(isDirectiveComment(' Note: the demo needs wifi ')).toBe(false);
    expect(isDirectiveComment(' backgroundColor: aqua ')).toBe(true);
  });

  it('reads any YAML mapping marpit reads: a YAML comment line first, no blanks inside the comment, a flow mapping', () => {
    const text = ['<!--\n# Part 2\n_class: invert\n-->', '<!--_paginate: false-->', '<!-- {_header: Part 2} -->'].join('\n');
    expect(directiveComments(text, 1).map((comment) => comment.entries)).toEqual([
      [{ key: 'class', spot: true, value: 'invert', line: 3 }],
      [{ key: 'paginate', spot: true, value: false, line: 5 }],
      [{ key: 'header', spot: true, value: 'Part 2', line: 6 }],
    ]);
  });

  it('reads a comment on the line right after a code block, and none inside it', () => {
    const text = '```md\n<!-- _class: code -->\n```\n<!-- _class: lead -->\n';
    expect(directiveComments(text, 1).map((comment) => comment.entries)).toEqual([[{ key: 'class', spot: true, value: 'lead', line: 4 }]]);
  });

  it('is a note when marpit cannot read it: a key twice, an alias, no mapping', () => {
    for (const note of ['\n_class: lead\n_class: invert\n', ' _footer: *Draft* ', ' ', ' # only a comment ']) {
      expect(isDirectiveComment(note)).toBe(false);
      expect(directiveComments(`<!--${note}-->`, 1)).toEqual([]);
    }
  });

  it('is a directive comment when one of its keys is a directive, written exactly, with or without "_"', () => {
    expect(isDirectiveComment('\n_class: lead\nreminder: ask the room\n')).toBe(true);
    expect(directiveComments('<!--\n_class: lead\nreminder: ask the room\n-->', 1)[0]!.entries.map((entry) => entry.key)).toEqual([
      'class',
    ]);
    expect(isDirectiveComment(' class_: lead ')).toBe(false);
  });

  it('checks values as Marp takes them: sizes, heading levels, true or false', () => {
    expect(directiveValue('size', '4:3')).toEqual({ ok: true, value: '4:3' });
    expect(directiveValue('size', '5:7')).toMatchObject({ ok: false, message: expect.stringContaining("not one of Marp's sizes") });
    expect(directiveValue('headingDivider', 2)).toEqual({ ok: true, value: [1, 2] });
    expect(directiveValue('headingDivider', [3])).toEqual({ ok: true, value: [3] });
    expect(directiveValue('headingDivider', 'x')).toMatchObject({ ok: false });
    expect(directiveValue('headingDivider', 7)).toMatchObject({ ok: false });
    expect(directiveValue('paginate', 'true')).toEqual({ ok: true, value: true });
    expect(directiveValue('paginate', 'yes')).toMatchObject({ ok: false });
    expect(directiveValue('class', ['lead', 'invert'])).toEqual({ ok: true, value: 'lead invert' });
    expect(directiveValue('footer', { a: 1 })).toMatchObject({ ok: false, message: 'footer: expected text, not a mapping; it is ignored' });
  });

  it('takes a number as its text and names an empty value or a list where text belongs', () => {
    expect(directiveValue('footer', 2024)).toEqual({ ok: true, value: '2024' });
    expect(directiveValue('footer', null)).toEqual({ ok: false, message: 'footer: expected text, not an empty value; it is ignored' });
    expect(directiveValue('footer', ['a', 'b'])).toEqual({ ok: false, message: 'footer: expected text, not a list; it is ignored' });
    expect(directiveValue('class', ['lead', { color: 'red' }])).toMatchObject({
      ok: false,
      message: 'class: expected text, not a list; it is ignored',
    });
    expect(directiveValue('paginate', null)).toMatchObject({
      ok: false,
      message: 'paginate: null is not true, false, hold or skip; it is ignored',
    });
    expect(['hold', 'skip', 'maybe'].map((value) => directiveValue('paginate', value).ok && directiveValue('paginate', value))).toEqual([
      { ok: true, value: 'hold' },
      { ok: true, value: 'skip' },
      false,
    ]);
    expect(directiveValue('size', null)).toMatchObject({
      ok: false,
      message: expect.stringContaining("size: null is not one of Marp's sizes"),
    });
    expect(directiveValue('size', ' 4:3 ')).toEqual({ ok: true, value: '4:3' });
  });

  it.each([
    [1, [1]],
    [6, [1, 2, 3, 4, 5, 6]],
    [
      [2, 4],
      [2, 4],
    ],
  ])('takes headingDivider %j as the levels %j', (value, levels) => {
    expect(directiveValue('headingDivider', value)).toEqual({ ok: true, value: levels });
  });

  it.each([[0], [1.5], [true], [[]], [[2, 9]], [[2, true]]])('names headingDivider %j: not a heading level', (value) => {
    expect(directiveValue('headingDivider', value)).toMatchObject({
      ok: false,
      message: expect.stringContaining('is not a heading level'),
    });
  });
});

describe('a Marp deck with directives (tests/fixtures/decks/field/marp-en)', () => {
  it('gives each slide its class, background, colour, header, footer and page number as Marp applies them', async () => {
    const deck = await loadDeck(TALK);
    const view = deck.slides.map((slide) => ({
      title: slide.title,
      class: slide.attributes.class,
      background: slide.attributes['data-background-color'] ?? slide.attributes['data-background-image']?.replace(/^.*\//, ''),
      color: slide.attributes['data-color'],
      header: slide.marginals?.header,
      footer: slide.marginals?.footer,
      paginate: slide.marginals?.paginate ?? false,
    }));
    const footer = '<strong>Platform Day</strong> — 2024';
    expect(view).toEqual([
      { title: 'Shipping Faster with Small Batches', class: 'lead', paginate: false },
      { title: 'Why batch size matters', footer, paginate: true },
      { title: 'Our numbers', background: '#12355b', color: 'white', footer, paginate: true },
      { title: 'A quiet reminder', class: 'invert', footer, paginate: true },
      { title: 'Trunk-based development', background: 'grid.svg', header: 'Part 2 · Practice', footer, paginate: true },
      { title: 'Feature flags', background: 'grid.svg', header: 'Part 2 · Practice', footer, paginate: true },
      { title: 'Thank you', class: 'lead', footer, paginate: true },
    ]);
    expect(deck.assets.map((asset) => asset.target)).toContain('images/grid.svg');
    expect(deck.inlineStyles).toEqual(['section.lead h1 {\n  font-size: 72px;\n}\n']);
  });

  it('keeps directive comments out of slides and notes; other comments stay notes; reveal.js numbers nothing', async () => {
    const deck = await loadDeck(TALK);
    for (const slide of deck.slides) expect(`${slide.html}${slide.notes}`).not.toMatch(/_class|paginate|_footer|backgroundImage|_color/);
    expect(deck.slides.map((slide) => slide.notes)).toEqual([
      'Welcome everyone, and thank the organisers.',
      'Ask the room how big their last pull request was.',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect([deck.config.slideNumber, deck.config.revealOptions.controlsLayout]).toEqual([false, 'edges']);
    expect(deck.warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('theme "default" is a Marp')]);
  });

  it('names a bad value, a spot prefix on a global directive and one not read here, each at its file and line', async () => {
    const talk = [
      '---', // 1
      'marp: true', // 2
      'size: 5:7', // 3
      'headingDivider: x', // 4
      '---', // 5
      '', // 6
      '# One', // 7
      '', // 8
      '<!--', // 9
      'paginate: maybe', // 10
      '_theme: gaia', // 11
      'transition: fade', // 12
      'backgroundImage: "image.png"', // 13
      '-->', // 14
    ].join('\n');
    const deck = await loadDeck(folder('bad', { 'talk.md': talk }));
    expect(deck.warnings.map((warning) => [warning.file, warning.line, warning.message.split(' is ')[0]])).toEqual([
      ['talk.md', 3, 'size: "5:7"'],
      ['talk.md', 4, 'headingDivider: "x"'],
      ['talk.md', 11, '"_theme": theme'],
      ['talk.md', 12, '"transition"'],
      ['talk.md', 10, 'paginate: "maybe"'],
      ['talk.md', 13, 'backgroundImage: "image.png"'],
    ]);
    expect([deck.config.width, deck.config.height, deck.slides.length]).toEqual([1280, 720, 1]);
  });

  it('reads global directives written in comments: size as the slide size, theme and title as settings', async () => {
    const deck = await loadDeck(
      folder('globals', { 'talk.md': '---\nmarp: true\n---\n\n<!-- size: 4:3 -->\n<!-- title: Small Batches -->\n\n# One\n' }),
    );
    expect([deck.config.width, deck.config.height, deck.config.title]).toEqual([960, 720, 'Small Batches']);
    expect(deck.slides[0]!.html).not.toContain('size');
  });

  it('applies a directive comment that opens with a YAML comment line; a note with a colon, a key twice or an alias is a note', async () => {
    const talk = [
      '---\nmarp: true\n---\n\n# One\n\n<!--\n# Part 2 looks dark\n_class: invert\n-->\n\n<!-- Note: the demo needs wifi -->',
      '# Two\n\n<!--\n_class: lead\n_class: invert\n-->',
      '# Three\n\n<!-- _footer: *Draft* -->',
    ].join('\n\n---\n\n');
    const deck = await loadDeck(folder('notes', { 'talk.md': talk }));
    expect(deck.slides.map((slide) => [slide.attributes.class, slide.marginals?.footer, slide.notes])).toEqual([
      ['invert', undefined, 'Note: the demo needs wifi'],
      [undefined, undefined, '_class: lead\n_class: invert'],
      [undefined, undefined, '_footer: *Draft*'],
    ]);
  });

  it("sets both sides of the slide from size, over a config file's own size", async () => {
    const deck = await loadDeck(
      folder('sized', { 'deck.config.yaml': 'width: 1920\nheight: 1080\n', 'talk.md': '---\nmarp: true\nsize: 4:3\n---\n\n# One\n' }),
    );
    expect([deck.config.width, deck.config.height]).toEqual([960, 720]);
  });

  it('in a deck not written for Marp, a comment is only a comment', async () => {
    const deck = await loadDeck(folder('reveal', { 'talk.md': '<!-- _class: lead -->\n\n# One\n' }));
    expect(deck.slides[0]!.attributes.class).toBeUndefined();
    expect(deck.slides[0]!.marginals).toBeUndefined();
  });
});
