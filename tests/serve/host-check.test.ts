/**
 * DNS rebinding: the server answers only to its own names and addresses, on every route and on the WebSocket,
 * and a WebSocket must come from one of its own pages. The last test replays the attack in a real Chromium
 * whose resolver maps the attacker's name to 127.0.0.1, as a rebound DNS name would.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createMemoryLogger } from '../../src/core/log.js';
import { createHostPolicy } from '../../src/serve/host-check.js';
import { startServer, type ServerHandle } from '../../src/serve/index.js';
import { closeBrowser, findBrowser, launchBrowser, type Browser } from '../../src/browser/index.js';
import { FIXTURE } from './helpers.js';

describe('the host policy', () => {
  const loopback = createHostPolicy({ bind: '127.0.0.1', port: () => 4000, addresses: () => ['10.0.0.9'], hostname: () => 'laptop' });

  it('accepts the loopback names on the server’s port only', () => {
    for (const host of ['127.0.0.1:4000', 'localhost:4000', '[::1]:4000', 'LOCALHOST.:4000', 'deck.localhost:4000']) {
      expect(loopback.allowsHost(host), host).toBe(true);
    }
    for (const host of [
      'evil.example:4000',
      'evil.example',
      '127.0.0.1:4001',
      '127.0.0.1',
      'localhost.evil.example:4000',
      '127.0.0.1:4000@evil.example',
      'evil.example@127.0.0.1:4000',
      '127.0.0.1:4000/x',
      '10.0.0.9:4000', // a LAN address, but the server is not bound to it
      'laptop:4000',
      '',
    ]) {
      expect(loopback.allowsHost(host), host).toBe(false);
    }
    expect(loopback.allowsHost(undefined)).toBe(false);
  });

  it('accepts this machine’s addresses and name when bound to every interface', () => {
    const lan = createHostPolicy({
      bind: '0.0.0.0',
      port: () => 4000,
      addresses: () => ['127.0.0.1', '192.168.1.5', 'fe80::1%eth0'],
      hostname: () => 'Laptop',
    });
    for (const host of ['192.168.1.5:4000', '[fe80::1]:4000', 'laptop:4000', 'laptop.local:4000', 'localhost:4000']) {
      expect(lan.allowsHost(host), host).toBe(true);
    }
    for (const host of ['192.168.1.6:4000', 'evil.example:4000', '192.168.1.5:80']) expect(lan.allowsHost(host), host).toBe(false);
  });

  it('adds the names given with --allow-host, on any port or on one', () => {
    const policy = createHostPolicy({ bind: '127.0.0.1', port: () => 4000, extra: ['Deck.Example.com', 'tunnel.test:8443'] });
    expect(policy.allowsHost('deck.example.com')).toBe(true);
    expect(policy.allowsHost('deck.example.com:9999')).toBe(true);
    expect(policy.allowsHost('tunnel.test:8443')).toBe(true);
    expect(policy.allowsHost('tunnel.test:4000')).toBe(false);
    expect(policy.allowsOrigin('https://deck.example.com')).toBe(true);
  });

  it('accepts an Origin of its own pages or none, and refuses null and other sites', () => {
    expect(loopback.allowsOrigin(undefined)).toBe(true);
    expect(loopback.allowsOrigin('http://127.0.0.1:4000')).toBe(true);
    expect(loopback.allowsOrigin('http://localhost:4000')).toBe(true);
    for (const origin of ['null', 'http://evil.example:4000', 'http://127.0.0.1:4001', 'file://', 'chrome-extension://abc', 'garbage']) {
      expect(loopback.allowsOrigin(origin), origin).toBe(false);
    }
  });
});

/** A request with the headers given, exactly (fetch would not let us set Host). */
function send(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '[]' : undefined);
  });
}

