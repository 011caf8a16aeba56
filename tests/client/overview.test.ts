import { describe, expect, it } from 'vitest';
import { moveSelection, OVERVIEW_QUERY, overviewKey } from '../../src/client/overview.js';

describe('overview selection', () => {
  it('moves by one across, by a row up and down, and stays inside 1..N', () => {
    expect(moveSelection(7, 32, 4, 'right')).toBe(8);
    expect(moveSelection(7, 32, 4, 'down')).toBe(11);
    expect(moveSelection(7, 32, 4, 'up')).toBe(3);
    expect(moveSelection(3, 32, 4, 'up')).toBe(1);
    expect(moveSelection(31, 32, 4, 'down')).toBe(32);
    expect(moveSelection(1, 32, 4, 'left')).toBe(1);
    expect([moveSelection(9, 32, 4, 'first'), moveSelection(9, 32, 4, 'last')]).toEqual([1, 32]);
    expect(moveSelection(2, 32, 4, 'pageDown', 3)).toBe(14);
  });

  it('maps the browsing keys only (Enter, Esc and letters are the page’s)', () => {
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].map(overviewKey)).toEqual([
      'left',
      'right',
      'up',
      'down',
      'first',
      'last',
    ]);
    expect([overviewKey('Enter'), overviewKey('Escape'), overviewKey('b')]).toEqual([undefined, undefined, undefined]);
  });

  it('loads the deck as a receiver in reveal.js’s print view, one page per slide', () => {
    const query = new URLSearchParams(OVERVIEW_QUERY);
    expect(query.has('receiver') && query.has('print-pdf')).toBe(true);
    expect([query.get('pdfSeparateFragments'), query.get('pdfMaxPagesPerSlide'), query.get('showNotes')]).toEqual(['false', '1', 'false']);
  });
});
