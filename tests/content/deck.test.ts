/** A deck from its files: each file's own separators, config layering with front matter, slide numbering. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'deck-content-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

describe('separators set in a file', () => {
  it("apply to that file only: a later file's notesSeparator, separator and verticalSeparator", async () => {
    const dir = folder('per-file', {
      '01-reveal.md': '# One\n\nNote: reveal notes\n\n---\n\n# Two\n\n::: notes\nnot notes here\n:::\n',
      '02-pandoc.md':
        "---\nnotesSeparator: '^::: *notes'\nseparator: '^===$'\n---\n# Three\n\n::: notes\npandoc notes\n:::\n\n===\n\n# Four\n\nNote: stays text\n",
      '03-again.md': '# Five\n\nNote: default again\n\n---\n\n# Six\n',
    });
    const deck = await loadDeck(dir);
    expect(deck.slides.map((slide) => [slide.title, slide.notes])).toEqual([
      ['One', 'reveal notes'],
      ['Two', ''],
      ['Three', 'pandoc notes\n:::'],
      ['Four', ''],
      ['Five', 'default again'],
      ['Six', ''],
    ]);
    expect(deck.slides[1]!.html).toContain('not notes here');
    expect(deck.slides[3]!.html).toContain('Note: stays text');
    expect(deck.slides.map((slide) => [slide.file, slide.index, slide.h])).toEqual([
      ['01-reveal.md', 0, 0],
      ['01-reveal.md', 1, 1],
      ['02-pandoc.md', 2, 2],
      ['02-pandoc.md', 3, 3],
      ['03-again.md', 4, 4],
      ['03-again.md', 5, 5],
    ]);
  });

  it('a first file sets them for the whole deck, and the config file for every file', async () => {
    const dir = folder('deck-wide', {
      'deck.config.yaml': "verticalSeparator: '^~~v~~$'\n",
      '01.md': "---\ntitle: Wide\nnotesSeparator: '^Speaker:'\n---\n# A\n\nSpeaker: from the first file\n",
      '02.md': '# B\n\n~~v~~\n\n# B1\n\nSpeaker: deck-wide\n',
    });
    const deck = await loadDeck(dir);
    expect(deck.config.title).toBe('Wide');
    expect(deck.slides.map((slide) => [slide.title, slide.h, slide.v, slide.notes])).toEqual([
      ['A', 0, 0, 'from the first file'],
      ['B', 1, 0, ''],
      ['B1', 1, 1, 'deck-wide'],
    ]);
  });
});

describe('config layering through a deck', () => {
  it('front matter of the first file beats the config file, flags beat both; later files do not set deck keys', async () => {
    const dir = folder('layers', {
      'deck.config.yaml': 'title: From file\ntheme: gpt-dark\ntransition: fade\npdf:\n  paper: letter\n',
      '01.md': '---\ntitle: From front matter\ntransition: zoom\n---\n# A\n',
      '02.md': '---\ntitle: Section two\ntheme: white\n---\n# B\n',
    });
    const deck = await loadDeck(dir, { flags: { transition: 'none' } });
    expect([deck.config.title, deck.config.theme, deck.config.transition, deck.config.pdf.paper]).toEqual([
      'From front matter',
      'gpt-dark',
      'none',
      'letter',
    ]);
    expect(deck.sections.map((section) => section.title)).toEqual(['From front matter', 'Section two']);
  });
});
