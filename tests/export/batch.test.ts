/**
 * Several decks in one browser (src/export/batch.ts) with pages kept from deck to deck: each deck's PDF has its
 * own pages, text and bookmarks (nothing of the deck printed before it in the same page), a deck that fails in
 * its page does not spoil the page of the next one, and fewer pages are opened than decks printed.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, isDeckError } from '../../src/core/errors.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { exportBatch, type BatchOutcome } from '../../src/export/batch.js';
import { pageText, readOutline, readPdfPages } from '../helpers/pdf-pages.js';

/** Deck name → its slide count; `slow` gets a 1 ms export time limit, so it fails inside its page. */
const DECKS: Record<string, number> = { alpha: 2, bravo: 4, slow: 3, charlie: 1, delta: 3, echo: 2 };

let work: string;
let outcomes: BatchOutcome[];
const logger = createMemoryLogger();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'deck-batch-'));
  for (const [name, count] of Object.entries(DECKS)) {
    mkdirSync(join(work, name));
    const front = `---\ntitle: Deck ${name}\n${name === 'slow' ? 'pdf:\n  timeout: 1\n' : ''}---\n\n`;
    const slides = Array.from({ length: count }, (_, i) => `## ${name} slide ${i + 1}\n\nText of ${name} ${i + 1}.`);
    writeFileSync(join(work, name, 'slides.md'), `${front}${slides.join('\n\n---\n\n')}\n`);
  }
  outcomes = await exportBatch(
    Object.keys(DECKS).map((name) => ({ input: join(work, name), outDir: join(work, 'out', name) })),
    { jobs: 2, handout: false, logger },
  );
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a batch of decks in kept pages', () => {
  it('gives each deck a PDF of its own slides, text and bookmarks', async () => {
    for (const outcome of outcomes.filter((o) => !o.deck.input.endsWith('slow'))) {
      const name = outcome.deck.input.split('/').pop()!;
      expect(outcome.ok, `${name}: ${outcome.ok ? '' : String(outcome.error)}`).toBe(true);
      const pdf = join(work, 'out', name, 'deck.pdf');
      const pages = await readPdfPages(pdf);
      expect(pages.map(pageText)).toEqual(
        Array.from({ length: DECKS[name]! }, (_, i) => `${name}slide${i + 1}Textof${name}${i + 1}.${i + 1}`),
      );
      // The deck's title, then each slide under it, opening its own page.
      const outline = await readOutline(pdf);
      expect(outline.map((entry) => [entry.title, entry.page])).toEqual([[`Deck ${name}`, 1]]);
      expect(outline[0]!.children.map((entry) => [entry.title, entry.page])).toEqual(
        Array.from({ length: DECKS[name]! }, (_, i) => [`${name} slide ${i + 1}`, i + 1]),
      );
    }
  });

  it('fails the deck that ran out of time, writes nothing for it, and goes on', () => {
    const slow = outcomes.find((o) => o.deck.input.endsWith('slow'))!;
    expect(slow.ok).toBe(false);
    expect(!slow.ok && isDeckError(slow.error) && slow.error.code === ErrorCode.Timeout, String(!slow.ok && slow.error)).toBe(true);
    expect(existsSync(join(work, 'out', 'slow'))).toBe(false);
    expect(outcomes.filter((o) => o.ok).length, outcomes.map((o) => (o.ok ? '' : String((o.error as Error).stack))).join('\n')).toBe(5);
  });

  it('prints six decks in at most three pages (two jobs, one page replaced after the failure)', () => {
    const line = logger.lines.find((entry) => /page\(s\) printed/.test(entry.message))?.message ?? '';
    const opened = Number(/^(\d+) page\(s\) printed 6 deck\(s\)$/.exec(line)?.[1]);
    expect(opened, line).toBeGreaterThanOrEqual(1);
    expect(opened, line).toBeLessThanOrEqual(3);
  });
});
