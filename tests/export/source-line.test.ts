import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/index.js';
import { lineOfElement, slideLines, type SlideLines } from '../../src/export/source-line.js';

/** A slide starting on line 20 of its file. */
const slide: SlideLines = {
  first: 20,
  lines: [
    '## Parts', // 20
    '',
    '<div class="card" id="first">One</div>', // 22
    '<div class="card">Two</div>', // 23
    '![diagram](images/flow%20chart.png)', // 24
    '<section>', // 25
    '  <p>Custom words here</p>', // 26
    '</section>',
  ],
};

describe('lineOfElement: the line an element of a slide is written on', () => {
  it('finds an element by its id first', () => {
    expect(lineOfElement(slide, { tag: 'div', id: 'first', classes: ['card'] })).toBe(22);
  });

  it('finds an image by its file name, however the page spells its path', () => {
    expect(lineOfElement(slide, { tag: 'img', classes: [], src: 'assets/images/flow%20chart.png' })).toBe(24);
  });

  it('gives alike elements their own lines in order, searching on from the last one found', () => {
    const first = lineOfElement(slide, { tag: 'div', classes: ['card'] });
    expect(first).toBe(22);
    expect(lineOfElement(slide, { tag: 'div', classes: ['card'] }, first + 1)).toBe(23);
  });

  it('finds an element by its text when it has no id, class or image', () => {
    expect(lineOfElement(slide, { tag: 'p', classes: [], text: 'Custom words here' })).toBe(26);
  });

  it('falls back to its tag, then to the slide’s first line', () => {
    expect(lineOfElement(slide, { tag: 'section', classes: [], text: 'made by a layout' })).toBe(25);
    expect(lineOfElement(slide, { tag: 'canvas', classes: ['chart'] })).toBe(20);
  });
});

describe('slideLines: each slide’s own lines in its file', () => {
  it('cuts a file at the next slide, per file, so an element is never found on another slide', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-source-line-'));
    try {
      writeFileSync(join(dir, '01.md'), '# One\n\n<div class="x">a</div>\n\n---\n\n## Two\n\n<div class="x">b</div>\n');
      writeFileSync(join(dir, '02.md'), '## Three\n\n<div class="x">c</div>\n');
      const deck = await loadDeck(dir);
      const lines = await slideLines(deck);
      const found = deck.slides.map((s) => [s.file, lineOfElement(lines.get(s.id)!, { tag: 'div', classes: ['x'] })]);
      expect(found).toEqual([
        ['01.md', 3],
        ['01.md', 9],
        ['02.md', 3],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
