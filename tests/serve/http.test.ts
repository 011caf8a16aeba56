import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { connect as netConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeckError, ErrorCode } from '../../src/core/errors.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { startServer, type ServerHandle } from '../../src/serve/index.js';
import { FIXTURE, rawGet } from './helpers.js';

let server: ServerHandle;
const logger = createMemoryLogger();

beforeAll(async () => {
  server = await startServer({ deck: FIXTURE, port: 0, watch: false, logger, token: 'test-token-1234' });
});

afterAll(async () => {
  await server?.close();
});

describe('deck serve over HTTP', () => {
  it('binds to loopback by default and builds into a temporary folder, removed on close', async () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(existsSync(`${server.outDir}/index.html`)).toBe(true);
    expect(server.outDir).not.toMatch(/\/dist$/);
    // Another address of this machine: 127.0.0.2 is loopback too, so this runs on any Linux host, with or without
    // a network; a server bound to 0.0.0.0 would accept it.
    const refused = await new Promise<string>((resolve) => {
      const socket = netConnect({ host: '127.0.0.2', port: server.port });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('serves the deck with the live client script and security headers', async () => {
    const page = await rawGet(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<script src="/_deck/client.js"');
    expect(page.body).toContain('Original body text.');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    const js = await rawGet(server.port, '/assets/reveal/reveal.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.body.length).toBeGreaterThan(10_000);
    const notes = await rawGet(server.port, '/assets/reveal/plugin/notes.js');
    expect(notes.status).toBe(200);
    const client = await rawGet(server.port, '/_deck/client.js');
    expect(client.status).toBe(200);
    expect(client.body).toContain('/_deck/ws');
  });

  it.each([
    '/../package.json',
    '/../../../../etc/passwd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/assets/%2e%2e/%2e%2e/index.html',
    '/%252e%252e/%252e%252e/etc/passwd',
    '/..%5c..%5cpackage.json',
    '/assets\\..\\..\\package.json',
    '//etc/passwd',
    '/etc/passwd',
    '/_deck/../../package.json',
    '/_deck/%2e%2e%2fserver.js',
    '/.hidden',
  ])('answers 404 to %s', async (path) => {
    const response = await rawGet(server.port, path);
    expect(response.status).toBe(404);
    expect(response.body).not.toMatch(/root:|"name"|<html/);
  });

  it('answers /favicon.ico of a deck without an icon with an empty icon (a 404 is a console error on the projector), nothing else', async () => {
    const icon = await rawGet(server.port, '/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-store');
    expect(icon.body).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect((await rawGet(server.port, '/favicon.ico?v=2')).status).toBe(200);
    for (const path of ['/favicon.png', '/assets/favicon.ico', '/_deck/favicon.ico'])
      expect((await rawGet(server.port, path)).status).toBe(404);
  });

  it('serves /presenter and /remote only with the token, and refuses other methods', async () => {
    expect((await rawGet(server.port, '/presenter')).status).toBe(403);
    expect((await rawGet(server.port, '/presenter?token=wrong-token-1234')).status).toBe(403);
    const presenter = await rawGet(server.port, '/presenter?token=test-token-1234');
    expect(presenter.status).toBe(200);
    expect(presenter.body).toContain('/_deck/presenter.js');
    expect((await rawGet(server.port, '/remote?token=test-token-1234')).status).toBe(200);
    expect((await rawGet(server.port, '/remote')).status).toBe(403);
    expect((await rawGet(server.port, '/', 'POST')).status).toBe(405);
    expect((await rawGet(server.port, '/_deck/nope.js')).status).toBe(404);
  });

  it('tries extra routes first', async () => {
    const extra = await startServer({
      deck: FIXTURE,
      port: 0,
      watch: false,
      logger: createMemoryLogger(),
      routes: [
        (_req, res, url) => {
          if (url.pathname !== '/api/ping') return false;
          res.end('pong');
          return true;
        },
      ],
    });
    try {
      expect((await rawGet(extra.port, '/api/ping')).body).toBe('pong');
      expect((await rawGet(extra.port, '/')).status).toBe(200);
    } finally {
      await extra.close();
    }
    expect(existsSync(extra.outDir)).toBe(false);
    await extra.close(); // idempotent
  });
});

describe('ports', () => {
  it('moves to the next free port when the one asked for is taken, and says so', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const log = createMemoryLogger();
    const second = await startServer({ deck: FIXTURE, port: taken, watch: false, logger: log });
    try {
      expect(second.port).toBeGreaterThan(taken);
      expect(log.lines.some((l) => l.level === 'warn' && l.message.includes(`port ${taken} is in use`))).toBe(true);
      expect((await rawGet(second.port, '/')).status).toBe(200);
    } finally {
      await second.close();
      blocker.close();
    }
  });

  it('refuses an invalid port, a short token and a missing deck with DeckErrors', async () => {
    const fail = (options: Parameters<typeof startServer>[0]) =>
      startServer({ watch: false, logger: createMemoryLogger(), ...options }).then(
        () => undefined,
        (error: unknown) => error,
      );
    const port = await fail({ deck: FIXTURE, port: 70_000 });
    expect(port).toBeInstanceOf(DeckError);
    expect((port as DeckError).code).toBe(ErrorCode.BadConfig);
    expect(await fail({ deck: FIXTURE, port: 0, token: 'short' })).toBeInstanceOf(DeckError);
    const missing = (await fail({ deck: `${FIXTURE}-missing`, port: 0 })) as DeckError;
    expect(missing.code).toBe(ErrorCode.BadInput);
  });
});
