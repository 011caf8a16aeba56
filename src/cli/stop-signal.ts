/**
 * The first Ctrl+C or SIGTERM, as a promise, for commands that run until stopped (serve, rehearse). After the
 * first, the listeners are gone, so a second one ends the program as usual.
 */
export function firstStopSignal(): { signal: Promise<NodeJS.Signals>; dispose(): void } {
  let handler: (signal: NodeJS.Signals) => void = () => {};
  const dispose = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    handler = (received) => {
      dispose();
      resolve(received);
    };
  });
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return { signal, dispose };
}
