/** Marp's local directives hold from their slide on, spot ones (`_key`) on their slide only, as marpit applies them. */
import { describe, expect, it } from 'vitest';
import type { DeckWarning } from '../../src/core/warnings.js';
import type { DirectiveEntry } from '../../src/content/marp-directives.js';
import { createMarpCursor } from '../../src/content/marp-look.js';

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
});
