import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';
import type { Deck } from '../../src/content/types.js';
import { createProgram } from '../../src/cli/main.js';

const defaultDeck = join(import.meta.dirname, '../../slides');

const toSeconds = (clock: string) =>
  clock
    .split(':')
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);

describe('deck notes on the default deck', () => {
  let out: string;
  let deck: Deck;
  let text: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'deck-notes-'));
    deck = await loadDeck(defaultDeck);
    await createProgram().parseAsync(['node', 'deck', 'notes', defaultDeck, '-o', out, '-q']);
    text = readFileSync(join(out, 'notes.md'), 'utf8');
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('has every slide, in order, with its title and notes', () => {
    const headings = [...text.matchAll(/^## (\S+) · (.+)$/gm)].map((m) => [m[1], m[2]]);
    expect(headings).toHaveLength(deck.slides.length);
    expect(headings.map((h) => h[1])).toEqual(deck.slides.map((s) => s.title));
    // A slide of a vertical stack is numbered h.v, like reveal.js's slide number.
    const stacked = (h: number) => deck.slides.some((s) => s.h === h && s.v > 0);
    expect(headings.map((h) => h[0])).toEqual(deck.slides.map((s) => (stacked(s.h) ? `${s.h + 1}.${s.v + 1}` : `${s.h + 1}`)));
    expect(deck.slides.some((s) => s.v > 0)).toBe(true);
    let from = 0;
    for (const slide of deck.slides) {
      if (!slide.notes) continue;
      const at = text.indexOf(slide.notes.trim(), from);
      expect(at, slide.id).toBeGreaterThan(from);
      from = at;
    }
  });

  it('gives each slide its planned time and a running clock that adds up', () => {
    const clocks = [...text.matchAll(/^\*\*(\d[\d:]*) → (\d[\d:]*)\*\* · (\d[\d:]*) planned/gm)].map((m) => m.slice(1, 4).map(toSeconds));
    expect(clocks).toHaveLength(deck.slides.length);
    let elapsed = 0;
    clocks.forEach(([start, end, planned], i) => {
      expect(start, `slide ${i + 1} starts where the one before ended`).toBe(elapsed);
      expect(planned).toBe(deck.slides[i]!.timing);
      expect(end! - start!).toBe(planned);
      elapsed = end!;
    });
    expect(elapsed).toBe(deck.totalTime);
    expect(text).toMatch(
      new RegExp(`\\*\\*End: ${String(Math.floor(elapsed / 60)).padStart(2, '0')}:${String(elapsed % 60).padStart(2, '0')}\\*\\*`),
    );
  });
});
