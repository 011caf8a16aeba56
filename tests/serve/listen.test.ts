/** Port parsing for serve and rehearse. */
import { describe, expect, it } from 'vitest';
import { DeckError } from '../../src/core/errors.js';
import { parsePort } from '../../src/serve/listen.js';

describe('parsePort', () => {
  it('takes 0–65535 and refuses the rest with a DeckError', () => {
    expect(parsePort('4000')).toBe(4000);
    expect(parsePort('0')).toBe(0);
    for (const bad of ['65536', '-1', 'abc', '80.5', '']) expect(() => parsePort(bad)).toThrow(DeckError);
  });
});
