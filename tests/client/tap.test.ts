import { describe, expect, it } from 'vitest';
import { clickAfterTap, isTap, TAP_MAX_PX } from '../../src/client/tap.js';
import { SWIPE_MIN_PX } from '../../src/client/swipe.js';

describe('taps on the remote’s buttons', () => {
  it('a finger down and up on the button, wobbling less than TAP_MAX_PX, is a tap; off the button or further is not', () => {
    expect(TAP_MAX_PX).toBeLessThan(SWIPE_MIN_PX);
    expect(isTap({ x0: 100, y0: 100, x1: 100, y1: 100, onButton: true })).toBe(true);
    expect(isTap({ x0: 100, y0: 100, x1: 112, y1: 96, onButton: true })).toBe(true);
    expect(isTap({ x0: 100, y0: 100, x1: 100 + TAP_MAX_PX, y1: 100, onButton: true })).toBe(false);
    expect(isTap({ x0: 100, y0: 100, x1: 110, y1: 110, onButton: false })).toBe(false);
  });

  it('the click after a touch or pen tap is not a second press; a mouse click or the keyboard is a press', () => {
    expect(clickAfterTap({ pointerType: 'touch', detail: 1 }, true)).toBe(true);
    expect(clickAfterTap({ pointerType: 'touch', detail: 1 }, false)).toBe(true); // its pointerup was not a tap
    expect(clickAfterTap({ pointerType: 'pen', detail: 1 }, false)).toBe(true);
    expect(clickAfterTap({ pointerType: 'mouse', detail: 1 }, false)).toBe(false);
    expect(clickAfterTap({ pointerType: '', detail: 0 }, true)).toBe(false); // Enter or Space
    // A browser whose click is a plain MouseEvent: the click right after our tap is the tap's.
    expect(clickAfterTap({ detail: 1 }, true)).toBe(true);
    expect(clickAfterTap({ detail: 1 }, false)).toBe(false);
  });
});
