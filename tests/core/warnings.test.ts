/** Warnings print as errors do ("file:line: message"), and counts read right ("1 slide", "2 slides"). */
import { describe, expect, it } from 'vitest';
import { formatWarning, plural } from '../../src/core/warnings.js';

describe('formatWarning', () => {
  it('prints the file and line it knows before the message', () => {
    expect(formatWarning({ file: 'slides/02.md', line: 14, message: 'unclosed code fence' })).toBe('slides/02.md:14: unclosed code fence');
    expect(formatWarning({ file: 'deck.config.yaml', message: 'm' })).toBe('deck.config.yaml: m');
    expect(formatWarning({ line: 3, message: 'm' })).toBe('m');
    expect(formatWarning({ message: 'm' })).toBe('m');
  });
});

describe('plural', () => {
  it('one takes the singular, any other count the plural', () => {
    expect(plural(1, 'slide')).toBe('1 slide');
    expect(plural(0, 'slide')).toBe('0 slides');
    expect(plural(2, 'slide')).toBe('2 slides');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
  });
});
