/**
 * Decks as people write them for reveal.js (tests/fixtures/decks/field): HTML <section> slides, the author's
 * slide ids and links to them, lazily loaded media, malformed fences and doubled notes markers. Each is read
 * the way reveal.js reads it, with a warning naming file and line where the author likely slipped.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';
import { ErrorCode, isDeckError } from '../../src/core/errors.js';

const field = (name: string) => join(import.meta.dirname, '../fixtures/decks/field', name);

describe('HTML <section> slides and slide ids (reveal-animate-en)', () => {
  it('makes each raw <section> a vertical slide, as reveal.js does', async () => {
    const deck = await loadDeck(field('reveal-animate-en/deck.md'));
    expect(deck.sections[0]!.stacks.map((stack) => stack.length)).toEqual([1, 3, 2, 1]);
    const animated = deck.sections[0]!.stacks[1]!;
    expect(animated.map((slide) => slide.attributes['data-auto-animate'])).toEqual(['', '', '']);
    expect(animated.map((slide) => slide.line)).toEqual([10, 14, 19]);
    expect(animated[1]!.notesHtml).toBe('The box grows.');
    expect(animated[1]!.html).not.toContain('notes');
    expect(animated[2]!.id).toBe('grown');
  });

  it("keeps the author's ids and turns #/id links into #id links", async () => {
    const deck = await loadDeck(field('reveal-animate-en/deck.md'));
    expect(deck.slides.map((slide) => slide.id)).toEqual(['intro', 'slide-2-1', 'slide-2-2', 'grown', 'code', 'slide-3-2', 'summary']);
    expect(deck.slides[0]!.html).toContain('href="#summary"');
    expect(deck.slides[0]!.html).toContain('href="#code"');
    expect(deck.slides[6]!.html).toContain('href="#intro"');
  });

  it('copies data-src images like src ones', async () => {
    const deck = await loadDeck(field('reveal-animate-en/deck.md'));
    expect(deck.assets.map((asset) => asset.target)).toEqual(['img/dot.png']);
  });
});

describe('malformed Markdown (malformed-es)', () => {
  it('splits after an unclosed fence and keeps text between two notes markers on the slide, with warnings', async () => {
    const deck = await loadDeck(field('malformed-es/deck.md'));
    expect(deck.slides.map((slide) => slide.title)).toEqual(['Presentación', 'Segunda diapositiva', 'Tercera']);
    expect(deck.slides[1]!.html).toContain('visible para el público');
    expect(deck.slides[1]!.notesHtml).toBe('');
    expect(deck.warnings.map((warning) => [warning.file, warning.line])).toEqual([
      ['deck.md', 3],
      ['deck.md', 14],
    ]);
    expect(deck.warnings[0]!.message).toMatch(/never closed/);
    expect(deck.warnings[1]!.message).toMatch(/lines 10, 14/);
  });
});

describe('missing files (missing-media)', () => {
  it('reports every missing file of the build in one error, each with its line', async () => {
    const error = await loadDeck(field('missing-media/deck.md')).catch((e: unknown) => e);
    expect(isDeckError(error) && error.code === ErrorCode.BadInput).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('5 problems');
    for (const expected of [
      'deck.md:5: image or media file not found: img/gone.png',
      'deck.md:9: image or media file not found: video/clip.mp4',
      'deck.md:11: image or media file not found: embed/page.html',
      'deck.md:14: image or media file not found: embed/bg.html',
      'deck.md:19: image or media file not found: video/a.mp4',
    ]) {
      expect(message).toContain(expected);
    }
  });
});

describe('links to local files', () => {
  it('copies a linked file like an image, and warns with file:line about a missing one (the link is kept)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-links-'));
    mkdirSync(join(dir, 'files'));
    writeFileSync(join(dir, 'files', 'table.csv'), 'a,b\n');
    writeFileSync(
      join(dir, 'deck.md'),
      '# Links\n\n[data](files/table.csv)\n\n[gone](files/gone.csv) · [web](https://example.org/a.csv)\n',
    );
    const deck = await loadDeck(join(dir, 'deck.md'));
    expect(deck.assets.map((asset) => asset.target)).toEqual(['files/table.csv']);
    expect(deck.slides[0]!.html).toContain('href="files/gone.csv"');
    expect(deck.warnings).toEqual([{ file: 'deck.md', line: 5, message: 'linked file not found: files/gone.csv; the link is kept' }]);
  });
});
