import { describe, expect, it } from 'vitest';
import { notesOf } from '../../src/client/slide-notes.js';

describe('the notes of a slide on screen', () => {
  const notes = [
    { id: 'slide-1', html: 'one' },
    { id: 'slide-2', html: 'hidden' },
    { id: 'slide-3', html: 'two' },
  ];

  it('are those with its id, whatever its place in the order shown (reveal.js removed the hidden slide before it)', () => {
    expect(notesOf(notes, { id: 'slide-3' }, 1)).toBe('two');
    expect(notesOf(notes, { id: 'slide-1' }, 0)).toBe('one');
  });

  it('are found by place only for a slide without an id, or one the notes do not list', () => {
    expect(notesOf(notes, { id: '' }, 2)).toBe('two');
    expect(notesOf(notes, { id: 'mine' }, 0)).toBe('one');
    expect(notesOf(notes, undefined, 0)).toBe('');
  });
});
