/**
 * The first Ctrl+C or SIGTERM, as a promise, for commands that run until stopped (serve, rehearse). The listeners
 * stay until `dispose()`, so the command owns the stop while it shuts down: a browser session's `onStopSignal`
 * then leaves the ending to it instead of re-raising the signal. A second signal before `dispose()` ends the
 * program as usual (a shell reports 130 / 143).
 */
export function firstStopSignal(): { signal: Promise<NodeJS.Signals>; dispose(): void } {
  let received: NodeJS.Signals | undefined;
  let resolve: (signal: NodeJS.Signals) => void = () => {};
  const signal = new Promise<NodeJS.Signals>((done) => {
    resolve = done;
  });
  const dispose = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  function handler(next: NodeJS.Signals): void {
    if (received === undefined) {
      received = next;
      resolve(next);
      return;
    }
    dispose();
    process.kill(process.pid, next);
  }
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return { signal, dispose };
}
