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

  it('has every slide, numbered 1..N in the order shown (vertical slides too), with its title and notes', () => {
    const headings = [...text.matchAll(/^## (\S+) · (.+)$/gm)].map((m) => [m[1], m[2]]);
    expect(headings).toHaveLength(deck.slides.length);
    expect(headings.map((h) => h[1])).toEqual(deck.slides.map((s) => s.title));
    // The number the audience sees in the corner (reveal.js's "c/t"), not h.v: a stack is not numbered 15.1.
    expect(deck.slides.some((s) => s.v > 0)).toBe(true);
    expect(headings.map((h) => h[0])).toEqual(deck.slides.map((_, i) => String(i + 1)));
    let from = 0;
    for (const slide of deck.slides) {
      if (!slide.notes) continue;
      const at = text.indexOf(slide.notes.trim().replace(/\s+/g, ' '), from);
      expect(at, slide.id).toBeGreaterThan(from);
      from = at;
    }
  });

  it('puts what is on the slide beside its notes, its bullets marked with the click that shows them', () => {
    const sections = text.split(/^---$/m).slice(1, -1);
    expect(sections).toHaveLength(deck.slides.length);
    deck.slides.forEach((slide, i) => {
      const row = /^\| (.*) \| (.*) \|$/m.exec(sections[i]!.split('|---|---|')[1]!)!;
      expect(row, slide.id).not.toBeNull();
      const marks = [...row[1]!.matchAll(/▶(\d+)/g)].map((m) => Number(m[1]));
      // One mark per fragment step, numbered from 1 in order.
      expect(new Set(marks).size, slide.id).toBe(slide.fragments);
      expect([...new Set(marks)]).toEqual(Array.from({ length: slide.fragments }, (_, k) => k + 1));
      if (slide.fragments) expect(sections[i]).toContain(`${slide.fragments} click`);
    });
    const withList = deck.slides.findIndex(
      (s) => /<li class="fragment">先用|<li class="fragment">1.17/.test(s.html) || /<li>/.test(s.html),
    );
    expect(sections[withList]).toMatch(/<br>▶?\d* ?• /);
  });

  it('says once, at the top, that the plan is an estimate and how to set a duration', () => {
    expect(deck.config.duration).toBeUndefined();
    expect(text.match(/estimate/g)).toHaveLength(1);
    expect(text.split('\n---\n')[0]).toMatch(/`duration: 12m`/);
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
