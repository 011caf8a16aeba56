import type { Logger } from '../core/log.js';

/** The signals that end a run from outside (Ctrl-C, `kill`). */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * While installed, SIGINT/SIGTERM run `cleanup` (e.g. close the browser) and then re-raise the same signal with
 * our listener removed, so the program ends the way it would have without us (a shell reports 130 / 143); if
 * someone else still listens when the cleanup is done, they own the ending and nothing is re-raised. Repeated signals during cleanup are ignored; `cleanup` must not
 * hang (see `closeBrowser`). Returns the function that removes the listeners; call it when the work is done.
 */
export function onStopSignal(cleanup: () => Promise<void>, options: { logger?: Logger } = {}): () => void {
  let handling = false;
  const remove = () => {
    for (const signal of STOP_SIGNALS) process.off(signal, handler);
  };
  function handler(signal: NodeJS.Signals): void {
    if (handling) return;
    handling = true;
    options.logger?.debug(`${signal}: closing Chromium`);
    void cleanup()
      .catch(() => {})
      .finally(() => {
        remove();
        // Another listener (a command shutting down on its own, see `firstStopSignal`) owns the ending.
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
  }
  for (const signal of STOP_SIGNALS) process.on(signal, handler);
  return remove;
}
