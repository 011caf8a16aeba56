/** The presenter token: random, URL-safe, compared exactly. */
import { describe, expect, it } from 'vitest';
import { makeToken, tokensMatch } from '../../src/serve/token.js';

describe('tokens', () => {
  it('makes distinct URL-safe tokens and compares them exactly', () => {
    const a = makeToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(makeToken()).not.toBe(a);
    expect(tokensMatch(a, a)).toBe(true);
    expect(tokensMatch(a.slice(0, -1), a)).toBe(false);
    expect(tokensMatch(`${a}x`, a)).toBe(false);
    expect(tokensMatch(undefined, a)).toBe(false);
    expect(tokensMatch('', a)).toBe(false);
    expect(tokensMatch(42, a)).toBe(false);
  });

  it('an empty token never matches, not even an empty one', () => {
    expect(tokensMatch('', '')).toBe(false);
  });

  it('refuses a token over 1024 characters without hashing it, even one that would match', () => {
    const longest = 'a'.repeat(1024);
    expect(tokensMatch(longest, longest)).toBe(true);
    const tooLong = 'a'.repeat(1025);
    expect(tokensMatch(tooLong, tooLong)).toBe(false);
  });
});
