/** Marp's local directives hold from their slide on, spot ones (`_key`) on their slide only, as marpit applies them. */
import { describe, expect, it } from 'vitest';
import type { DeckWarning } from '../../src/core/warnings.js';
import { loadDeck } from '../../src/content/deck.js';
import type { DirectiveEntry } from '../../src/content/marp-directives.js';
import { createMarpCursor } from '../../src/content/marp-look.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const { folder } = useTempFolder('deck-marp-look-');

const entry = (key: string, value: unknown, line = 1): DirectiveEntry => ({
  key: key.replace(/^_/, ''),
  spot: key.startsWith('_'),
  value,
  line,
});

describe('the Marp cursor', () => {
  it('carries local directives on to later slides and spot directives not', () => {
    const cursor = createMarpCursor();
    const warnings: DeckWarning[] = [];
    const first = cursor(
      [entry('paginate', true), entry('footer', 'Talk'), entry('_paginate', false), entry('_class', 'lead')],
      'a.md',
      warnings,
    );
    const second = cursor([entry('backgroundColor', 'aqua'), entry('_color', 'white')], 'a.md', warnings);
    const third = cursor([entry('footer', '')], 'b.md', warnings);
    expect(first).toEqual({ attributes: { class: 'lead' }, footer: 'Talk', paginate: false });
    expect(second).toEqual({
      attributes: { 'data-background-color': 'aqua', style: 'color: white', 'data-color': 'white' },
      footer: 'Talk',
      paginate: true,
    });
    expect(third).toEqual({ attributes: { 'data-background-color': 'aqua' }, paginate: true });
    expect(warnings).toEqual([]);
  });

  it('reads backgroundImage as an image, a gradient or none, and names anything else once, where it is set', () => {
    const cursor = createMarpCursor();
    const warnings: DeckWarning[] = [];
    const image = cursor([entry('backgroundImage', "url('images/grid.svg')"), entry('_backgroundSize', 'contain')], 't.md', warnings);
    const gradient = cursor([entry('_backgroundImage', 'linear-gradient(to bottom, #67b8e3, #0288d1)')], 't.md', warnings);
    const none = cursor([entry('backgroundImage', 'none')], 't.md', warnings);
    const bad = cursor([entry('backgroundImage', 'grid.svg', 9)], 't.md', warnings);
    const after = cursor([], 't.md', warnings);
    expect(image.attributes).toEqual({ 'data-background-image': 'images/grid.svg', 'data-background-size': 'contain' });
    expect(gradient.attributes).toEqual({ 'data-background-gradient': 'linear-gradient(to bottom, #67b8e3, #0288d1)' });
    expect([none.attributes, bad.attributes, after.attributes]).toEqual([{}, {}, {}]);
    expect(warnings).toEqual([
      { file: 't.md', line: 9, message: 'backgroundImage: "grid.svg" is not url(…) or a gradient; it is ignored' },
    ]);
  });

  it('reads url(…) quoted or not, with blanks inside its parentheses', () => {
    const cursor = createMarpCursor();
    const warnings: DeckWarning[] = [];
    const images = ['url(images/grid.svg)', 'url( "images/grid.svg" )', "url('images/grid.svg')"].map(
      (value) => cursor([entry('_backgroundImage', value)], 't.md', warnings).attributes,
    );
    expect(images).toEqual([1, 2, 3].map(() => ({ 'data-background-image': 'images/grid.svg' })));
    expect(warnings).toEqual([]);
  });

  it('draws the first image of several layers and says so; a gradient written first is drawn whole', () => {
    // Marp draws every layer of a CSS background; reveal.js's data-background-image takes one image.
    const cursor = createMarpCursor();
    const warnings: DeckWarning[] = [];
    const layers = 'url(images/logo.png), linear-gradient(to bottom, #67b8e3, #0288d1)';
    const image = cursor([entry('_backgroundImage', layers, 4)], 't.md', warnings);
    const gradient = cursor([entry('_backgroundImage', 'radial-gradient(circle, white, aqua), url(images/logo.png)')], 't.md', warnings);
    expect(image.attributes).toEqual({ 'data-background-image': 'images/logo.png' });
    expect(gradient.attributes).toEqual({ 'data-background-gradient': 'radial-gradient(circle, white, aqua), url(images/logo.png)' });
    expect(warnings).toEqual([
      { file: 't.md', line: 4, message: `backgroundImage: "${layers}" has more than one layer; reveal.js draws one, the first image` },
    ]);
  });

  it('reads a value without the line break YAML keeps at the end of a folded one (key: >), and sets no attribute it has no value for', () => {
    const cursor = createMarpCursor();
    const warnings: DeckWarning[] = [];
    const look = cursor(
      [entry('_class', 'lead\n'), entry('_backgroundImage', 'url(images/grid.svg)\n'), entry('_header', '**Part 2**\n')],
      't.md',
      warnings,
    );
    // toStrictEqual: an attribute set to undefined would be written class="undefined" on the slide.
    expect(look).toStrictEqual({
      attributes: { class: 'lead', 'data-background-image': 'images/grid.svg' },
      header: '**Part 2**',
      paginate: false,
    });
    // A blank value clears the directive, as in Marp: no attribute, and nothing to warn about.
    expect(cursor([entry('_color', ' '), entry('_backgroundImage', '')], 't.md', warnings)).toStrictEqual({
      attributes: {},
      paginate: false,
    });
    expect(warnings).toEqual([]);
  });
});

describe('a Marp slide’s header, footer and page number', () => {
  it('are there when a directive asks for one of them, and a slide that asks for none has no marginals', async () => {
    const talk = [
      '---\nmarp: true\n---\n\n# Plain',
      '<!-- _header: Part 2 -->\n\n# Header',
      '<!-- _footer: Platform Day -->\n\n# Footer',
      '<!-- _paginate: true -->\n\n# Page number',
      '<!-- _header: "" -->\n\n# Blank header',
      '<!-- _paginate: hold -->\n\n# Held',
      '<!-- _paginate: skip -->\n\n# Skipped',
    ].join('\n\n---\n\n');
    const deck = await loadDeck(folder('marginals', { 'talk.md': talk }));
    expect(deck.slides.map((slide) => slide.marginals)).toStrictEqual([
      undefined,
      { header: 'Part 2', paginate: false },
      { footer: 'Platform Day', paginate: false },
      { paginate: true },
      undefined,
      // hold shows the number before it, skip none; neither counts as a page (src/render/render.ts numbers them).
      { paginate: true, uncounted: true },
      { paginate: false, uncounted: true },
    ]);
  });

  it('are one line of inline Markdown, as marpit renders them: no heading, list or paragraph, emphasis kept', async () => {
    const talk =
      "---\nmarp: true\nheader: '## Part 2'\nfooter: '2024. *Platform* Day'\n---\n\n# One\n\n---\n\n<!-- _header: '- [Home](https://example.org)' -->\n\n# Two\n";
    const deck = await loadDeck(folder('inline-marginals', { 'talk.md': talk }));
    expect(deck.slides.map((slide) => [slide.marginals?.header, slide.marginals?.footer])).toEqual([
      ['## Part 2', '2024. <em>Platform</em> Day'],
      ['- <a href="https://example.org">Home</a>', '2024. <em>Platform</em> Day'],
    ]);
  });
});
