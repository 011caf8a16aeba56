import { once } from 'node:events';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ServerHandle } from '../../src/serve/index.js';

export const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'serve', 'deck');

/** A copy of the fixture deck in a temporary folder (tests edit it), and a function removing it. */
export function copyFixture(): { dir: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'deck-serve-test-'));
  const dir = join(root, 'deck');
  cpSync(FIXTURE, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Write a file of a served deck and wait for the rebuild it causes, so that no rebuild is left pending for the
 * next test (a page it opens would be reloaded or swapped under it). Only for a server with no other edit pending.
 */
export async function writeAndRebuild(server: Pick<ServerHandle, 'events'>, path: string, text: string): Promise<void> {
  const built = once(server.events, 'build', { signal: AbortSignal.timeout(15_000) });
  writeFileSync(path, text);
  await built;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET a path exactly as written (fetch would normalise `..` away before sending). */
export function rawGet(port: number, path: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export type Message = Record<string, unknown> & { type: string };

/** A WebSocket client that keeps every message and can wait for one. */
export interface TestClient {
  ws: WebSocket;
  messages: Message[];
  /** The next message (after those already taken) matching `match`. */
  next(match?: (m: Message) => boolean, timeoutMs?: number): Promise<Message>;
  send(value: unknown): void;
  closed: Promise<{ code: number }>;
}

export async function connect(port: number, hello?: Record<string, unknown>): Promise<TestClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/_deck/ws`);
  const messages: Message[] = [];
  let taken = 0;
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as Message);
    for (const wake of waiters) wake();
  });
  const closed = new Promise<{ code: number }>((resolve) => ws.on('close', (code) => resolve({ code })));
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const client: TestClient = {
    ws,
    messages,
    closed,
    send: (value) => ws.send(typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value)),
    next: (match = () => true, timeoutMs = 20_000) =>
      new Promise<Message>((resolve, reject) => {
        const check = () => {
          while (taken < messages.length) {
            const message = messages[taken++]!;
            if (match(message)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(message);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
  if (hello) {
    client.send({ type: 'hello', ...hello });
    await client.next((m) => m.type === 'welcome');
  }
  return client;
}

/**
 * A free port below the system's range for ephemeral ports (32768 and up on Linux), for a test that restarts a
 * server on the same port: a port from `listen(0)` can be handed, once freed, to another test's server or to the
 * local end of any connection meanwhile, and the restarted server would then fall back to another port.
 */
export async function portBelowEphemeral(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createNetServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}
