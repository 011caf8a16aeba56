/**
 * How many connections the server holds, and for how long one may sit doing nothing. Idle WebSockets once
 * filled every file descriptor (19,980 of them) and 1,100 slowloris sockets blocked `GET /` for 90 s. So:
 * a connection that has not finished a request (or, once upgraded, said a valid hello) is "idle" and is closed
 * after `idleMs`; connections are capped in total and per address, and at a cap the oldest idle connection of
 * the busiest address makes room, so a real client still gets in while an attacker holds many sockets. A
 * connection with a request in progress, or a WebSocket that said hello, is never evicted, but one whose answer
 * has not moved for `stallMs` because its client stopped reading it is closed (a reader that never reads held its
 * socket and the file being sent for good), and so is one with more than `maxPipelined` requests waiting.
 * Tested in tests/serve/connection-limits.test.ts; the heavy attacks are in scripts/bench/attacks.mjs.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from '../core/log.js';

export interface ConnectionLimits {
  /** Connections held at once, from every address. */
  readonly maxConnections: number;
  /** Connections held at once from one address (an audience of 200 pages on one machine is the benchmark's). */
  readonly maxPerAddress: number;
  /** How long a connection may stay idle: no full request headers yet, nothing asked since the last answer, or no hello. */
  readonly idleMs: number;
  /** How long an answer may wait for its client to read it (nothing taken from a full send buffer); default 30 s. */
  readonly stallMs?: number;
  /** Requests one connection may have waiting for their answers at once (pipelined); default 16. */
  readonly maxPipelined?: number;
}

/** File descriptors this process may open (the soft limit), where the system says; else the common default. */
export function openFileLimit(read: (path: string) => string = (path) => readFileSync(path, 'utf8')): number {
  try {
    const line = read('/proc/self/limits')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    if (soft === 'unlimited') return 1 << 20;
    const value = Number(soft);
    return Number.isFinite(value) && value > 0 ? value : 1024;
  } catch {
    return 1024;
  }
}

/** Defaults: leave a quarter of the descriptors (and at least 64) for files, watchers and Chromium. */
export function defaultConnectionLimits(fileLimit = openFileLimit()): ConnectionLimits {
  const maxConnections = Math.max(32, Math.min(10_000, Math.floor(fileLimit * 0.75) - 64));
  return { maxConnections, maxPerAddress: Math.min(maxConnections, 512), idleMs: 10_000, stallMs: 30_000 };
}

type State = 'idle' | 'busy' | 'live';

interface Tracked {
  readonly socket: Socket;
  readonly address: string;
  state: State;
  /** When it became idle (performance.now()). */
  since: number;
  /** When its answer last moved: the request came, or the send buffer drained. */
  movedAt: number;
  /** Requests on it not yet answered (pipelined ones wait behind the first). */
  pending: number;
}

export interface ConnectionGuard {
  /** A WebSocket on this socket said a valid hello: a real client, never evicted. */
  live(socket: Duplex): void;
  readonly size: number;
  /** Connections closed or refused by the limits so far. */
  readonly evicted: number;
  close(): void;
}

/** 127.0.0.1 and ::ffff:127.0.0.1 are one address. */
const addressOf = (socket: Socket) => (socket.remoteAddress ?? '?').replace(/^::ffff:/, '');

