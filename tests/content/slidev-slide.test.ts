/**
 * A Slidev deck as Slidev's authors write it (tests/fixtures/decks/slidev: one slides.md with headmatter, layouts,
 * slots, clicks, components, code extras): each slide in the closest layout, nothing of Slidev's syntax on it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';
import type { Deck } from '../../src/content/types.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/decks/slidev');

let deck: Deck;
beforeAll(async () => {
  deck = await loadDeck(FIXTURE);
});

describe('a Slidev deck', () => {
  it('places each slide in the layout closest to Slidev’s', () => {
    expect(deck.slides.map((slide) => [slide.title, slide.layout])).toEqual([
      ['Shipping a Design System', 'statement'], // cover
      ["Hi, I'm Alex", 'statement'], // intro
      ['Four stops', 'two-columns'], // two-cols
      ['Why a design system', 'default'],
      ['Tokens first', 'statement'], // section
      ['Table of contents', 'default'],
      ['Tokens', 'two-columns'], // image-right
      ['Before and after', 'two-columns'], // two-cols-header
      ['Design decisions belong in code', 'statement'],
      ['92%', 'big-number'], // fact
      ['Slide 11', 'quote'],
      ['Components second', 'default'],
      ['Adoption checklist', 'default'],
      ['Code that steps', 'default'],
      ['Living documentation', 'two-columns'], // iframe-right
      ['Watch the launch', 'default'],
      ['Thank you', 'statement'], // center
      ['Slide 18', 'closing'], // end
    ]);
  });

  it('gives the first slide its headmatter’s class and background, dimmed under light text as Slidev draws it', () => {
    expect(deck.slides[0]!.attributes).toEqual({
      class: 'text-center',
      'data-background-color': '#000',
      'data-background-image': 'images/cover.svg',
      'data-background-opacity': '0.6',
      'data-layout': 'statement',
    });
    expect(deck.config.title).toBe('Shipping a Design System');
  });

  it('shows no slot marker, click element, component tag or icon as text or as an unknown tag', () => {
    for (const slide of deck.slides) {
      expect(slide.html, slide.title).not.toMatch(
        /::(left|right|bottom)::|<\/?(v-clicks?|v-after)[\s>]|\sv-(click|after)|<[A-Z]\w*[\s/>]|<carbon|&lt;carbon|<arrow/,
      );
    }
  });

  it('makes clicks fragments: v-clicks items one by one (depth 2 the nested ones too, every 2 two at a time), v-after with the click before', () => {
    const fragments = Object.fromEntries(deck.slides.map((slide) => [slide.title, slide.fragments]));
    expect(fragments).toMatchObject({
      'Four stops': 4,
      'Why a design system': 4,
      'Components second': 5,
      'Adoption checklist': 2,
      'Code that steps': 2,
    });
  });

  it('warns of what it leaves out at its line: the components it cannot draw and the front matter it does not read', () => {
    expect(deck.warnings.filter((warning) => (warning.line ?? 0) > 13).map((warning) => [warning.line, warning.message])).toEqual([
      [24, "Slidev's <carbon-logo-github> is left out: icons are not drawn here"],
      [44, "Slidev's front matter of the next slide: layoutClass: gap-16 is not supported here; it is ignored"],
      [124, "Slidev's <Arrow> is left out: it is drawn at fixed points of Slidev's page, which are not this slide's"],
      [
        126,
        "Slidev's snippet import (<<< @/snippets/tokens.ts#spacing) is left out: this tool does not read code from files; paste the code in a code block",
      ],
      [245, "Slidev's <carbon:logo-github> is left out: icons are not drawn here"],
      [247, "Slidev's <PoweredBySlidev> is left out: a Vue component this tool cannot render"],
    ]);
    // The headmatter's `class` is the first slide's, not Marp's setting.
    expect(deck.warnings.map((warning) => warning.message).join('\n')).not.toContain('"class"');
  });

  it('reads Slidev’s code block extras: line highlights as reveal.js steps, {monaco} and twoslash as plain code', () => {
    const code = deck.slides.find((slide) => slide.title === 'Code that steps')!.html;
    expect(code).toContain('<code data-line-numbers="1|2-3|" class="ts" data-fragment-index="1">');
    expect([...code.matchAll(/<code[^>]*>/g)].map((match) => match[0]).slice(1)).toEqual(['<code class="ts">', '<code class="ts">']);
    const tokens = deck.slides.find((slide) => slide.title === 'Tokens')!.html;
    expect(tokens).toContain('<code data-line-numbers="2,3" class="ts">');
    expect(tokens).not.toContain('&lt;&lt;&lt;');
  });

  it('is known by its headmatter’s values too: theme, title, `transition: slide-left` and `layout: intro` only', async () => {
    // v-h-gn/lectures's week_02 slides.md; before, the build failed on the transition and the layout.
    const dir = mkdtempSync(join(tmpdir(), 'deck-slidev-values-'));
    writeFileSync(
      join(dir, 'slides.md'),
      '---\ntheme: default\ntitle: Welcome\ntransition: slide-left\nlayout: intro\n---\n\n# Welcome\n\n---\nlayout: two-cols\n---\n\nleft\n\n::right::\n\nright\n',
    );
    const minimal = await loadDeck(dir);
    expect(minimal.config.transition).toBe('slide');
    expect(minimal.slides.map((slide) => slide.layout)).toEqual(['statement', 'two-columns']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows an iframe’s page as a link, and warns of a layout with nothing to show (at its line) and of slots it has no place for (at the first)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-slidev-layouts-'));
    writeFileSync(
      join(dir, 'slides.md'),
      '---\nlayout: cover\n---\n\n# Cover\n\n---\nlayout: iframe\nurl: https://sli.dev/guide/\n---\n\n# The guide\n\n---\nlayout: image-right\n---\n\n# No picture\n\n---\nlayout: center\n---\n\n# Both sides\n\n::left::\n\nleft\n\n::right::\n\nright\n',
    );
    const layouts = await loadDeck(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(layouts.slides[1]!.html).toContain(
      '<a class="slidev-link-card" href="https://sli.dev/guide/"><span class="slidev-link-card-label">Web page</span> https://sli.dev/guide/</a>',
    );
    expect(layouts.slides[3]!.html).toBe('<h1>Both sides</h1>\n\n\n\n<p>left</p>\n\n<p>right</p>');
    expect(layouts.warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [15, 'layout: image-right has no image: to show; the slide uses the default layout'],
      [26, "Slidev's slots ::left::, ::right:: have no place in layout center: their parts follow the slide's text"],
    ]);
  });
});
