/** The token bucket that drops flooding clients. */
import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '../../src/serve/rate-limit.js';

describe('createTokenBucket', () => {
  it('allows a burst, then refills over time', () => {
    let now = 0;
    const bucket = createTokenBucket({ capacity: 3, refillPerSecond: 2, now: () => now });
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 499;
    expect(bucket.take()).toBe(false);
    now = 1000; // two tokens back after a second
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });
});
