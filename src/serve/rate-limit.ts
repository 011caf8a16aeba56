export interface TokenBucket {
  /** Take one token; false when the bucket is empty (the message should be dropped). */
  take(): boolean;
}

export interface TokenBucketOptions {
  /** Burst size. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
  /** Clock in ms (for tests). */
  now?: () => number;
}

/** A token bucket: up to `capacity` messages at once, `refillPerSecond` sustained. */
export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const now = options.now ?? (() => performance.now());
  let tokens = options.capacity;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(options.capacity, tokens + ((t - last) / 1000) * options.refillPerSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
