/**
 * The export report a user reads when a check fails: each problem on one line with the deck file and line
 * (relative to where they ran the command), the slide's number and title, which PDF and which check; and the
 * overflow sentence saying what is cut off, on which edge, by how much.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';
import type { Slide } from '../../src/content/types.js';
import { describeOverflow, formatProblem, formatReport, slideProblem } from '../../src/export/checks.js';

let work: string;
let slide: Slide;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'deck-export-checks-'));
  const dir = join(work, 'talk');
  mkdirSync(dir);
  writeFileSync(join(dir, '01-intro.md'), '# Hello\n');
  writeFileSync(join(dir, '02-body.md'), '# One\n\n---\n\ntext\n\n---\n\n# 小模型，大潛力\n\nbody\n');
  slide = (await loadDeck(dir)).slides[3]!;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a problem about a slide', () => {
  it('names the file under the folder as the user gave it, the line, and the slide numbered from 1', () => {
    expect(slide.file).toBe('02-body.md');
    expect(slideProblem('overflow', 'deck', slide, 'cut off', 'slides')).toEqual({
      kind: 'overflow',
      pdf: 'deck',
      message: 'cut off',
      file: 'slides/02-body.md',
      line: 9,
      slide: 4,
      title: '小模型，大潛力',
    });
    expect(slideProblem('overflow', 'deck', slide, 'cut off', 'talks/slides/').file).toBe('talks/slides/02-body.md');
  });

  it('run inside the deck folder (root "." or none), names the file alone', () => {
    expect(slideProblem('missing-glyphs', 'handout', slide, 'm', '.').file).toBe('02-body.md');
    expect(slideProblem('missing-glyphs', 'handout', slide, 'm').file).toBe('02-body.md');
  });

  it('reads "file:line: slide N “title”: message [pdf, check]", leaving out what it does not know', () => {
    const full = slideProblem('overflow', 'deck', slide, 'content is cut off', 'slides');
    expect(formatProblem(full)).toBe('slides/02-body.md:9: slide 4 “小模型，大潛力”: content is cut off [deck.pdf, overflow]');
    expect(formatProblem({ ...full, line: undefined })).toBe(
      'slides/02-body.md: slide 4 “小模型，大潛力”: content is cut off [deck.pdf, overflow]',
    );
    expect(formatProblem({ ...full, title: undefined })).toBe('slides/02-body.md:9: slide 4: content is cut off [deck.pdf, overflow]');
    expect(formatProblem({ kind: 'page-count', pdf: 'handout', message: 'expected 12 pages, got 11' })).toBe(
      'expected 12 pages, got 11 [handout.pdf, page-count]',
    );
  });

  it('a report lists each problem on its own line', () => {
    const problems = [
      slideProblem('overflow', 'deck', slide, 'a', 'slides'),
      { kind: 'blocked-request' as const, pdf: 'deck' as const, message: 'blocked https://x.invalid/f.woff2' },
    ];
    expect(formatReport(problems)).toBe(
      '  - slides/02-body.md:9: slide 4 “小模型，大潛力”: a [deck.pdf, overflow]\n  - blocked https://x.invalid/f.woff2 [deck.pdf, blocked-request]',
    );
    expect(formatReport([])).toBe('');
  });
});

const SIZE = { width: 1280, height: 720 };
const none = { right: 0, bottom: 0, left: 0, top: 0 };

describe('the overflow sentence', () => {
  it('says nothing when everything fits', () => {
    expect(describeOverflow(none, [], SIZE)).toBeUndefined();
    expect(describeOverflow({ right: -5, bottom: -1, left: -3, top: -2 }, [], SIZE)).toBeUndefined();
  });

  it('reports each edge that content passes, with how far, and the slide size', () => {
    const all = describeOverflow({ right: 20, bottom: 30, left: 40, top: 50 }, [], SIZE);
    expect(all).toBe(
      'content is cut off (30 px past the bottom, 20 px past the right edge, 50 px above the top, 40 px left of the left edge of the 1280×720 slide); ' +
        'shorten the slide, split it, or let it shrink with <!-- .slide: data-fit -->',
    );
    expect(describeOverflow({ ...none, right: 720 }, [], SIZE)).toContain('(720 px past the right edge of the 1280×720 slide)');
    expect(describeOverflow({ ...none, bottom: 1 }, [], SIZE)).toContain('(1 px past the bottom of');
    expect(describeOverflow({ ...none, top: 3 }, [], SIZE)).toContain('(3 px above the top of');
    expect(describeOverflow({ ...none, left: 4 }, [], SIZE)).toContain('(4 px left of the left edge of');
  });

  it('says what is lost: how many of which blocks, from which text, below the slide or past its right edge', () => {
    const text = describeOverflow(
      {
        ...none,
        bottom: 120,
        right: 10,
        lost: [
          { kind: 'list item', count: 2, first: 'l', whole: true, edge: 'bottom' },
          { kind: 'paragraph', count: 1, first: 'p', whole: true, edge: 'bottom' },
          { kind: 'entry', count: 3, first: '', whole: false, edge: 'bottom' },
          { kind: 'image', count: 1, first: '', whole: false, edge: 'bottom' },
          { kind: 'table', count: 1, first: 'Name', whole: true, edge: 'right' },
          { kind: 'embedded page', count: 1, first: '', whole: true, edge: 'right' },
          { kind: 'code block', count: 2, first: 'const', whole: false, edge: 'right' },
        ],
      },
      [],
      SIZE,
    );
    expect(text).toBe(
      '2 list items (from “l”) fall below the slide; a paragraph (from “p”) falls below the slide; 3 entries reach below the slide; ' +
        'an image reaches below the slide; a table (from “Name”) runs past the right edge; an embedded page runs past the right edge; 2 code blocks (from “const”) run past the right edge: ' +
        'cut off in the PDF and on screen (120 px past the bottom, 10 px past the right edge of the 1280×720 slide); ' +
        'shorten the slide, split it, or let it shrink with <!-- .slide: data-fit -->',
    );
  });

  it('without overflow past the slide, names up to three boxes that cut their content off', () => {
    expect(describeOverflow(none, ['pre'], SIZE)).toBe('content is cut off inside pre');
    expect(describeOverflow(none, ['pre', 'table', 'div.box'], SIZE)).toBe('content is cut off inside pre, table, div.box');
    expect(describeOverflow(none, ['a', 'b', 'c', 'd', 'e'], SIZE)).toBe('content is cut off inside a, b, c and 2 more');
  });

  it('overflow past the slide is reported before boxes that clip', () => {
    expect(describeOverflow({ ...none, bottom: 5 }, ['pre'], SIZE)).toMatch(/^content is cut off \(5 px past the bottom/);
  });
});
