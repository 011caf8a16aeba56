import { DeckError, ErrorCode } from '../core/errors.js';

/**
 * Settle like `promise`, or reject with `DeckError(Timeout)` if it has not settled within `ms`. The timer is
 * cleared either way, so it never keeps the process alive. The promise itself is not cancelled.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeckError(ErrorCode.Timeout, `${what} did not finish within ${ms}ms`, { hint: 'raise --timeout' })),
      ms,
    );
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
