import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeckError } from '../../src/core/errors.js';
import { buildDeck, type BuildResult } from '../../src/render/index.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const fixtures = join(import.meta.dirname, '../fixtures/render');
const deckDir = join(fixtures, 'deck');

describe('rendering a deck', () => {
  let built: BuildResult;
  beforeAll(async () => {
    built = await buildDeck(deckDir);
  });

  it('uses the deck settings for the page', () => {
    const { html } = built.rendered;
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<title>Render fixture</title>');
    expect(html).toContain('<meta name="author" content="Tester">');
    expect(JSON.parse(/<script id="deck-config" type="application\/json">(.*?)<\/script>/.exec(html)![1]!)).toMatchObject({
      width: 1280,
      height: 720,
    });
  });

  it('places each slide with its layout', () => {
    const { html } = built.rendered;
    expect(html).toMatch(/<section id="slide-1" data-layout="title"[^>]*>[\s\S]*<h1 class="title">Render fixture<\/h1>/);
    expect(html).toMatch(/data-layout="model"[\s\S]*class="model-name">Model-X<[\s\S]*2021[\s\S]*1.5B/);
    expect(html).toContain('<aside class="notes"><p>Title notes.</p></aside>');
  });

  it('shows {{...}} written in Markdown literally, never evaluated', () => {
    const slide = built.deck.slides[1]!;
    expect(slide.html).toContain('{{title}}');
    expect(built.rendered.html).toContain('Write {{title}} and {{{raw}}} and {{&gt; slide}} in Markdown.');
    expect(built.rendered.html).toContain('<code>{{#each x}}</code>');
    expect(built.rendered.html).toContain('Notes with {{title}} too.');
  });

  it('lets a slide choose its layout with a slide attribute, and generates the overview from front matter', () => {
    const overview = built.deck.slides.find((s) => s.layout === 'overview')!;
    expect(overview.file).toBe('03-secret.md');
    const table = /<table class="[^"]*overview-table[^"]*">[\s\S]*?<\/table>/.exec(built.rendered.html)![0];
    expect(table).toMatch(
      /Model-X<\/th>\s*<td class="year">2021<\/td>\s*<td class="params">1.5B<\/td>\s*<td class="tagline">Big leap<\/td>/,
    );
    expect(table).toMatch(/Model-Y<\/th>\s*<td class="year">2023<\/td>\s*<td class="params undisclosed">not disclosed<\/td>/);
    // No row has inputs or outputs, so the table has no such columns.
    expect(table).not.toMatch(/Inputs|Outputs|modalities/);
  });

  it('links only local assets, so the page works offline', () => {
    const refs = [...built.rendered.html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(4);
    for (const ref of refs) expect(ref).not.toMatch(/^(https?:)?\/\//);
    const targets = built.rendered.files.map((f) => f.target);
    for (const ref of refs) expect(targets).toContain(ref);
  });
});

describe('template overrides and errors', () => {
  it('replaces built-in layouts and partials from --templates', async () => {
    const { rendered } = await buildDeck(deckDir, { templates: join(fixtures, 'override') });
    expect(rendered.html).toContain('CUSTOM Model-X / 1.5B');
    expect(rendered.html).toContain('<meta name="custom-partial" content="yes">');
    expect(rendered.html).not.toContain('name="generator"');
    // Layouts not overridden are still the built-in ones.
    expect(rendered.html).toContain('<h1 class="title">Render fixture</h1>');
  });

  it('names the file and line of a slide whose layout does not exist', async () => {
    const bad = await buildDeck(join(fixtures, 'bad-layout.md')).catch((e: unknown) => e as DeckError);
    expect(bad).toBeInstanceOf(DeckError);
    expect((bad as DeckError).format()).toMatch(/^bad-layout\.md:8: unknown layout "nope"/);
  });

  it('rejects a templates folder that does not exist', async () => {
    await expect(buildDeck(deckDir, { templates: join(fixtures, 'missing-dir') })).rejects.toThrow(/templates folder not found/);
  });

  it('selects reveal.js built-in themes by name and rejects unknown ones', async () => {
    const { rendered } = await buildDeck(deckDir, { flags: { theme: 'black' } });
    expect(rendered.html).toContain('href="assets/theme/black.css"');
    await expect(buildDeck(deckDir, { flags: { theme: 'nope' } })).rejects.toThrow(/unknown theme "nope"/);
  });
});

describe("a Marp deck's page numbers", () => {
  const { folder } = useTempFolder('render-marp-pages-');

  it('count every slide but those paginate: hold or skip leaves out, as marpit counts them; hold shows the number before', async () => {
    const slides = [
      '---\nmarp: true\npaginate: true\n---\n\n<!-- _paginate: skip -->\n\n# Title',
      '# One',
      '<!-- _paginate: hold -->\n\n# One again',
      '<!-- _paginate: false -->\n\n# Two, unnumbered',
      '# Three',
      '<!-- _paginate: skip -->\n\n# Appendix',
    ];
    const { rendered, deck } = await buildDeck(folder('talk', { 'talk.md': slides.join('\n\n---\n\n') }));
    const numbers = [...rendered.html.matchAll(/<section\b([^>]*)>/g)].map(([, attributes]) => {
      const page = /data-marpit-pagination="(\d+)"/.exec(attributes!)?.[1];
      const total = /data-marpit-pagination-total="(\d+)"/.exec(attributes!)?.[1];
      return page === undefined ? '-' : `${page}/${total}`;
    });
    expect(numbers).toEqual(['-', '1/3', '1/3', '-', '3/3', '-']);
    expect(deck.warnings).toEqual([]);
  });
});
