import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import type { Logger } from '../core/log.js';
import type { ServerEvents } from './options.js';
import { applyClockAction, clockElapsed, STOPPED_CLOCK } from './clock.js';
import {
  parseClientMessage,
  type BuildErrorInfo,
  type ClientRole,
  type ClockState,
  type ScreenMode,
  type SentSlideState,
  type ServerMessage,
  type SlideState,
} from './protocol.js';
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
  /** A socket that has not said a valid hello this long after connecting is closed (idle sockets held the server). */
  helloMs: number;
}

export const DEFAULT_LIMITS: Readonly<HubLimits> = {
  maxPayload: 4096,
  burst: 40,
  perSecond: 20,
  maxStrikes: 20,
  maxDropped: 40,
  heartbeatMs: 30_000,
  maxBuffered: 1 << 20,
  helloMs: 5_000,
};

/** What the talk is at: kept across a restart of the same deck (src/serve/state-file.ts). */
export interface TalkState {
  readonly slide: SlideState | null;
  readonly clock: ClockState;
  readonly screen: ScreenMode;
}

export interface HubOptions {
  token: string;
  events: EventEmitter<ServerEvents>;
  logger: Logger;
  limits?: Partial<HubLimits>;
  /** Where a restarted server takes up the talk. */
  initial?: TalkState;
  /** Called after every change of the slide, the clock or the screen (to save it). */
  onTalkChange?: (talk: TalkState) => void;
  /** The digest of the deck being served (welcome and reload messages carry it); '' without one. */
  digest?: () => string;
  /**
   * Welcomes wait for this: the first build, so that a page reconnecting while a restarted server builds is told
   * the deck's digest, not '' (it would miss an edit made while the server was stopped).
   */
  ready?: Promise<void>;
  /** Called with a client's socket once it said a valid hello (src/serve/connection-limits.ts keeps it then). */
  onHello?: (socket: Duplex) => void;
}

export interface SyncHub {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Tell the presenter's pages the build failed or, with null, that it is fixed. Audience pages are never told. */
  setError(error: BuildErrorInfo | null): void;
  /** Tell pages a new build is out: `hard` = reload the page, else they may swap the slides in place. */
  reload(hard: boolean): void;
  /** Tell pages to swap one stylesheet (path relative to the deck). */
  css(href: string): void;
  /** Tell the presenter's pages the notes or the plan changed (the audience's page did not). */
  notes(): void;
  readonly state: SlideState | null;
  readonly talk: TalkState;
  /** The number of the last build announced to pages. */
  readonly build: number;
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
  /** The connection under the WebSocket, and the timer that closes it if no hello comes. */
  readonly socket: Duplex;
  helloTimer?: NodeJS.Timeout;
}

