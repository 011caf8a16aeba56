/**
 * The UTF-8 check that names the line of a bad byte: it agrees with the platform's strict decoder on any bytes,
 * and a large file with one bad byte at its end is reported on the right line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/content/sources.js';
import { firstInvalidUtf8 } from '../../src/content/utf8.js';
import { ErrorCode, isDeckError } from '../../src/core/errors.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const decodes = (bytes: Uint8Array) => {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Bytes biased towards the edges of UTF-8: lead bytes, continuations, overlong and surrogate starts. */
const byte = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xa0, 0x9f, 0xed, 0xef, 0xf0, 0x90, 0x8f, 0xf4, 0xf5, 0xff),
  fc.integer({ min: 0x80, max: 0xff }),
);

describe('firstInvalidUtf8', () => {
  it('is -1 exactly when the strict decoder accepts the bytes, and the bytes before it decode', () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 24 }), fc.string({ unit: 'binary', maxLength: 8 }), (raw, text) => {
        const bytes = new Uint8Array([...new TextEncoder().encode(text), ...raw]);
        const bad = firstInvalidUtf8(bytes);
        expect(bad === -1).toBe(decodes(bytes));
        if (bad !== -1) {
          expect(decodes(bytes.subarray(0, bad))).toBe(true);
          expect(decodes(bytes.subarray(0, bad + 1))).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('names the line of a bad byte at the end of a 1 MB file', () => {
    const line = '技術的飛躍 GPT-1 至 GPT-4o 的演變 — a line of mixed text.\n';
    const lines = Math.ceil(1_000_000 / Buffer.byteLength(line));
    const bytes = Buffer.concat([Buffer.from(line.repeat(lines)), Buffer.from([0x41, 0xe8, 0x41, 0x0a])]);
    try {
      decodeSource(bytes, 'big.md');
      expect.unreachable('a file with a bad byte must not decode');
    } catch (error) {
      expect(isDeckError(error) && error.code === ErrorCode.BadInput).toBe(true);
      expect((error as { line?: number }).line).toBe(lines + 1);
    }
  });
});

describe('firstInvalidUtf8 at the limits of RFC 3629', () => {
  it('accepts the first and last four-byte code points and refuses overlong forms, surrogates and past U+10FFFF', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xf0, 0x90, 0x80, 0x80, 0xf4, 0x8f, 0xbf, 0xbf]))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xf0, 0x8f, 0xbf, 0xbf]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xf4, 0x90, 0x80, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0xe0, 0x9f, 0xbf]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0x9f, 0xbf, 0xe0, 0xa0, 0x80]))).toBe(-1);
  });
});
