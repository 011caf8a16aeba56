/**
 * A Pandoc-style deck (tests/fixtures/decks/pandoc-features) gives the slides `pandoc -t revealjs` gives: notes
 * without their fences and text after them back on the slide, pauses and incremental lists as fragment steps,
 * heading attributes on the slide's <section>, and a background image copied like reveal.js's.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/decks/pandoc-features/talk.md');
const { folder } = useTempFolder('deck-pandoc-');

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

  it('builds without a warning, and warns with file and line of a div never closed on its slide', async () => {
    expect(deck.warnings).toEqual([]);
    const dir = folder('unclosed', {
      'talk.md': '# One\n\n::: notes\nForgot to close\n\n---\n\n# Two\n\n```\n::: not a div in code\n```\n\n::: {.box}\nClosed\n:::\n',
    });
    const unclosed = await loadDeck(dir);
    expect(unclosed.warnings.map((warning) => [warning.file, warning.line])).toEqual([['talk.md', 3]]);
    expect(unclosed.warnings[0]!.message).toMatch(/never closed/);
    expect(unclosed.slides[0]!.html).toContain('::: notes');
    expect(unclosed.slides[1]!.html).toContain('<div class="box">');
  });

  it('with incremental: true steps every list but those in ::: nonincremental, and never the notes', async () => {
    const dir = folder('incremental', {
      'deck.config.yaml': 'incremental: true\n',
      'talk.md': '# One\n\n- a\n- b\n\n::: nonincremental\n- c\n:::\n\n> - d\n\nNote:\n- said\n- aloud\n',
    });
    const [slide] = (await loadDeck(dir)).slides;
    expect(slide!.fragments).toBe(2);
    expect(slide!.html.replace(/>\s+</g, '><')).toContain('<ul><li class="fragment">a</li><li class="fragment">b</li></ul>');
    expect(slide!.notesHtml).not.toContain('fragment');
    const off = folder('incremental-off', { 'talk.md': '---\nincremental: false\n---\n# One\n\n- a\n- b\n' });
    expect((await loadDeck(off)).slides[0]!.fragments).toBe(0);
  });

  it('reads $…$ as TeX math, as Pandoc always does; one KaTeX cannot read shows as its TeX; math: false or a reveal.js deck keeps the dollars', async () => {
    // As jqno/talks enoughcs: `$log_2\ N$ steps` in a Pandoc deck built with no math option (Pandoc writes it as math).
    const talk = '# Complexity\n\n$log_2\\ N$ steps, and $\\nocommand{x}$, for $5 and $10\n\n::: notes\nsaid\n:::\n';
    const deck = await loadDeck(folder('pandoc-math', { 'talk.md': talk }));
    const [slide] = deck.slides;
    expect(deck.config.math).toBe(true);
    expect(slide!.html).toContain('<span class="math math-inline"><span class="katex">');
    expect(slide!.html).toContain('<span class="mord" style="color:#cc0000;">\\nocommand</span>');
    expect(slide!.html).toContain('for $5 and $10');
    expect(slide!.html).not.toContain('$log_2');
    const off = await loadDeck(folder('pandoc-math-off', { 'talk.md': `---\nmath: false\n---\n${talk}` }));
    expect(off.slides[0]!.html).toContain('$log_2\\ N$');
    const reveal = await loadDeck(folder('reveal-math', { 'talk.md': '# Complexity\n\n$log_2\\ N$ steps\n' }));
    expect([reveal.config.math, reveal.slides[0]!.html.includes('$log_2\\ N$')]).toEqual([false, true]);
  });

  it('takes every notes div of a slide into its notes, in order', async () => {
    const dir = folder('two-notes', { 'talk.md': '# One\n\n::: notes\nFirst\n:::\n\nOn the slide\n\n::: notes\nSecond\n:::\n' });
    const [slide] = (await loadDeck(dir)).slides;
    expect(slide!.notesHtml).toBe('<p>First</p>\n<p>Second</p>');
    expect(slide!.html).toContain('On the slide');
    expect(slide!.html).not.toMatch(/First|Second/);
  });
});
