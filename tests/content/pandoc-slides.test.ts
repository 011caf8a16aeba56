/**
 * Pandoc's slide levels: which decks are Pandoc-style, their default slide level, and the slides, stacks and titles
 * `pandoc -t revealjs` (2.17) makes of their headings and rules. Each expected layout was read from Pandoc's output
 * for the same Markdown (its <section> nesting), written out here so Pandoc is not needed to run the tests.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { parseDeck } from '../../src/content/deck.js';
import { slideLevels } from '../../src/content/pandoc-slides.js';
import { pandocStyle } from '../../src/content/pandoc-style.js';
import type { Sources } from '../../src/content/sources.js';
import type { Deck } from '../../src/content/types.js';

const SEPARATORS = { separator: '\\r?\\n---\\r?\\n', verticalSeparator: '\\r?\\n----\\r?\\n' };

/** The deck of `talk.md` holding `text` (and any other files), parsed. */
function deckOf(text: string, files: Record<string, string> = {}): Deck {
  const all = { 'talk.md': text, ...files };
  const sources: Sources = {
    root: '/deck',
    input: '/deck',
    files: Object.entries(all).map(([name, fileText]) => ({ path: `/deck/${name}`, name, text: fileText })),
  };
  return parseDeck(sources, undefined);
}

/** A one-file deck from `text`; each slide as [h, v, title]. */
function layout(text: string, files: Record<string, string> = {}): [number, number, string][] {
  return deckOf(text, files).slides.map((slide) => [slide.h, slide.v, slide.title]);
}

