import { describe, expect, it } from 'vitest';
import { SWIPE_MIN_PX, swipeMove } from '../../src/client/swipe.js';

describe('swipes on the phone remote', () => {
  it('left is next, right is previous; taps, short drags and scrolls are nothing', () => {
    expect(swipeMove(300, 400, 100, 410)).toBe('next');
    expect(swipeMove(100, 400, 300, 390)).toBe('prev');
    expect(swipeMove(100, 400, 100 + SWIPE_MIN_PX - 1, 400)).toBeUndefined();
    expect(swipeMove(200, 100, 260, 400)).toBeUndefined();
    expect(swipeMove(200, 200, 200, 200)).toBeUndefined();
  });
});
