import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import sirv from 'sirv';
import type { Logger } from '../core/log.js';
import type { ClientAsset } from './assets.js';
import type { HostPolicy } from './host-check.js';
import { isSafeRequestPath } from './safe-path.js';
import { tokensMatch } from './token.js';

/** An extra route: return true when it handled the request. Tried before everything but the safety checks. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface RequestHandlerOptions {
  outDir: string;
  token: string;
  routes: readonly Route[];
  assets: (name: string) => Promise<ClientAsset | undefined>;
  /** The names this server answers to (DNS rebinding), checked before anything else. */
  hosts: HostPolicy;
  /**
   * The paths under `outDir` the build wrote (relative, with `/`); nothing else there is served. With -o the folder
   * may hold other files: `deck notes` writes dist/notes.md and `deck pdf` the handout there, both the speaker's.
   */
  served: () => ReadonlySet<string>;
  /**
   * The page for `/` until a build has written index.html (src/serve/placeholder.ts). Not the output folder's own
   * index.html: with -o it is whatever was there, `deck build`'s copy with the notes and the timing plan included.
   */
  startingHtml: string;
  logger: Logger;
}

/** Headers on every response. The token travels in URLs, so no Referer may carry it away. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'SAMEORIGIN',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': "frame-ancestors 'self'; object-src 'none'; base-uri 'self'",
  'Cache-Control': 'no-store',
};

const FAVICON = '/favicon.ico';
const EMPTY_ICON = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');

/** Pages that need the presenter token, and the file each one is. */
const TOKEN_PAGES: Readonly<Record<string, string>> = { '/presenter': 'presenter.html', '/remote': 'remote.html' };
const TOKEN_FILES: ReadonlySet<string> = new Set(Object.values(TOKEN_PAGES));

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

function forbidden(res: ServerResponse): void {
  res.writeHead(403, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(
    '<!doctype html><meta charset="utf-8"><title>Presenter token needed</title>' +
      '<p style="font:18px system-ui;margin:2em">This page needs the presenter token: open the presenter URL that ' +
      '<code>deck serve</code> printed in the terminal (it ends with <code>?token=…</code>).</p>',
  );
}

/**
 * Why a request from another host or site was refused, for the person who meets it in a browser. It names none
 * of the names the server answers to: a rebound page reads this answer, and the list held this machine's LAN and
 * link-local addresses, its host name and the --allow-host tunnel names. The terminal gets them (`refusalLog`).
 */
export const REFUSED_HOST_TEXT =
  'This deck server answers only to its own addresses (those deck serve printed), to keep other sites from ' +
  'reading it. Reaching it through another name (a tunnel, a proxy)? Start it with --allow-host NAME.\n';

/** At most one warning this often, however many refusals: a rebinding page may keep asking. */
const REFUSAL_LOG_MS = 10_000;

/** Tells the terminal what was refused and which names would do (at most every 10 s). */
export function refusalLog(hosts: HostPolicy, logger: Logger): (req: IncomingMessage) => void {
  let loggedAt = Number.NEGATIVE_INFINITY;
  return (req) => {
    if (performance.now() - loggedAt < REFUSAL_LOG_MS) return;
    loggedAt = performance.now();
    // Quoted: the headers are the client's, and must not write control characters to the terminal.
    const host = JSON.stringify((req.headers.host ?? '').slice(0, 200));
    const origin = req.headers.origin === undefined ? '' : ` from the page ${JSON.stringify(req.headers.origin.slice(0, 200))}`;
    logger.warn(
      `refused a request for Host ${host}${origin}: this server answers to ${hosts.names().join(', ')} (another name: --allow-host NAME)`,
    );
  };
}

/** Refuse a request whose Host is not ours, or a state-changing one sent by a page of another site. */
function refuseForeign(req: IncomingMessage, res: ServerResponse, hosts: HostPolicy, log: (req: IncomingMessage) => void): boolean {
  const safe = req.method === 'GET' || req.method === 'HEAD';
  if (hosts.allowsHost(req.headers.host) && (safe || hosts.allowsOrigin(req.headers.origin))) return false;
  log(req);
  plain(res, 403, REFUSED_HOST_TEXT, { Connection: 'close' });
  return true;
}

function sendAsset(req: IncomingMessage, res: ServerResponse, asset: ClientAsset): void {
  res.writeHead(200, { 'Content-Type': asset.type, 'Content-Length': asset.body.length });
  res.end(req.method === 'HEAD' ? undefined : asset.body);
}

/** HTTP: extra routes, the server's own pages and scripts under /_deck/, then the built deck's files only. */
export function createRequestHandler(options: RequestHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const notFound = (_req: IncomingMessage, res: ServerResponse) => plain(res, 404, 'not found');
  // Every browser asks a site for /favicon.ico, and a 404 is a console error in the first page it opens (the
  // projector's, the presenter view): a deck without an icon gets an empty one. Not a 204: Chromium asked again
  // on slide changes, and while the server was down each ask was one more console error.
  const noFile = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.split('?')[0] !== FAVICON) return notFound(req, res);
    res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Content-Length': EMPTY_ICON.length });
    res.end(req.method === 'HEAD' ? undefined : EMPTY_ICON);
  };
  const files = sirv(options.outDir, { dev: true, dotfiles: false, etag: false, onNoMatch: noFile });
  const starting = Buffer.from(options.startingHtml);
  const sendStarting = (req: IncomingMessage, res: ServerResponse) =>
    sendAsset(req, res, { body: starting, type: 'text/html; charset=utf-8' });
  const refused = refusalLog(options.hosts, options.logger);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.socket.destroyed) return;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (refuseForeign(req, res, options.hosts, refused)) return;
    const raw = req.url ?? '/';
    const rawPath = raw.split('?')[0]!.split('#')[0]!;
    if (!isSafeRequestPath(rawPath)) return notFound(req, res);
    const url = new URL(raw, 'http://localhost');
    for (const route of options.routes) if (await route(req, res, url)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    if (url.pathname === '/_deck/ws') return plain(res, 426, 'this is the WebSocket endpoint', { Upgrade: 'websocket' });
    if (url.pathname.startsWith('/_deck/')) {
      // The token pages are served only under their own paths, with the token (not as /_deck/presenter.html).
      const name = url.pathname.slice('/_deck/'.length);
      const asset = TOKEN_FILES.has(name) ? undefined : await options.assets(name);
      return asset ? sendAsset(req, res, asset) : notFound(req, res);
    }
    const page = TOKEN_PAGES[url.pathname.replace(/\.html$/, '')];
    if (page) {
      if (!tokensMatch(url.searchParams.get('token'), options.token)) return forbidden(res);
      const asset = await options.assets(page);
      return asset ? sendAsset(req, res, asset) : notFound(req, res);
    }
    // sirv pipes a file stream into the response and never closes it if the client goes away mid-answer: the
    // stream would sit paused, holding its file open for good (any audience page could leak descriptors).
    res.once('pipe', (source: Readable) => {
      if (res.closed) source.destroy();
      else res.once('close', () => !res.writableFinished && source.destroy());
    });
    // A connection closed meanwhile (its client left, or src/serve/connection-limits.ts cut it): open no file for it.
    if (req.socket.destroyed) return;
    const file = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    if (!options.served().has(file)) return file === 'index.html' ? sendStarting(req, res) : noFile(req, res);
    files(req, res);
  };

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger.error(`serving ${req.url}: ${(error as Error).message}`);
      if (!res.headersSent) plain(res, 500, 'internal error');
      else res.destroy();
    });
  };
}