export function guardConnections(
  server: Server,
  limits: ConnectionLimits,
  options: { logger?: Logger; now?: () => number } = {},
): ConnectionGuard {
  const now = options.now ?? (() => performance.now());
  const tracked = new Map<Socket, Tracked>();
  const byAddress = new Map<string, Set<Tracked>>();
  let evicted = 0;
  let warnedAt = Number.NEGATIVE_INFINITY;

  const drop = (entry: Tracked, why: string) => {
    evicted++;
    if (now() - warnedAt > 10_000) {
      warnedAt = now();
      options.logger?.warn(`closing connections that hold the server without using it (${why}; from ${entry.address})`);
    }
    entry.socket.destroy();
  };
  /** The oldest idle connection, of `address` or of the address holding the most. */
  const oldestIdle = (address?: string): Tracked | undefined => {
    let group = address === undefined ? undefined : byAddress.get(address);
    if (address === undefined) {
      for (const candidate of byAddress.values()) if (!group || candidate.size > group.size) group = candidate;
    }
    let oldest: Tracked | undefined;
    for (const entry of group ?? []) if (entry.state === 'idle' && (!oldest || entry.since < oldest.since)) oldest = entry;
    return oldest;
  };
  const idle = (entry: Tracked) => {
    entry.state = 'idle';
    entry.since = now();
  };

  const onConnection = (socket: Socket) => {
    const address = addressOf(socket);
    const group = byAddress.get(address) ?? new Set<Tracked>();
    if (group.size >= limits.maxPerAddress) {
      const victim = oldestIdle(address);
      if (!victim) {
        drop(
          { socket, address, state: 'idle', since: now(), movedAt: now(), pending: 0 },
          `more than ${limits.maxPerAddress} connections from one address`,
        );
        return;
      }
      drop(victim, `more than ${limits.maxPerAddress} connections from one address`);
    }
    if (tracked.size >= limits.maxConnections) {
      const victim = oldestIdle() ?? oldestIdle(address);
      if (!victim) {
        drop(
          { socket, address, state: 'idle', since: now(), movedAt: now(), pending: 0 },
          `more than ${limits.maxConnections} connections`,
        );
        return;
      }
      drop(victim, `more than ${limits.maxConnections} connections`);
    }
    const entry: Tracked = { socket, address, state: 'idle', since: now(), movedAt: now(), pending: 0 };
    socket.on('drain', () => (entry.movedAt = now()));
    tracked.set(socket, entry);
    byAddress.set(address, group.add(entry));
    socket.once('close', () => {
      tracked.delete(socket);
      group.delete(entry);
      if (group.size === 0 && byAddress.get(address) === group) byAddress.delete(address);
    });
  };
  const onRequest = (req: { socket: Socket }, res: { once(event: 'close', listener: () => void): unknown }) => {
    const entry = tracked.get(req.socket);
    if (!entry) return;
    entry.state = 'busy';
    entry.movedAt = now();
    entry.pending++;
    res.once('close', () => {
      entry.pending--;
      if (entry.state === 'busy' && entry.pending === 0) idle(entry);
    });
    // Browsers never pipeline; thousands of requests in one write each opened a file before any answer went out.
    if (entry.pending > (limits.maxPipelined ?? 16)) drop(entry, 'too many requests at once on one connection');
  };
  // An upgraded socket waits for its hello: idle (evictable) until `live`.
  const onUpgrade = (req: { socket: Socket }) => {
    const entry = tracked.get(req.socket);
    if (entry) idle(entry);
  };

  const sweep = setInterval(
    () => {
      const limit = now() - limits.idleMs;
      const stalled = now() - (limits.stallMs ?? 30_000);
      for (const entry of tracked.values()) {
        if (entry.state === 'idle' && entry.since < limit) drop(entry, 'idle too long');
        else if (entry.state === 'busy' && entry.socket.writableNeedDrain && entry.movedAt < stalled) drop(entry, 'not reading its answer');
      }
    },
    Math.min(1_000, limits.idleMs),
  );
  sweep.unref();

  // Before any other listener: a connection refused here is never parsed.
  server.prependListener('connection', onConnection);
  server.prependListener('request', onRequest);
  server.prependListener('upgrade', onUpgrade);

  return {
    live(socket) {
      const entry = tracked.get(socket as Socket);
      if (entry) entry.state = 'live';
    },
    get size() {
      return tracked.size;
    },
    get evicted() {
      return evicted;
    },
    close() {
      clearInterval(sweep);
      server.off('connection', onConnection);
      server.off('request', onRequest);
      server.off('upgrade', onUpgrade);
    },
  };
}
