import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import type { Logger } from '../core/log.js';
import { parseClientMessage, type BuildErrorInfo, type ClientRole, type ServerMessage, type SlideState } from './protocol.js';
import { createTokenBucket, type TokenBucket } from './rate-limit.js';
import { tokensMatch } from './token.js';

/** Roles that may drive when they bring the token. */
const DRIVERS: ReadonlySet<ClientRole> = new Set(['deck', 'presenter', 'remote']);

export interface HubLimits {
  /** Largest frame accepted, bytes; a bigger one closes that client's socket (1009). */
  maxPayload: number;
  /** Token bucket per client. */
  burst: number;
  perSecond: number;
  /** Invalid or forbidden messages tolerated before the client is disconnected (1008). */
  maxStrikes: number;
  /** Messages dropped by the rate limit tolerated before the client is disconnected (1008). */
  maxDropped: number;
  /** Ping interval; a client that did not answer the previous ping is dropped. */
  heartbeatMs: number;
  /** A client this far behind (bytes queued) is dropped rather than slowing everyone. */
  maxBuffered: number;
}

export const DEFAULT_LIMITS: Readonly<HubLimits> = {
  maxPayload: 4096,
  burst: 40,
  perSecond: 20,
  maxStrikes: 20,
  maxDropped: 40,
  heartbeatMs: 30_000,
  maxBuffered: 1 << 20,
};

export interface HubOptions {
  token: string;
  events: EventEmitter;
  logger: Logger;
  limits?: Partial<HubLimits>;
}

export interface SyncHub {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Tell pages the build failed (they show an overlay) or, with null, that it is fixed. */
  setError(error: BuildErrorInfo | null): void;
  /** Tell pages a new build is out: `hard` = reload the page, else they may swap the slides in place. */
  reload(hard: boolean): void;
  /** Tell pages to swap one stylesheet (path relative to the deck). */
  css(href: string): void;
  readonly state: SlideState | null;
  readonly clientCount: number;
  close(): Promise<void>;
}

interface Client {
  readonly ws: WebSocket;
  role: ClientRole | undefined;
  presenter: boolean;
  readonly bucket: TokenBucket;
  strikes: number;
  dropped: number;
  alive: boolean;
}

/** The WebSocket side: who is connected, who may drive, and what everyone is told. */
export function createHub(options: HubOptions): SyncHub {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { events, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayload, clientTracking: false });
  const clients = new Set<Client>();
  let state: SlideState | null = null;
  let startedAt: number | null = null;
  let build = 1;
  let error: BuildErrorInfo | null = null;
  let closed = false;

  const send = (client: Client, message: ServerMessage | string) => {
    const ws = client.ws;
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > limits.maxBuffered) {
      logger.debug('dropping a client that does not keep up');
      ws.terminate();
      return;
    }
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  };
  const broadcast = (message: ServerMessage, except?: Client) => {
    const text = JSON.stringify(message);
    for (const client of clients) if (client !== except && client.role) send(client, text);
  };
  const strike = (client: Client, why: string) => {
    client.strikes += 1;
    logger.debug(`ws: ${why} (${client.strikes}/${limits.maxStrikes})`);
    if (client.strikes >= limits.maxStrikes) client.ws.close(1008, 'too many bad messages');
  };

  const onMessage = (client: Client, data: RawData, isBinary: boolean) => {
    if (!client.bucket.take()) {
      client.dropped += 1;
      if (client.dropped >= limits.maxDropped) {
        logger.debug('ws: a client flooded the server and was disconnected');
        client.ws.close(1008, 'rate limit');
      }
      return;
    }
    const message = isBinary ? undefined : parseClientMessage(data.toString('utf8'));
    if (!message) return strike(client, 'malformed message dropped');
    if (message.type === 'hello') {
      if (client.role) return strike(client, 'second hello ignored');
      client.role = message.role;
      client.presenter = DRIVERS.has(message.role) && tokensMatch(message.token, options.token);
      send(client, { type: 'welcome', role: client.role, presenter: client.presenter, state, startedAt, now: Date.now(), build, error });
      return;
    }
    if (!client.presenter) {
      send(client, { type: 'denied', reason: 'only the presenter (with the token) can do that' });
      return strike(client, `${message.type} without the presenter token`);
    }
    const now = Date.now();
    if (message.type === 'timer') {
      startedAt = now;
      broadcast({ type: 'timer', startedAt, now });
      return;
    }
    if (state && state.h === message.h && state.v === message.v && state.f === message.f) return;
    startedAt ??= now;
    state = { h: message.h, v: message.v, f: message.f, at: now };
    broadcast({ type: 'state', ...state, startedAt, now }, client);
    events.emit('navigate', { ...state, from: 'presenter' });
  };

  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        client.ws.terminate();
        continue;
      }
      client.alive = false;
      client.ws.ping();
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  wss.on('connection', (ws: WebSocket) => {
    const client: Client = {
      ws,
      role: undefined,
      presenter: false,
      bucket: createTokenBucket({ capacity: limits.burst, refillPerSecond: limits.perSecond }),
      strikes: 0,
      dropped: 0,
      alive: true,
    };
    clients.add(client);
    ws.on('message', (data, isBinary) => onMessage(client, data, isBinary));
    ws.on('pong', () => (client.alive = true));
    // A protocol error (e.g. a frame over maxPayload) closes this socket only; it must never throw.
    ws.on('error', (cause) => logger.debug(`ws: client error: ${cause.message}`));
    ws.on('close', () => clients.delete(client));
  });

  return {
    handleUpgrade(req, socket, head) {
      // Host and Origin were checked by the server (src/serve/host-check.ts).
      if (closed) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    setError(next) {
      if (next === null && error === null) return;
      error = next;
      broadcast({ type: 'error', error });
    },
    reload(hard) {
      build += 1;
      broadcast({ type: 'reload', build, hard });
    },
    css(href) {
      build += 1;
      broadcast({ type: 'css', build, href });
    },
    get state() {
      return state;
    },
    get clientCount() {
      return clients.size;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      for (const client of clients) client.ws.terminate();
      clients.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
