/** Pandoc's title block (`%` title, author, date at the top of a file): what it gives, and where it ends. */
import { describe, expect, it } from 'vitest';
import { parseTitleBlock } from '../../src/content/title-block.js';

describe('a Pandoc title block', () => {
  it('is only read at the very top of a file', () => {
    expect(parseTitleBlock('# Harbour\n% Not a title\n')).toBeUndefined();
    expect(parseTitleBlock(' % Harbour\n')).toBeUndefined();
  });

  it('may be the whole file, with no newline after its last line', () => {
    expect(parseTitleBlock('% Harbour tour')).toEqual({
      data: { title: 'Harbour tour' },
      length: 14,
      keyLines: { title: 1 },
    });
  });

  it('takes three % lines at most: a fourth starts the body', () => {
    expect(parseTitleBlock('% Harbour\n% Ada; Ben\n% May 2026\n% Harbour again\n')).toEqual({
      data: { title: 'Harbour', author: ['Ada', 'Ben'], date: 'May 2026' },
      length: 32,
      keyLines: { title: 1, author: 2, date: 3 },
    });
  });

  it('ends at a line of spaces: only a line with text after its indent continues a field', () => {
    expect(parseTitleBlock('% Harbour\n   \n  tour\n')).toEqual({
      data: { title: 'Harbour' },
      length: 10,
      keyLines: { title: 1 },
    });
    expect(parseTitleBlock('% Harbour\r\n  tour\r\n\r\nBody')).toEqual({
      data: { title: 'Harbour tour' },
      length: 19,
      keyLines: { title: 1 },
    });
  });

  it('reads a line ended by a Unicode line separator (U+2028, as text pasted from a word processor may hold) as a line', () => {
    // The author stays in the title block, as in Pandoc, not on the first slide.
    expect(parseTitleBlock('% Harbour\u2028 tour\n% Ada\n\n# One\n')).toEqual({
      data: { title: 'Harbour tour', author: 'Ada' },
      length: 22,
      keyLines: { title: 1, author: 2 },
    });
  });
});
