import { describe, expect, it } from 'vitest';
import { keyAction } from '../../src/client/keys.js';

describe('keys', () => {
  it('sends every forward key (clickers included) to the next step, never reveal.js’s “right”', () => {
    for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'n', 'N', 'Enter']) expect(keyAction({ key })).toBe('next');
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'p']) expect(keyAction({ key })).toBe('prev');
    expect(keyAction({ key: ' ', shiftKey: true })).toBe('prev');
  });

  it('maps the room controls and leaves modified keys to the browser', () => {
    expect([keyAction({ key: 'b' }), keyAction({ key: '.' }), keyAction({ key: 'W' })]).toEqual(['black', 'black', 'white']);
    expect([keyAction({ key: 'g' }), keyAction({ key: 'o' }), keyAction({ key: '?' }), keyAction({ key: 't' })]).toEqual([
      'goto',
      'overview',
      'help',
      'clock',
    ]);
    expect(keyAction({ key: 'r', ctrlKey: true })).toBeUndefined();
    expect(keyAction({ key: 'ArrowRight', altKey: true })).toBeUndefined();
    expect(keyAction({ key: 'F5' })).toBeUndefined();
  });
});
