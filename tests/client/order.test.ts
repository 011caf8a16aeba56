import { describe, expect, it } from 'vitest';
import { parseSlideNumber, positionLabel, stepOf } from '../../src/client/order.js';

describe('one numbering and step counter', () => {
  it('counts steps from the fragments shown: all hidden is step 1', () => {
    expect(stepOf(-1, [])).toEqual({ at: 1, of: 1 });
    expect(stepOf(-1, [0, 1, 2])).toEqual({ at: 1, of: 4 });
    expect(stepOf(1, [0, 1, 2])).toEqual({ at: 3, of: 4 });
    // Fragments sharing an index are one step; gaps in the numbering do not count.
    expect(stepOf(5, [0, 0, 5, 9])).toEqual({ at: 3, of: 4 });
  });

  it('labels 1..N, with the step only on slides that have steps', () => {
    expect(positionLabel(13, 32, { at: 1, of: 1 })).toBe('14 / 32');
    expect(positionLabel(13, 32, { at: 2, of: 4 })).toBe('14 / 32 · step 2 / 4');
    expect(positionLabel(-1, 0, { at: 1, of: 1 })).toBe('–');
  });

  it('says so on a slide outside the numbering (data-visibility="uncounted")', () => {
    expect(positionLabel(-1, 32, { at: 1, of: 1 })).toBe('uncounted slide');
    expect(positionLabel(-1, 32, { at: 2, of: 3 })).toBe('uncounted slide · step 2 / 3');
  });

  it('reads a typed slide number within 1..N only', () => {
    expect(parseSlideNumber(' 7 ', 32)).toBe(7);
    for (const bad of ['0', '33', '', '7a', '-1', '1e3']) expect(parseSlideNumber(bad, 32)).toBeUndefined();
  });
});
