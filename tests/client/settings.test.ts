import { describe, expect, it } from 'vitest';
import { clampNotesSize, NOTES_SIZE } from '../../src/client/settings.js';

describe('notes size', () => {
  it('stays within its limits, on its step grid', () => {
    expect(clampNotesSize(1000)).toBe(NOTES_SIZE.max);
    expect(clampNotesSize(2)).toBe(NOTES_SIZE.min);
    expect(clampNotesSize(23)).toBe(24);
    expect(clampNotesSize(Number.NaN)).toBe(NOTES_SIZE.initial);
  });
});