/** Open a WebSocket with the Host and Origin given: 'open' or the HTTP status it was refused with. */
function socket(port: number, headers: { host?: string; origin?: string }): Promise<string> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/_deck/ws`, {
    headers: headers.host ? { Host: headers.host } : {},
    ...(headers.origin ? { origin: headers.origin } : {}),
  });
  return new Promise<string>((resolve) => {
    ws.on('open', () => resolve('open'));
    ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    ws.on('error', (error) => resolve(`error: ${error.message}`));
  }).finally(() => ws.terminate());
}

describe('deck serve refuses other host names', () => {
  const TOKEN = 'host-test-token-1234';
  let server: ServerHandle;
  /** The Chromium of the rebinding test, launched beside the server. */
  let rebound: Browser;
  let routeCalls = 0;
  const logger = createMemoryLogger();

  // The resolver rule plays the attacker's DNS: evil.example now points at this machine.
  const launchRebound = async () =>
    launchBrowser({ executablePath: (await findBrowser({})).path, extraArgs: ['--host-resolver-rules=MAP evil.example 127.0.0.1'] });

  beforeAll(async () => {
    [server, rebound] = await Promise.all([
      startServer({
        deck: FIXTURE,
        port: 0,
        watch: false,
        logger,
        token: TOKEN,
        allowedHosts: ['deck.test'],
        routes: [
          (_req, res, url) => {
            if (url.pathname !== '/_test/post') return false;
            routeCalls++;
            res.writeHead(204).end();
            return true;
          },
        ],
      }),
      launchRebound(),
    ]);
  });
  afterAll(async () => {
    await server?.close();
    if (rebound) await closeBrowser(rebound);
  });

  it('answers 403 without the deck or its notes on every route for a foreign Host', async () => {
    const evil = { Host: `evil.example:${server.port}` };
    for (const path of [
      '/',
      '/index.html',
      `/presenter?token=${TOKEN}`,
      `/remote?token=${TOKEN}`,
      '/_deck/client.js',
      '/assets/reveal/reveal.js',
    ]) {
      const response = await send(server.port, path, evil);
      expect(response.status, path).toBe(403);
      expect(response.body, path).not.toContain('notes');
      expect(response.body, path).not.toContain('Original body text');
    }
    const own = await send(server.port, '/', { Host: `localhost:${server.port}` });
    expect(own.status).toBe(200);
    expect(own.body).toContain('Original body text.'); // the deck; its notes go to token holders only (notes.json)
    expect((await send(server.port, '/', { Host: 'deck.test' })).status).toBe(200);
  });

  it('tells a foreign Host none of the names it answers to (a rebound page reads its refusal)', async () => {
    // Bound to every interface the list held this machine's LAN and link-local addresses (a MAC in an EUI-64
    // one) and host name; with --allow-host, the tunnel's name: all of it readable by the attacker's page.
    const refusal = await send(server.port, '/', { Host: `evil.example:${server.port}` });
    expect(refusal.status).toBe(403);
    expect(refusal.body).toContain('--allow-host');
    for (const name of ['deck.test', '127.0.0.1', 'localhost']) expect(refusal.body, name).not.toContain(name);
    const upgrade = await send(server.port, '/_deck/ws', {
      Host: `evil.example:${server.port}`,
      Origin: `http://evil.example:${server.port}`,
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    }).catch((error: Error) => ({ status: 0, body: error.message }));
    for (const name of ['deck.test', '127.0.0.1', 'localhost']) expect(upgrade.body, name).not.toContain(name);
    // The presenter's terminal says what was refused and which names would do.
    const warning = logger.lines.find((line) => line.level === 'warn' && line.message.includes('evil.example'));
    expect(warning?.message).toContain('deck.test');
  });

  it('refuses a state-changing request from a page of another site, before any route runs', async () => {
    const host = `127.0.0.1:${server.port}`;
    expect((await send(server.port, '/_test/post', { Host: host, Origin: `http://evil.example:${server.port}` }, 'POST')).status).toBe(403);
    expect((await send(server.port, '/_test/post', { Host: host, Origin: 'null' }, 'POST')).status).toBe(403);
    expect(routeCalls).toBe(0);
    expect((await send(server.port, '/_test/post', { Host: host, Origin: `http://${host}` }, 'POST')).status).toBe(204);
    expect(routeCalls).toBe(1);
  });

  it('refuses WebSockets with a foreign Host, even with the matching Origin, or from another origin', async () => {
    const evil = `evil.example:${server.port}`;
    expect(await socket(server.port, { host: evil, origin: `http://${evil}` })).toBe('403');
    expect(await socket(server.port, { origin: 'http://evil.example' })).toBe('403');
    expect(await socket(server.port, { origin: 'null' })).toBe('403');
    expect(await socket(server.port, { origin: `http://127.0.0.1:${server.port}` })).toBe('open');
    expect(await socket(server.port, { host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` })).toBe('open');
  });

  it('keeps a rebound name out in a real Chromium', async () => {
    const page = await rebound.newPage();
    const response = await page.goto(`http://evil.example:${server.port}/`);
    expect(response?.status()).toBe(403);
    expect(await page.content()).not.toContain('Body notes.');
    // The page's own WebSocket (a string: the test file's `WebSocket` is the ws package).
    const socketResult = await page.evaluate(`new Promise((resolve) => {
      const ws = new WebSocket('ws://evil.example:${server.port}/_deck/ws');
      ws.onopen = () => resolve('open');
      ws.onerror = () => resolve('refused');
    })`);
    expect(socketResult).toBe('refused');
    const own = await page.goto(`http://localhost:${server.port}/`);
    expect(own?.status()).toBe(200);
  });
});
