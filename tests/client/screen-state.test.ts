import { describe, expect, it } from 'vitest';
import { confirmScreen, requestScreen, screenState, shownScreen, toggleScreen } from '../../src/client/screen-state.js';

describe('screen state: toggled locally, confirmed by the server', () => {
  it('B B before any answer sends black then slides, and ends on the slides', () => {
    const first = toggleScreen(screenState('slides'), 'black');
    const second = toggleScreen(first.state, 'black');
    expect([first.send, second.send]).toEqual(['black', 'slides']);
    expect(shownScreen(second.state)).toBe('slides');
    // The server answers both, in order: nothing flips back on the way.
    const one = confirmScreen(second.state, 'black');
    expect(shownScreen(one)).toBe('slides');
    expect(confirmScreen(one, 'slides')).toEqual(screenState('slides'));
  });

  it('W right after B sends white (not back to the slides)', () => {
    const black = toggleScreen(screenState('slides'), 'black');
    const white = toggleScreen(black.state, 'white');
    expect(white.send).toBe('white');
    expect(shownScreen(white.state)).toBe('white');
  });

  it('another page’s change the server reports first wins over what this page still waits for', () => {
    const asked = requestScreen(screenState('slides'), 'black');
    const other = confirmScreen(asked, 'white');
    expect(other).toEqual(screenState('white'));
    // Toggling then starts from what the audience really sees.
    expect(toggleScreen(other, 'white').send).toBe('slides');
  });
});