describe('Pandoc slide levels', () => {
  it('default: the highest level of a heading followed at once by content (not a heading, rule or the end)', () => {
    expect(slideLevels(['# A\n\n## a1\n\nx\n'], SEPARATORS).slideLevel).toBe(2);
    expect(slideLevels(['# A\n\nContent A\n\n## a1\n\nmore\n'], SEPARATORS).slideLevel).toBe(1);
    expect(slideLevels(['# A\n\n---\n\n## a1\n\n### deep\n\nx\n'], SEPARATORS).slideLevel).toBe(3);
    expect(slideLevels(['# Title\n\n## Subtitle\n'], SEPARATORS).slideLevel).toBe(6);
    // A heading in code, in speaker notes or after text in a div is not one of the deck's headings; one that starts
    // a div is (Pandoc makes the div a slide).
    expect(slideLevels(['```\n# code\ntext\n```\n\n::: notes\n# note\n\ntext\n:::\n\n## B\n\nx\n'], SEPARATORS).slideLevel).toBe(2);
    expect(slideLevels(['## A\n\nx\n\n::: box\ntext\n\n# In\n\ny\n:::\n'], SEPARATORS).slideLevel).toBe(2);
    expect(slideLevels(['## A\n\nx\n\n::: box\n# Big\n\ntext\n:::\n'], SEPARATORS).slideLevel).toBe(1);
    expect(slideLevels(['# A\n\n## a\n', '# B\n\nx\n'], SEPARATORS).slideLevel).toBe(1);
  });

  it('# sections with ## slides are vertical stacks; content under # stays on its title slide; a rule starts an untitled slide', () => {
    // pandoc -t revealjs: <section><section #section-a title-slide/><section #slide-one/>…</section></section>…
    const text =
      '::: notes\nPandoc deck\n:::\n\n# Section A\n\n## Slide one\n\nText one\n\n## Slide two\n\nText two\n\n---\n\nAfter rule\n\n' +
      '# Section B {#sb}\n\n## Slide three\n\n- item\n';
    expect(layout(text)).toEqual([
      [0, 0, 'Slide 1'],
      [1, 0, 'Section A'],
      [1, 1, 'Slide one'],
      [1, 2, 'Slide two'],
      [1, 3, 'Slide 5'],
      [2, 0, 'Section B'],
      [2, 1, 'Slide three'],
    ]);
  });

  it('a slide level of 1 makes every # a slide (## in it), 3 nests ## title slides in the # stack, 0 splits at rules only', () => {
    const text = '% Title block\n\n# Only A\n\nContent A\n\n## Sub a\n\nmore\n\n# Only B\n\n## Sub b\n\nx\n';
    expect(layout(text)).toEqual([
      [0, 0, 'Only A'],
      [1, 0, 'Only B'],
    ]);
    expect(layout(`---\nslide-level: 2\n---\n${text.replace('% Title block\n', '')}`)).toEqual([
      [0, 0, 'Only A'],
      [0, 1, 'Sub a'],
      [1, 0, 'Only B'],
      [1, 1, 'Sub b'],
    ]);
    const three = '---\nslide-level: 3\n---\n# A\n\n## a1\n\nx\n\n### a11 {#a11 .small}\n\nq\n\n#### deep {.x}\n\nz\n';
    // The slide heading's attributes go to its slide at slide level 3; a deeper heading keeps its own.
    const deep = deckOf(three).slides[2]!;
    expect([deep.id, deep.attributes.class]).toEqual(['a11', 'small']);
    expect(deep.html).toContain('<h4 class="x">deep</h4>');
    expect(layout(three)).toEqual([
      [0, 0, 'A'],
      [0, 1, 'a1'],
      [0, 2, 'a11'],
    ]);
    expect(layout('---\nslide-level: 0\n---\n# A\n\nx\n\n## B\n\ny\n\n---\n\n# C\n\nz\n')).toEqual([
      [0, 0, 'A'],
      [1, 0, 'C'],
    ]);
  });

  it('with no # heading the top level forms the stacks: ## sections of ### slides (slide level 3)', () => {
    expect(layout('%\n\n## B\n\n### b1\n\nx\n\n### b2\n\ny\n\n## C\n\n### c1\n\nz\n')).toEqual([
      [0, 0, 'B'],
      [0, 1, 'b1'],
      [0, 2, 'b2'],
      [1, 0, 'C'],
      [1, 1, 'c1'],
    ]);
  });

  it('keeps each slide on its own file line, a heading in code or inside a div in its slide; a div starting with one is a slide', () => {
    const text =
      '%\n\n# A\n\n## One\n\n```\n## not a slide\n```\n\n::: {.box}\ntext\n\n## not one\n:::\n\n' +
      '::: {.box}\n## Boxed\n\ny\n:::\n\n## Two\n\nx\n';
    const deck = deckOf(text);
    expect(deck.slides.map((slide) => [slide.h, slide.v, slide.title, slide.line])).toEqual([
      [0, 0, 'A', 3],
      [0, 1, 'One', 5],
      [0, 2, 'Boxed', 17],
      [0, 3, 'Two', 23],
    ]);
    expect(deck.slides[1]!.html).toContain('not one');
    const raw = '%\n\n# Raw\n\n<section>\n\n## In A\n\n</section>\n<section>\n\n## In B\n\n</section>\n\n## After\n\nx\n';
    expect(layout(raw)).toEqual([
      [0, 0, 'Raw'],
      [0, 1, 'After'],
    ]);
    expect(deck.slides[2]!.html).toMatch(/<div class="box">\s*<h2>Boxed<\/h2>/);
  });

  it('reads headings to the last line of a file with no final newline; a line of spaces is no content', () => {
    expect(layout('%\n\n# A\n\nx\n\n# B')).toEqual([
      [0, 0, 'A'],
      [1, 0, 'B'],
    ]);
    // Trailing blanks an editor left: # Title is still followed by a heading, not by content.
    expect(slideLevels(['# Title\n   \n## Sub\n\ntext\n'], SEPARATORS).slideLevel).toBe(2);
  });

  it('code showing Pandoc or HTML syntax hides no heading after it, and a fence never closed hides those in it', () => {
    // A <section> or an unclosed ::: shown in code, a heading right after the closing fence.
    expect(layout('%\n\n# A\n\n```html\n<section>\n```\n# B\n\nx\n\n```markdown\n::: columns\n```\n\n# C\n\ny\n')).toEqual([
      [0, 0, 'A'],
      [1, 0, 'B'],
      [2, 0, 'C'],
    ]);
    // The shell comment is code to the end, though another fence opens below it.
    expect(slideLevels(['## A\n\nx\n\n```\n# comment\n\ntext\n```python\nprint()\n'], SEPARATORS).slideLevel).toBe(2);
    expect(slideLevels(['## A\n\nx\n\n```sh\n# comment\ntext\n'], SEPARATORS).slideLevel).toBe(2);
  });

  it("raw <section> elements with attributes or a spaced end tag are the author's slides too", () => {
    const raw = '%\n\n# Raw\n\n<section data-background-color="black">\n\n## In A\n\n</section >\n\n## After\n\nx\n';
    expect(layout(raw)).toEqual([
      [0, 0, 'Raw'],
      [0, 1, 'After'],
    ]);
  });

  it('a stray closing ::: hides no later heading; a heading at the top of a nested div stays in its slide', () => {
    expect(layout('%\n\n# A\n\nx\n\n:::\n\n# B\n\ny\n')).toEqual([
      [0, 0, 'A'],
      [1, 0, 'B'],
    ]);
    const columns =
      '---\nslide-level: 3\n---\n## Compare\n\n:::: columns\n::: column\n### Left\n\nx\n:::\n::: column\n### Right\n\ny\n:::\n::::\n';
    expect(layout(columns)).toEqual([[0, 0, 'Compare']]);
  });

  it('a file may start with a vertical separator; a heading after the first in its slide starts a new stack', () => {
    expect(layout('%\n\n----\n\n## A\n\nx\n')).toEqual([[0, 0, 'A']]);
    expect(layout('%\n\n# A\n\na\n\n----\n\n# B\n\nb\n\n# C\n\nc\n')).toEqual([
      [0, 0, 'A'],
      [0, 1, 'B'],
      [1, 0, 'C'],
    ]);
  });

  it('an untitled first slide keeps its file line', () => {
    expect(deckOf('%\n\nIntro\n\n## One\n\nx\n').slides.map((slide) => [slide.title, slide.line])).toEqual([
      ['Slide 1', 3],
      ['One', 5],
    ]);
  });

  it('reveal.js and reveal-md decks are not Pandoc-style: their headings never split a slide', () => {
    const plain = '# A\n\n## a1\n\nx\n\n## a2\n\ny\n';
    expect(layout(plain)).toEqual([[0, 0, 'A']]);
    expect(layout(`${plain}\n---\n\n# B\n\nNote: said\n`)).toEqual([
      [0, 0, 'A'],
      [1, 0, 'B'],
    ]);
    const config = resolveConfig([]);
    expect(pandocStyle(config, [{ text: plain, body: plain, data: {} }])).toBeUndefined();
    // Own separators: the author chose how to split (unless the deck sets slide-level).
    const own = resolveConfig([{ source: 'talk.md', values: { separator: '^\\n\\n\\n' } }]);
    expect(pandocStyle(own, [{ text: '::: notes\nx\n:::\n', body: '::: notes\nx\n:::\n', data: {} }])).toBeUndefined();
    const ownVertical = resolveConfig([{ source: 'talk.md', values: { verticalSeparator: '^\n--\n' } }]);
    expect(pandocStyle(ownVertical, [{ text: '::: notes\nx\n:::\n', body: '::: notes\nx\n:::\n', data: {} }])).toBeUndefined();
  });

  it('recognises Pandoc by slide-level, a Pandoc or Quarto key, a % title block, a fenced div or a pause', () => {
    const config = resolveConfig([]);
    const body = '# A\n\nx\n\n## B\n\ny\n';
    const style = (text: string, data: Record<string, unknown> = {}, fileValues: Record<string, unknown> = {}) =>
      pandocStyle(config, [{ text, body: text, data }], fileValues);
    expect(style(body, { toc: true })).toEqual({ slideLevel: 1, topLevel: 1, explicit: false });
    expect(style(body, {}, { incremental: true })?.slideLevel).toBe(1);
    // Quarto's revealjs format has slide level 2.
    expect(style(body, { format: 'revealjs' })).toEqual({ slideLevel: 2, topLevel: 1, explicit: false });
    expect(style(`${body}\n. . .\n\nz\n`)?.slideLevel).toBe(1);
    expect(style(`${body}\n::: {.box}\nz\n:::\n`)?.slideLevel).toBe(1);
    // One file of several with a div is enough.
    const second = `${body}\n::: {.box}\nz\n:::\n`;
    expect(
      pandocStyle(config, [
        { text: body, body, data: {} },
        { text: second, body: second, data: {} },
      ])?.slideLevel,
    ).toBe(1);
    // A div that never closes, a pause or ::: in code: not Pandoc's.
    expect(style(`${body}\n::: box\nz\n`)).toBeUndefined();
    expect(style(`${body}\n\`\`\`\n. . .\n::: x\n:::\n\`\`\`\n`)).toBeUndefined();
    // Its rules split before the headings are read: # A is followed by the end of its slide, not by content.
    expect(style('# A\n\n---\n\n## a1\n\nx\n', { toc: true })?.slideLevel).toBe(2);
    const set = resolveConfig([{ source: 'talk.md', values: { 'slide-level': 2, separator: '^\\n\\n\\n' } }]);
    expect(pandocStyle(set, [{ text: body, body, data: {} }])).toEqual({ slideLevel: 2, topLevel: 1, explicit: true });
  });

  it("a reveal.js vertical separator's slide joins the stack it follows; empty rules make no slide", () => {
    expect(layout('%\n\n## One\n\nx\n\n----\n\n## Under one\n\ny\n\n---\n\n---\n\n## Two\n\nz\n')).toEqual([
      [0, 0, 'One'],
      [0, 1, 'Under one'],
      [1, 0, 'Two'],
    ]);
  });

  it('a rule with spaces after it is a rule too, as in Pandoc; it never ends in the slide as an <hr>', () => {
    // sc137/reveal_pres_template: its title block, then `--- ` before the first slide.
    const deck = deckOf('% Presentation Template\n% Sable Cantus\n\n--- \n\nUpdate the slides.md file\n\n---\t\n\n> * add bullets\n');
    expect(deck.slides.map((slide) => [slide.h, slide.v, slide.html.includes('<hr>')])).toEqual([
      [0, 0, false],
      [1, 0, false],
    ]);
  });

  it('any horizontal rule splits, as in Pandoc (- - -, ***, * * *, ___, -----); ---- stays reveal.js’s vertical separator', () => {
    // tverbeiren/BigDataBe-Spark: `% Spark` then `# Contents`, `- - -`, `# Me, Myself and I`, `- - -`, an image …
    expect(
      layout(
        '% Spark\n\n# Contents\n\nx\n\n- - -\n\n# Me\n\n- - -\n\nimage\n\n***\n\nb\n\n * * *\n\nc\n\n___\n\nd\n\n-----\n\ne\n\n----\n\nf\n',
      ),
    ).toEqual([
      [0, 0, 'Contents'],
      [1, 0, 'Me'],
      [2, 0, 'Slide 3'],
      [3, 0, 'Slide 4'],
      [4, 0, 'Slide 5'],
      [5, 0, 'Slide 6'],
      [6, 0, 'Slide 7'],
      [6, 1, 'Slide 8'],
    ]);
  });

  it('a later file starts its own stack; a file with separators of its own keeps them', () => {
    expect(layout('%\n\n# A\n\n## a1\n\nx\n', { 'z.md': '## b1\n\ny\n\n## b2\n\nz\n' })).toEqual([
      [0, 0, 'A'],
      [0, 1, 'a1'],
      [1, 0, 'b1'],
      [2, 0, 'b2'],
    ]);
    expect(layout('%\n\n# A\n\n## a1\n\nx\n', { 'z.md': '---\nseparator: "^===$"\n---\n## b1\n\ny\n\n## b2\n\nz\n' })).toEqual([
      [0, 0, 'A'],
      [0, 1, 'a1'],
      [1, 0, 'b1'],
    ]);
  });
});
