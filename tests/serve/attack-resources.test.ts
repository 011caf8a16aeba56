/**
 * Resource attacks a device on the network (or any audience page) can make on `deck serve` over real HTTP:
 * downloads of a big file of the deck dropped half way must not leave the file open in the server, and a client
 * that stops reading its answer is cut off (it held its socket and the file for good), and thousands of requests
 * pipelined in one write do not open thousands of files.
 */
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../src/core/log.js';
import { startServer, type ServerHandle } from '../../src/serve/index.js';

let root: string;
let server: ServerHandle;
/** The same deck, with a short wait for a client that stopped reading. */
let stallServer: ServerHandle;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'deck-attack-res-'));
  const deck = join(root, 'deck');
  mkdirSync(deck);
  // Bigger than what the kernel's socket buffers take in, so the server's file stream has to wait for the reader.
  writeFileSync(join(deck, 'clip.bin'), Buffer.alloc(48 * 1024 * 1024, 1));
  writeFileSync(join(deck, 'slides.md'), '# A clip\n\n<video src="clip.bin"></video>\n');
  server = await startServer({ deck, port: 0, watch: false, logger: createMemoryLogger(), token: 'attack-token-5678' });
  stallServer = await startServer({
    deck,
    port: 0,
    watch: false,
    logger: createMemoryLogger(),
    token: 'attack-token-5678',
    connectionLimits: { stallMs: 1_000 },
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await stallServer?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** This process's open descriptors on files whose path ends so (the server runs in this process). */
/** Ask for the clip on a raw socket and stop reading after the first bytes; `received` counts what came. */
function stalledDownloads(port: number, count: number): { sockets: Socket[]; started: Promise<void>; received: number[] } {
  const sockets: Socket[] = [];
  const received: number[] = [];
  const started: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    received.push(0);
    started.push(
      new Promise((resolve) =>
        socket.once('data', () => {
          socket.pause();
          resolve();
        }),
      ),
    );
    socket.on('data', (chunk: Buffer) => (received[i]! += chunk.length));
    socket.write(`GET /clip.bin HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    sockets.push(socket);
  }
  return { sockets, started: Promise.all(started).then(() => {}), received };
}

function openFiles(ending: string): number {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).endsWith(ending)) count++;
    } catch {
      // closed meanwhile
    }
  }
  return count;
}

describe('resource attacks', () => {
  it('a download dropped half way closes the file it was reading (no descriptor is left behind)', async () => {
    const before = openFiles('/clip.bin');
    const { sockets, started } = stalledDownloads(server.port, 20);
    // Every answer has started, and then nobody reads: each request holds the file open while it waits.
    await started;
    await vi.waitFor(() => expect(openFiles('/clip.bin') - before).toBe(20), { timeout: 20_000, interval: 50 });
    for (const socket of sockets) socket.destroy();
    await vi.waitFor(() => expect(openFiles('/clip.bin')).toBe(before), { timeout: 20_000, interval: 50 });
  });

  it('a client that stops reading its answer is cut off after stallMs, and the file it was sent is closed', async () => {
    const before = openFiles('/clip.bin');
    const { sockets, started, received } = stalledDownloads(stallServer.port, 5);
    await started;
    // The sockets stay open on this side: the server has to end them itself.
    await vi.waitFor(() => expect(openFiles('/clip.bin')).toBe(before), { timeout: 20_000, interval: 50 });
    const ended = sockets.map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())));
    for (const socket of sockets) socket.resume();
    await Promise.all(ended);
    for (const bytes of received) expect(bytes).toBeLessThan(48 * 1024 * 1024);
  });

  it('a connection that pipelines thousands of requests is cut off, and no file is opened for the requests behind', async () => {
    const port = server.port;
    const before = openFiles('/index.html');
    let most = 0;
    const sample = setInterval(() => (most = Math.max(most, openFiles('/index.html') - before)), 1);
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(`GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`.repeat(4000));
    await closed;
    clearInterval(sample);
    const answered = text.match(/HTTP\/1\.1 200/g)?.length ?? 0;
    expect(answered).toBeLessThan(100);
    expect(most).toBeLessThanOrEqual(64);
    await vi.waitFor(() => expect(openFiles('/index.html')).toBe(before), { timeout: 20_000, interval: 50 });
    // The server still answers everyone else.
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
  });

  it('a download read to its end still gets the whole file', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/clip.bin`);
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(48 * 1024 * 1024);
  });
});
