/**
 * Settings as other tools write them: Pandoc's string booleans and author lists, reveal-md's `transition:
 * default`, `css:`, `scripts:` and `revealOptions:`, reveal.js options at the top level, keys of other tools
 * (a warning with file:line), unknown keys (an error with "did you mean"), messages on the key's own line.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/file.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { loadDeck } from '../../src/content/deck.js';
import { ErrorCode } from '../../src/core/errors.js';
import type { DeckWarning } from '../../src/core/warnings.js';
import { thrownDeckError } from '../helpers/deck-error.js';

const field = (name: string) => join(import.meta.dirname, '../fixtures/decks/field', name);

describe('options as other tools write them', () => {
  it('reads Pandoc string booleans, author lists, comma keywords and incremental; passes top-level reveal.js options on', async () => {
    const deck = await loadDeck(field('pandoc-ko/talk.md'));
    expect(deck.config.controls).toBe(false);
    expect(deck.config.progress).toBe(true);
    expect(deck.config.slideNumber).toBe(true);
    expect(deck.config.author).toBe('김철수, 이영희');
    expect(deck.config.keywords).toEqual(['발표', '예제']);
    expect(deck.config.revealOptions).toEqual({ loop: 'false' });
    expect(deck.config.incremental).toBe(true);
    expect(deck.warnings.map((w) => [w.line, w.message.split(' is ')[0]])).toEqual([[12, '"revealjs-url"']]);
    expect(deck.warnings[0]!.message).toContain('Pandoc');
  });

  it("reads reveal-md's transition: default, css, scripts and revealOptions (slide size included)", async () => {
    const deck = await loadDeck(field('reveal-md-ja/slides.md'));
    expect(deck.config.transition).toBe('slide');
    expect(deck.config.highlightTheme).toBe('github');
    expect([deck.config.width, deck.config.height, deck.config.margin]).toEqual([1024, 768, 0.1]);
    expect(deck.config.revealOptions).toEqual({ loop: true });
    expect(deck.styles).toEqual(['style.css']);
    expect(deck.scripts).toEqual(['extra.js']);
    expect(deck.assets.map((asset) => asset.target).sort()).toEqual(['extra.js', 'style.css']);
    expect(deck.slides.map((slide) => [slide.h, slide.v])).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [2, 0],
    ]);
  });

  it("reads reveal-md's comma-separated css and scripts (its --css a.css,b.css), but keeps a URL with a comma in its query whole", () => {
    const config = (values: Record<string, unknown>) => resolveConfig([{ source: 'slides.md', values, lines: {} }]);
    expect(config({ scripts: 'asset/jquery.min.js, asset/echarts.min.js,ec.js', css: 's1.css,s2.css?v=2' })).toMatchObject({
      scripts: ['asset/jquery.min.js', 'asset/echarts.min.js', 'ec.js'],
      css: ['s1.css', 's2.css?v=2'],
    });
    const fonts = 'https://fonts.googleapis.com/css2?family=Roboto:wght@400,700&display=swap';
    expect(config({ css: fonts, scripts: 'one.js' })).toMatchObject({ css: [fonts], scripts: ['one.js'] });
    expect(config({ css: ['a,b.css'] })).toMatchObject({ css: ['a,b.css'] });
  });

  it('points a wrong type for css at its own line', async () => {
    const error = thrownDeckError(() => resolveConfig([{ source: 'deck.config.yaml', values: { css: 3 }, lines: { css: 4 } }]));
    expect([error.code, error.file, error.line]).toEqual([ErrorCode.BadConfig, 'deck.config.yaml', 4]);
  });
});

describe('keys and values that are wrong', () => {
  it('warns about a key another tool defines, naming file, line and tool', () => {
    const warnings: DeckWarning[] = [];
    resolveConfig([parseConfigText('title: x\n\nenableChalkboard: true\n', 'deck.config.yaml')], warnings);
    expect(warnings).toEqual([
      { file: 'deck.config.yaml', line: 3, message: expect.stringMatching(/"enableChalkboard" is a vscode-reveal setting/) },
    ]);
  });

  it("takes Marp's and Slidev's themes for a warning on their line and the default theme, and Slidev's transitions in a Slidev deck", () => {
    // As marp-team's template (theme: gaia) and slidevjs/slidev's demo/starter (theme: seriph, transition: slide-left).
    const warnings: DeckWarning[] = [];
    const marp = resolveConfig([parseConfigText('marp: true\ntheme: gaia\n', 'talk.md')], warnings);
    const slidev = resolveConfig(
      [parseConfigText('theme: seriph\ndrawings:\n  persist: false\ntransition: slide-left\n', 'slides.md')],
      warnings,
    );
    const folder = resolveConfig([parseConfigText('info: x\ntheme: ./\n', 'slides.md')], warnings);
    expect([marp.theme, slidev.theme, folder.theme, slidev.transition]).toEqual(['gpt', 'gpt', 'gpt', 'slide']);
    expect(warnings.filter((w) => w.message.startsWith('theme')).map((w) => [w.file, w.line, w.message.split(',')[0]])).toEqual([
      ['talk.md', 2, 'theme "gaia" is a Marp theme'],
      ['slides.md', 1, 'theme "seriph" is a Slidev theme'],
      ['slides.md', 2, 'theme "./" is a Slidev theme'],
    ]);
  });

  it('refuses a key no tool knows, on its own line, with a did-you-mean', () => {
    const error = thrownDeckError(() =>
      resolveConfig([parseConfigText('title: x\ntheme: white\nhighlihgtTheme: github\n', 'deck.config.yaml')]),
    );
    expect([error.code, error.line]).toEqual([ErrorCode.BadConfig, 3]);
    expect(error.message).toContain('did you mean "highlightTheme"');
  });

  it('points a bad value at its line and hints the allowed values, not the keys', () => {
    const error = thrownDeckError(() => resolveConfig([parseConfigText('title: x\npdf:\n  paper: A5\n', 'deck.config.yaml')]));
    expect(error.line).toBe(3);
    expect(error.hint).toBe('allowed values: "A4", "letter"');
    const transition = thrownDeckError(() => resolveConfig([parseConfigText('transition: slide-left\n', 'deck.config.yaml')]));
    expect(transition.line).toBe(1);
    expect(transition.hint).toContain('"fade"');
  });

  it('points at the key in front matter, not at line 1', async () => {
    const warnings: DeckWarning[] = [];
    const error = thrownDeckError(() =>
      resolveConfig(
        [{ source: 'talk.md', values: { title: 'x', width: 'wide' }, lines: { title: 2, width: 3 }, line: 1, kind: 'front-matter' }],
        warnings,
      ),
    );
    expect([error.file, error.line]).toEqual(['talk.md', 3]);
  });
});