/** The WebSocket side: who is connected, who may drive, and what everyone is told. */
export function createHub(options: HubOptions): SyncHub {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { events, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayload, clientTracking: false });
  const clients = new Set<Client>();
  let state: SlideState | null = options.initial?.slide ?? null;
  let clock: ClockState = options.initial?.clock ?? STOPPED_CLOCK;
  let screen: ScreenMode = options.initial?.screen ?? 'slides';
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
  /** To every page, or only to the token holders' (`presenters`) or only to the others' (`audience`). */
  const broadcast = (message: ServerMessage, except?: Client, to: 'all' | 'presenters' | 'audience' = 'all') => {
    const text = JSON.stringify(message);
    for (const client of clients) {
      if (client === except || !client.role) continue;
      if (to === 'all' || client.presenter === (to === 'presenters')) send(client, text);
    }
  };
  /** Where the talk is as a page is told it: the talk clock's part only with the token (it is the speaker's). */
  const stateFor = (presenter: boolean): SentSlideState | null => (presenter || !state ? state : { ...state, clockAt: null });
  const talkChanged = () => options.onTalkChange?.({ slide: state, clock, screen });
  const strike = (client: Client, why: string) => {
    client.strikes += 1;
    logger.debug(`ws: ${why} (${client.strikes}/${limits.maxStrikes})`);
    if (client.strikes >= limits.maxStrikes) client.ws.close(1008, 'too many bad messages');
  };

  const welcome = (client: Client, role: ClientRole) =>
    send(client, {
      type: 'welcome',
      role,
      presenter: client.presenter,
      state: stateFor(client.presenter),
      clock: client.presenter ? clock : null,
      screen,
      now: Date.now(),
      build,
      deck: options.digest?.() ?? '',
      error: client.presenter ? error : null,
    });

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
      clearTimeout(client.helloTimer);
      options.onHello?.(client.socket);
      client.presenter = DRIVERS.has(message.role) && tokensMatch(message.token, options.token);
      const role = message.role;
      if (options.ready) void options.ready.then(() => welcome(client, role));
      else welcome(client, role);
      return;
    }
    if (!client.presenter) {
      send(client, { type: 'denied', reason: 'only the presenter (with the token) can do that' });
      return strike(client, `${message.type} without the presenter token`);
    }
    const now = Date.now();
    switch (message.type) {
      case 'timer': {
        const next = applyClockAction(clock, message.action, now);
        if (next === clock) return;
        // A reset starts the current slide's own time again too.
        if (message.action === 'reset' && state) state = { ...state, at: now, clockAt: 0 };
        clock = next;
        broadcast({ type: 'timer', clock, now }, undefined, 'presenters');
        talkChanged();
        return;
      }
      case 'screen':
        // Already so: the sender still gets its answer (its page waits for one to confirm the key press).
        if (message.mode === screen) return send(client, { type: 'screen', mode: screen });
        screen = message.mode;
        broadcast({ type: 'screen', mode: screen });
        talkChanged();
        return;
      case 'navigate': {
        if (state && state.h === message.h && state.v === message.v && state.f === message.f) return;
        // The first move starts the talk clock, if Start was not pressed (the mover is told too: it gets no state).
        const starts = clock.startedAt === null;
        if (starts) clock = applyClockAction(clock, 'start', now);
        state = { h: message.h, v: message.v, f: message.f, at: now, clockAt: clockElapsed(clock, now) };
        broadcast({ type: 'state', ...state, clock, now }, client, 'presenters');
        broadcast({ type: 'state', ...stateFor(false)!, clock: null, now }, client, 'audience');
        if (starts) send(client, { type: 'timer', clock, now });
        // A move while the room sees a black or white screen brings the slides back, on the slide moved to, as N or
        // → do in PowerPoint: before, the talk went on under the cover, and the room missed every slide shown blind.
        if (screen !== 'slides') {
          screen = 'slides';
          broadcast({ type: 'screen', mode: screen });
        }
        events.emit('navigate', { h: state.h, v: state.v, f: state.f, at: now, from: 'presenter' });
        talkChanged();
        return;
      }
      default: {
        const never: never = message;
        return never;
      }
    }
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

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const client: Client = {
      socket: req.socket,
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
    ws.on('close', () => {
      clearTimeout(client.helloTimer);
      clients.delete(client);
    });
    client.helloTimer = setTimeout(() => {
      logger.debug('ws: no hello in time; closing');
      ws.terminate();
    }, limits.helloMs);
    client.helloTimer.unref();
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
      broadcast({ type: 'error', error }, undefined, 'presenters');
    },
    reload(hard) {
      build += 1;
      broadcast({ type: 'reload', build, hard, deck: options.digest?.() ?? '' });
    },
    css(href) {
      build += 1;
      broadcast({ type: 'css', build, href });
    },
    notes() {
      broadcast({ type: 'notes' }, undefined, 'presenters');
    },
    get state() {
      return state;
    },
    get talk() {
      return { slide: state, clock, screen };
    },
    get build() {
      return build;
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
