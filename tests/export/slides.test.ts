import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';
import type { Deck } from '../../src/content/types.js';
import { deckOutline, expectedDeckPages, pagesForSlide, splitsFragments } from '../../src/export/slides.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const { folder } = useTempFolder('deck-export-slides-');

const item = (text: string) => `- ${text} <!-- .element: class="fragment" -->`;

/** Four slides: 2 fragment steps; 1 step but opts out; none; 3 steps and opts in. */
const FRAGMENTS = {
  '01-a.md': [
    '# Steps',
    '',
    item('one'),
    item('two'),
    '',
    '---',
    '',
    '<!-- .slide: data-pdf-fragments="false" -->',
    '# Kept whole',
    '',
    item('only'),
    '',
    '---',
    '',
    '# Plain',
    '',
    'text',
    '',
    '---',
    '',
    '<!-- .slide: data-pdf-fragments="true" -->',
    '# Always split',
    '',
    item('x'),
    item('y'),
    item('z'),
    '',
  ].join('\n'),
};

async function fragmentDeck(fragments: boolean): Promise<Deck> {
  return loadDeck(folder(`fragments-${fragments}`, FRAGMENTS), { flags: { pdf: { fragments } } });
}

describe('pages per slide', () => {
  it('with pdf.fragments on: one page per fragment step plus the first state, unless a slide opts out', async () => {
    const deck = await fragmentDeck(true);
    expect(deck.slides.map((slide) => slide.fragments)).toEqual([2, 1, 0, 3]);
    expect(deck.slides.map((slide) => splitsFragments(slide, true))).toEqual([true, false, false, true]);
    expect(deck.slides.map((slide) => pagesForSlide(slide, true))).toEqual([3, 1, 1, 4]);
    expect(expectedDeckPages(deck)).toBe(9);
  });

  it('with pdf.fragments off: one page per slide, except a slide that asks for its steps', async () => {
    const deck = await fragmentDeck(false);
    expect(deck.slides.map((slide) => splitsFragments(slide, false))).toEqual([false, false, false, true]);
    expect(deck.slides.map((slide) => pagesForSlide(slide, false))).toEqual([1, 1, 1, 4]);
    expect(expectedDeckPages(deck)).toBe(7);
  });

  it('a slide that asks for its steps but has none takes one page', async () => {
    const deck = await loadDeck(folder('opt-in-empty', { 'a.md': '<!-- .slide: data-pdf-fragments="true" -->\n# Nothing to step\n' }), {
      flags: { pdf: { fragments: false } },
    });
    expect(splitsFragments(deck.slides[0]!, false)).toBe(false);
    expect(splitsFragments(deck.slides[0]!, true)).toBe(false);
    expect(expectedDeckPages(deck)).toBe(1);
  });
});

describe('bookmarks', () => {
  it('one per file at its first slide, its slides beneath; a lone slide titled as its file has none beneath', async () => {
    const deck = await loadDeck(
      folder('outline', {
        '01-intro.md': '---\ntitle: Intro\n---\n# Intro\n',
        '02-body.md': '---\ntitle: Body\n---\n# First\n\n---\n\n# Second\n\n----\n\n# Second, below\n',
        '03-lone.md': '---\ntitle: Lone file\n---\n# Another title\n',
        '04-untitled.md': '# Only heading\n\n---\n\n# Next\n',
      }),
    );
    // Pages as the PDF lays them out: slide i starts at page 2 i (as if every slide took two pages).
    const outline = deckOutline(deck, (slide) => slide.index * 2);
    expect(outline).toEqual([
      { title: 'Intro', page: 0, children: [] },
      {
        title: 'Body',
        page: 2,
        children: [
          { title: 'First', page: 2 },
          { title: 'Second', page: 4 },
          { title: 'Second, below', page: 6 },
        ],
      },
      { title: 'Lone file', page: 8, children: [{ title: 'Another title', page: 8 }] },
      {
        title: 'Only heading',
        page: 10,
        children: [
          { title: 'Only heading', page: 10 },
          { title: 'Next', page: 12 },
        ],
      },
    ]);
  });

  it('slides not in the PDF are left out; a file none of whose slides is in it has no bookmark', async () => {
    const deck = await loadDeck(
      folder('outline-missing', {
        '01-a.md': '---\ntitle: A\n---\n# A one\n\n---\n\n# A two\n',
        '02-b.md': '---\ntitle: B\n---\n# B one\n',
        '03-c.md': '---\ntitle: C\n---\n# C one\n\n---\n\n# C two\n',
      }),
    );
    const pages = new Map([
      ['A two', 0],
      ['C one', 1],
      ['C two', 2],
    ]);
    const outline = deckOutline(deck, (slide) => pages.get(slide.title));
    expect(outline).toEqual([
      { title: 'A', page: 0, children: [{ title: 'A two', page: 0 }] },
      {
        title: 'C',
        page: 1,
        children: [
          { title: 'C one', page: 1 },
          { title: 'C two', page: 2 },
        ],
      },
    ]);
  });

  it('a file whose title is empty is named after its first slide in the PDF', async () => {
    const deck = await loadDeck(folder('outline-untitled', { 'a.md': "---\ntitle: ''\n---\n# Opening\n\n---\n\n# Closing\n" }));
    expect(deck.sections[0]!.title).toBe('');
    const outline = deckOutline(deck, (slide) => (slide.index === 0 ? undefined : 5));
    expect(outline).toEqual([{ title: 'Closing', page: 5, children: [{ title: 'Closing', page: 5 }] }]);
  });
});
