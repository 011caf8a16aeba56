/** The DeckError a call throws or a promise rejects with, for asserting its code, file, line and hint. */
import { type DeckError, isDeckError } from '../../src/core/errors.js';

/** What `run` throws; another error is thrown on, and no error at all fails the test. */
export function thrownDeckError(run: () => unknown): DeckError {
  try {
    run();
  } catch (error) {
    if (isDeckError(error)) return error;
    throw error;
  }
  throw new Error('expected a DeckError, nothing was thrown');
}

/** What `promise` rejects with; another error is thrown on, and a fulfilled promise fails the test. */
export async function rejectedDeckError(promise: Promise<unknown>): Promise<DeckError> {
  try {
    await promise;
  } catch (error) {
    if (isDeckError(error)) return error;
    throw error;
  }
  throw new Error('expected a DeckError, the promise was fulfilled');
}
