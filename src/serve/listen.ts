import type { Server } from 'node:http';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { Logger } from '../core/log.js';

/** How many ports after the asked one are tried when it is taken. */
export const PORT_ATTEMPTS = 20;

/** A port the user gave: an integer 0–65535 (0 = any free port). */
export function checkPort(port: unknown): number {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new DeckError(ErrorCode.BadConfig, `invalid port "${String(port)}"`, {
      hint: 'give a whole number from 1 to 65535 (or 0 for any free port)',
    });
  }
  return port;
}

function tryListen(server: Server, port: number, host: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      resolve(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(undefined);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Listen on `port`, or the next free one (saying so); returns the port in use. */
export async function listenWithFallback(server: Server, port: number, host: string, logger: Logger): Promise<number> {
  const last = port === 0 ? 0 : Math.min(65535, port + PORT_ATTEMPTS - 1);
  for (let candidate = port; candidate <= last; candidate++) {
    const error = await tryListen(server, candidate, host);
    if (!error) {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : candidate;
      if (port !== 0 && actual !== port) logger.warn(`port ${port} is in use, serving on port ${actual} instead`);
      return actual;
    }
    if (error.code === 'EADDRINUSE' && candidate < last) continue;
    const why =
      error.code === 'EADDRINUSE'
        ? `ports ${port}–${last} are all in use`
        : error.code === 'EACCES'
          ? `not allowed to listen on port ${candidate}`
          : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
            ? `"${host}" is not an address of this machine`
            : error.message;
    throw new DeckError(ErrorCode.ServerFailed, `cannot start the server on ${host}:${candidate}: ${why}`, {
      cause: error,
      hint: error.code === 'EACCES' ? 'use a port above 1023 (--port 4000)' : 'choose another --port or --host',
    });
  }
  throw new DeckError(ErrorCode.ServerFailed, `no free port from ${port}`);
}

/** --port as typed: digits only, then checkPort. */
export function parsePort(raw: string): number {
  if (!/^\d{1,5}$/.test(raw.trim())) {
    throw new DeckError(ErrorCode.BadConfig, `invalid port "${raw}"`, {
      hint: 'give a whole number from 1 to 65535 (or 0 for any free port)',
    });
  }
  return checkPort(Number(raw));
}
