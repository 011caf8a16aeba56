import type { EventEmitter } from 'node:events';
import type { PartialConfig } from '../config/schema.js';
import type { Logger } from '../core/log.js';
import type { ConnectionLimits } from './connection-limits.js';
import type { RenderOptions } from '../render/index.js';
import type { Route } from './http.js';
import type { TalkState } from './hub.js';

export interface ServeOptions {
  /** Deck folder or .md file. */
  deck: string;
  /** Where builds go (default: a new temporary folder, removed on close; never the user's dist/ unless asked). */
  outDir?: string;
  /** Default '127.0.0.1' (this machine only); '0.0.0.0' opens the server to the network. */
  host?: string;
  /** Default: the saved port, else 4000; when taken, the next free port (said through the logger). 0 = any free port. */
  port?: number;
  /**
   * More host names the server answers to, besides its own addresses and `localhost` (`--allow-host`): `name`
   * on any port, `name:port` on that port only. For tunnels and reverse proxies; see src/serve/host-check.ts.
   */
  allowedHosts?: readonly string[];
  /** Caps on connections and how long one may idle (default: from the file descriptor limit; see connection-limits.ts). */
  connectionLimits?: Partial<ConnectionLimits>;
  /** Presenter token (at least 8 characters); default: the saved one (see stateFile), else a fresh random one. */
  token?: string;
  /**
   * Where the token, port, clock, slide and screen are kept for a restart of the same deck (readable by the user
   * only); `deck serve` uses stateFileFor(deck). Without it nothing is kept.
   */
  stateFile?: string;
  /** Ignore the saved token and make a new one (`--new-token`). */
  newToken?: boolean;
  flags?: PartialConfig;
  configFile?: string;
  templates?: string;
  logger?: Logger;
  /** Rebuild on changes (default true). */
  watch?: boolean;
  /** Given to the page's client script (`window.deckServe.mode`). */
  mode?: 'present' | 'rehearse';
  /** Merged into every build (bodyHtml/headHtml are appended after the server's own). */
  renderOptions?: RenderOptions;
  /** Tried before the server's own routes and static files; return true when handled. */
  routes?: Route[];
}

/** What the server emits on `events`. */
export interface NavigateEvent {
  h: number;
  v: number;
  f: number;
  /** Epoch ms. */
  at: number;
  from: 'presenter';
}

export interface BuildEvent {
  ok: boolean;
  ms: number;
  error?: Error;
}

/** The server's events and what each listener gets: `server.events.on('build', (event) => …)` is typed. */
export interface ServerEvents {
  /** Every slide change the presenter makes. */
  navigate: [NavigateEvent];
  /** After every build, the first one and each rebuild, good or failed. */
  build: [BuildEvent];
}

export interface ServerHandle {
  /** The audience URL (http://127.0.0.1:4000/). */
  url: string;
  /** One-screen presenter view, with the token. */
  presenterUrl: string;
  /** The deck itself, driving the audience (`/?token=…`). */
  presenterDeckUrl: string;
  /** Phone remote, with the token. */
  remoteUrl: string;
  token: string;
  port: number;
  host: string;
  /** Where the deck is built. */
  outDir: string;
  events: EventEmitter<ServerEvents>;
  /** Where the talk is: slide, clock, screen. */
  readonly talk: TalkState;
  /** Resolves when no rebuild is pending or running (for tests and tools). */
  idle(): Promise<void>;
  /** Closes sockets, watcher and server, and removes a temporary output folder. Idempotent. */
  close(): Promise<void>;
}
