import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh presenter token: 144 random bits, URL-safe. */
export function makeToken(): string {
  return randomBytes(18).toString('base64url');
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Compare a token a client sent with the real one in constant time (both hashed first, so lengths match). */
export function tokensMatch(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 1024) return false;
  return timingSafeEqual(digest(given), digest(expected));
}
