/**
 * A Pandoc-style deck (tests/fixtures/decks/pandoc-features) gives the slides `pandoc -t revealjs` gives: notes
 * without their fences and text after them back on the slide, pauses and incremental lists as fragment steps,
 * heading attributes on the slide's <section>, and a background image copied like reveal.js's.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/decks/pandoc-features/talk.md');

describe('a Pandoc deck', async () => {
  const deck = await loadDeck(FIXTURE);
  const [pauses, lists, columns, code] = deck.slides;

  it('has the notes Pandoc puts in <aside class="notes">, and nothing of them on the slide', () => {
    expect(deck.slides.map((slide) => slide.notesHtml)).toEqual([
      '<p>Speaker <strong>notes</strong> here.</p>',
      '',
      '',
      '<p>Braced notes.</p>',
    ]);
    expect(pauses!.notes).toBe('Speaker notes here.');
    expect(pauses!.html).toContain('Back on the slide');
    const outsideCode = deck.slides.map((slide) => slide.html.replace(/<pre>[\s\S]*?<\/pre>/g, '')).join('');
    expect(outsideCode).not.toMatch(/:::|notes here|Braced/);
  });

  it('counts pauses, incremental items, fragment spans and divs as steps', () => {
    expect(deck.slides.map((slide) => slide.fragments)).toEqual([2, 4, 2, 0]);
    expect(code!.html).toContain('<pre><code>. . .\n::: notes</code></pre>');
  });

  it("puts a slide heading's id, class and background on the slide", () => {
    expect(pauses!.id).toBe('pauses');
    expect(pauses!.attributes).toMatchObject({ class: 'smaller', 'data-background-color': '#eef3ff' });
    expect(lists!.attributes['data-background-image']).toBe('dot.png');
    expect(JSON.stringify(deck.assets)).toContain('dot.png');
    expect(columns!.html).toContain('<div class="columns"');
  });
});
