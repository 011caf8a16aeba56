/** What Slidev's components need the whole deck for: the slide's number, the number of slides, the table of contents. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/decks/slidev');

describe('Slidev placeholders', () => {
  it('<SlideCurrentNo /> / <SlidesTotal /> read the slide’s number and the deck’s count', async () => {
    const deck = await loadDeck(FIXTURE);
    expect(deck.slides[1]!.html).toContain('<p><span class="slidev-current-no">2</span> / <span class="slidev-slides-total">18</span></p>');
  });

  it('<Toc /> lists the slides whose first heading is a level-1 heading, each a link to its slide', async () => {
    const deck = await loadDeck(FIXTURE);
    const toc = deck.slides.find((slide) => slide.title === 'Table of contents')!.html;
    const entries = [...toc.matchAll(/<li><a href="#([\w-]+)">([^<]*)<\/a><\/li>/g)].map((match) => [match[1], match[2]]);
    expect(entries.slice(0, 3)).toEqual([
      ['slide-1', 'Shipping a Design System'],
      ['slide-2', 'Hi, I&#39;m Alex'],
      ['slide-3', 'Four stops'],
    ]);
    // The quote and the end slide have no heading: they are not listed.
    expect(entries.map(([, title]) => title)).not.toContain('Slide 11');
    expect(entries).toHaveLength(16);
  });

  it('<Toc /> leaves out a slide whose front matter says hideInToc: true', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-slidev-toc-'));
    writeFileSync(
      join(dir, 'slides.md'),
      '---\nlayout: cover\nhideInToc: true\n---\n\n# Cover\n\n---\n\n# Contents\n\n<Toc />\n\n---\nhideInToc: true\n---\n\n# Aside\n\n---\n\n# Results\n',
    );
    const deck = await loadDeck(dir);
    rmSync(dir, { recursive: true, force: true });
    const toc = deck.slides[1]!.html;
    expect([...toc.matchAll(/<li><a href="#[\w-]+">([^<]*)<\/a><\/li>/g)].map((match) => match[1])).toEqual(['Contents', 'Results']);
  });

  it('fills <SlideCurrentNo /> on a slide of its own, and <Toc /> lists a slide whose level-1 heading is HTML with a class', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-slidev-no-'));
    writeFileSync(
      join(dir, 'slides.md'),
      '---\nlayout: cover\n---\n\n# Cover\n\n---\n\n<h1 class="text-5xl">Roadmap</h1>\n\nPage <SlideCurrentNo />\n\n---\n\n<Toc />\n',
    );
    const deck = await loadDeck(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(deck.slides[1]!.html).toContain('<p>Page <span class="slidev-current-no">2</span></p>');
    expect(deck.slides[2]!.html).toBe(
      '<nav class="slidev-toc"><ul><li><a href="#slide-1">Cover</a></li><li><a href="#slide-2">Roadmap</a></li></ul></nav>',
    );
  });
});
