/** A reader that goes away (`deck build | head -1`) ends the command's output, not the command. */

/** Node reports a write to a closed pipe as an 'error' event, which kills the process unless someone listens. */
function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') return;
  throw error;
}

/**
 * Let the command finish its work (and exit with its own status) when stdout or stderr is closed under it: what
 * it would still have printed goes nowhere. Any other write error still ends the process as before. Safe to call
 * more than once.
 */
export function outliveClosedPipes(...streams: NodeJS.WriteStream[]): void {
  for (const stream of streams) {
    if (!stream.listeners('error').includes(ignoreClosedPipe)) stream.on('error', ignoreClosedPipe);
  }
}
