import { EventEmitter } from 'node:events';
import { rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../core/fs.js';
import { DeckError, ErrorCode } from '../core/errors.js';
import { createLogger, type Logger } from '../core/log.js';
import { clearStaleTempDirs, makeOwnedTempDir } from '../core/owned-temp.js';
import { clientAssets } from './assets.js';
import { createBuilder, errorInfo, type BuildOutcome } from './builder.js';
import { createCoalescer } from './coalesce.js';
import { defaultConnectionLimits, guardConnections } from './connection-limits.js';
import { createHostPolicy } from './host-check.js';
import { createRequestHandler, REFUSED_HOST_TEXT, refusalLog } from './http.js';
import { createHub, DEFAULT_LIMITS, type SyncHub } from './hub.js';
import { checkPort, listenWithFallback } from './listen.js';
import type { BuildEvent, ServeOptions, ServerEvents, ServerHandle } from './options.js';
import { placeholderHtml } from './placeholder.js';
import { notesRoute } from './notes-route.js';
import { shareLinks, shareRoute } from './share.js';
import { createStateWriter, loadServeState, type StateWriter } from './state-file.js';
import { makeToken } from './token.js';
import { serverUrls, urlHost } from './urls.js';
import { watchDeck, type DeckWatcher } from './watch.js';

/** Temporary folders of `deck serve` (its builds, and its PDFs from src/cli/serve-pdf.ts). */
export const SERVE_PREFIX = 'deck-serve-';

function validToken(token: string): string {
  if (token.length < 8 || token.length > 256 || /\s/.test(token)) {
    throw new DeckError(ErrorCode.BadConfig, 'the presenter token must be 8 to 256 characters without spaces', {
      hint: 'leave out --token to get a random one',
    });
  }
  return token;
}

async function deckKind(deck: string): Promise<'dir' | 'file'> {
  try {
    return (await stat(deck)).isDirectory() ? 'dir' : 'file';
  } catch {
    throw new DeckError(ErrorCode.BadInput, 'the deck does not exist', {
      file: deck,
      hint: 'give a folder of Markdown files or one .md file',
    });
  }
}

/** The script tags the server puts at the end of every built page. */
function clientScripts(mode: string): string {
  return `<script src="/_deck/client.js" data-mode="${mode}"></script>`;
}

/** The script the server puts in the <head> of every built page, before reveal.js (src/client/entries/guard.ts). */
const HEAD_SCRIPTS = '<script src="/_deck/guard.js"></script>';

/** Report a build: terminal, pages, events. */
function announce(
  outcome: BuildOutcome,
  hub: SyncHub,
  events: EventEmitter<ServerEvents>,
  logger: Logger,
  hadGoodBuild: boolean,
  initial = false,
): void {
  const ms = Math.round(outcome.ms);
  if (!outcome.ok) {
    const info = errorInfo(outcome.error);
    const still = hadGoodBuild && !initial ? ' (the last good deck is still served)' : '; fix it and the page reloads';
    logger.error(`build failed${still}:\n${info.text}`);
    hub.setError(info);
  } else if (outcome.kind === 'copy') {
    for (const href of outcome.css) hub.css(href);
    if (outcome.other.length > 0) hub.reload(true);
    logger.info(`updated ${[...outcome.css, ...outcome.other].join(', ')} (${ms} ms)`);
  } else {
    hub.setError(null);
    if (outcome.changed || !hadGoodBuild) hub.reload(outcome.hard || !hadGoodBuild);
    else if (outcome.notesChanged) hub.notes();
    logger.info(`${initial ? 'built' : 'rebuilt'} in ${ms} ms`);
  }
  const event: BuildEvent = outcome.ok ? { ok: true, ms: outcome.ms } : { ok: false, ms: outcome.ms, error: outcome.error };
  events.emit('build', event);
}

/**
 * Serve a deck for presenting and writing: build it, serve the build, rebuild on changes and tell open pages,
 * and relay the presenter's slide changes to every audience page. Nothing happens until this is called.
 */
export async function startServer(options: ServeOptions): Promise<ServerHandle> {
  const logger = options.logger ?? createLogger();
  const host = options.host ?? '127.0.0.1';
  const kind = await deckKind(options.deck);
  const saved = options.stateFile ? await loadServeState(options.stateFile, options.deck, logger) : undefined;
  const port = checkPort(options.port ?? saved?.port ?? 4000);
  const token = options.token !== undefined ? validToken(options.token) : !options.newToken && saved ? saved.token : makeToken();
  const stateWriter: StateWriter | undefined = options.stateFile ? createStateWriter(options.stateFile, logger) : undefined;
  // A temporary build folder sits inside a folder marked with our pid and start time, so that a later run can
  // clear it if this process is killed (src/core/owned-temp.ts); the build itself may be replaced whole.
  if (!options.outDir) await clearStaleTempDirs(SERVE_PREFIX);
  const tempRoot = options.outDir ? undefined : await makeOwnedTempDir(SERVE_PREFIX);
  const outDir = tempRoot ? join(tempRoot, 'deck') : resolve(options.outDir!);
  const events = new EventEmitter<ServerEvents>();
  const scripts = clientScripts(options.mode ?? 'present');
  const render = options.renderOptions ?? {};
  const builder = createBuilder({
    deck: options.deck,
    deckIsDir: kind === 'dir',
    outDir,
    flags: options.flags,
    configFile: options.configFile,
    templates: options.templates,
    renderOptions: { ...render, headHtml: `${HEAD_SCRIPTS}\n${render.headHtml ?? ''}`, bodyHtml: `${scripts}\n${render.bodyHtml ?? ''}` },
  });
  let actualPort = port;
  const server = createServer();
  // Slow or idle connections must not hold the server (slowloris): Node's own limits, and ours on top.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const connectionLimits = { ...defaultConnectionLimits(), ...options.connectionLimits };
  const guard = guardConnections(server, connectionLimits, { logger });
  let firstBuilt = () => {};
  const ready = new Promise<void>((resolve) => (firstBuilt = resolve));
  const hub = createHub({
    token,
    events,
    logger,
    onHello: (socket) => guard.live(socket),
    digest: () => builder.digest,
    ready,
    limits: { helloMs: Math.min(DEFAULT_LIMITS.helloMs, connectionLimits.idleMs) },
    initial: saved?.talk,
    onTalkChange: (talk) => stateWriter?.save({ deck: resolve(options.deck), token, port: actualPort, talk }),
  });
  const hosts = createHostPolicy({ bind: host, port: () => actualPort, extra: options.allowedHosts });
  let watcher: DeckWatcher | undefined;
  const cleanup = async () => {
    firstBuilt();
    await watcher?.close();
    await hub.close();
    guard.close();
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    await stateWriter?.flush();
    if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  };

  try {
    const notes = notesRoute(token, () => ({ build: hub.build, slides: builder.notes, pacing: builder.pacing }));
    server.on(
      'request',
      createRequestHandler({
        outDir,
        token,
        routes: [notes, shareRoute(token, () => shareLinks(host, actualPort, token)), ...(options.routes ?? [])],
        assets: await clientAssets(),
        hosts,
        served: () => builder.served,
        startingHtml: placeholderHtml(scripts),
        logger,
      }),
    );
    const refusedUpgrade = refusalLog(hosts, logger);
    server.on('upgrade', (req, socket, head) => {
      // A browser always sends Origin with a WebSocket: it must be a page of this server, like the Host.
      if (!hosts.allowsHost(req.headers.host) || !hosts.allowsOrigin(req.headers.origin)) {
        refusedUpgrade(req);
        const text = REFUSED_HOST_TEXT;
        socket.end(
          `HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
        );
        return;
      }
      if (new URL(req.url ?? '/', 'http://localhost').pathname === '/_deck/ws') hub.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    server.on('clientError', (_error, socket) => socket.destroy());
    // Take the port first: a server that cannot listen must fail before it writes anything into --out.
    actualPort = await listenWithFallback(server, port, host, logger);
    stateWriter?.save({ deck: resolve(options.deck), token, port: actualPort, talk: hub.talk });
    const first = await builder.build();
    if (!first.ok) await writeFileAtomic(join(outDir, 'index.html'), placeholderHtml(scripts));
    announce(first, hub, events, logger, first.ok, true);
    firstBuilt();
    const coalescer = createCoalescer(
      async (batch) => {
        const hadGoodBuild = builder.hasGoodBuild;
        const outcome = await builder.build(batch);
        announce(outcome, hub, events, logger, hadGoodBuild);
        watcher?.update(builder.watchSet());
      },
      (error) => logger.error(`rebuild: ${(error as Error).message}`),
    );
    if (options.watch ?? true) {
      watcher = await watchDeck(builder.watchSet(), { ignoreDirs: [outDir], logger, onChange: (path) => coalescer.add(path) });
    }
    let closing: Promise<void> | undefined;
    return {
      ...serverUrls(`http://${urlHost(host)}:${actualPort}/`, token),
      token,
      port: actualPort,
      host,
      outDir,
      events,
      get talk() {
        return hub.talk;
      },
      idle: () => coalescer.idle(),
      close: () =>
        (closing ??= (async () => {
          await coalescer.close();
          await cleanup();
        })()),
    };
  } catch (error) {
    await cleanup().catch(() => {});
    throw error;
  }
}
