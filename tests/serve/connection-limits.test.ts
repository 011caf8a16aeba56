/**
 * Connections that hold the server without using it: idle sockets and WebSockets without a hello are cut,
 * connections are capped, and a real client still gets in while an attacker holds sockets (loopback only,
 * tens of sockets; the thousands are in the benchmark).
 */
import { connect as netConnect, type Socket } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createMemoryLogger } from '../../src/core/log.js';
import { defaultConnectionLimits, openFileLimit } from '../../src/serve/connection-limits.js';
import { startServer, type ServerHandle } from '../../src/serve/index.js';
import { connect, FIXTURE, rawGet } from './helpers.js';

const servers: ServerHandle[] = [];
const sockets: (Socket | WebSocket)[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket instanceof WebSocket ? socket.terminate() : socket.destroy();
});
afterAll(async () => {
  for (const server of servers) await server.close();
});

async function serve(limits: { maxConnections?: number; maxPerAddress?: number; idleMs?: number }): Promise<ServerHandle> {
  const server = await startServer({ deck: FIXTURE, port: 0, watch: false, logger: createMemoryLogger(), connectionLimits: limits });
  servers.push(server);
  return server;
}

/** A raw TCP connection, resolved once connected, with a promise of its close. */
async function tcp(port: number, send?: string): Promise<{ socket: Socket; closed: Promise<void> }> {
  const socket = netConnect({ host: '127.0.0.1', port });
  sockets.push(socket);
  socket.on('error', () => {});
  socket.on('data', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  if (send) socket.write(send);
  return { socket, closed };
}

/** A WebSocket that never says hello. */
async function silentSocket(port: number): Promise<Promise<void>> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/_deck/ws`);
  sockets.push(ws);
  ws.on('error', () => {});
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  await new Promise<void>((resolve) => ws.once('open', () => resolve()));
  return closed;
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms))]);

describe('connection limits', () => {
  it('derive their defaults from the file descriptor limit', () => {
    expect(
      openFileLimit(
        () => 'Limit  Soft Limit  Hard Limit  Units\nMax open files            1024                 524288               files\n',
      ),
    ).toBe(1024);
    expect(defaultConnectionLimits(1024).maxConnections).toBeLessThan(1024 - 64);
    expect(defaultConnectionLimits(1 << 20).maxConnections).toBe(10_000);
    expect(openFileLimit(() => 'nonsense')).toBe(1024);
  });

  it('cut sockets that send nothing, slow headers and WebSockets without a hello, and keep a client that said hello', async () => {
    const server = await serve({ idleMs: 400 });
    const friend = await connect(server.port, { role: 'deck' });
    sockets.push(friend.ws);
    const started = performance.now();
    const closings = [
      ...(await Promise.all(Array.from({ length: 10 }, () => tcp(server.port)))).map((c) => c.closed),
      ...(await Promise.all(Array.from({ length: 10 }, () => tcp(server.port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n')))).map(
        (c) => c.closed,
      ),
      ...(await Promise.all(Array.from({ length: 10 }, () => silentSocket(server.port)))),
    ];
    await within(Promise.all(closings), 30_000, 'every idle connection closed');
    expect(performance.now() - started).toBeGreaterThan(300); // cut for idling, not at once
    expect(friend.ws.readyState).toBe(WebSocket.OPEN);
    friend.send({ type: 'hello', role: 'deck' }); // still answered (a second hello is only a strike)
    expect((await rawGet(server.port, '/')).status).toBe(200);
  });

  it('serve a real client while an attacker holds more slow sockets than the cap', async () => {
    const server = await serve({ maxConnections: 40, maxPerAddress: 40, idleMs: 30_000 });
    const attack = await Promise.all(Array.from({ length: 60 }, () => tcp(server.port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ')));
    // Served while the attack holds its sockets (how fast is the bench's business: npm run bench attacks).
    const response = await within(rawGet(server.port, '/'), 30_000, 'GET / under attack');
    expect(response.status).toBe(200);
    const open = attack.filter((c) => !c.socket.destroyed && c.socket.readyState === 'open');
    expect(open.length).toBeLessThanOrEqual(40);
  });

  it('never evict a WebSocket that said hello: at the cap, the newcomer is refused instead', async () => {
    const server = await serve({ maxConnections: 100, maxPerAddress: 4, idleMs: 30_000 });
    const clients = await Promise.all(Array.from({ length: 4 }, () => connect(server.port, { role: 'deck' })));
    for (const c of clients) sockets.push(c.ws);
    const refused = await tcp(server.port);
    await within(refused.closed, 30_000, 'the fifth connection refused');
    for (const c of clients) expect(c.ws.readyState).toBe(WebSocket.OPEN);
    clients[0]!.ws.close();
    await clients[0]!.closed;
    const later = await connect(server.port, { role: 'deck' });
    sockets.push(later.ws);
    expect(later.messages[0]).toMatchObject({ type: 'welcome' });
  });
});
