import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createMemoryLogger } from '../../src/core/log.js';
import { startServer, type NavigateEvent, type ServerHandle } from '../../src/serve/index.js';
import { connect, FIXTURE, type TestClient } from './helpers.js';

const TOKEN = 'sync-test-token-5678';
let server: ServerHandle;
const open: TestClient[] = [];
const client = async (hello?: Record<string, unknown>) => {
  const c = await connect(server.port, hello);
  open.push(c);
  return c;
};

beforeAll(async () => {
  server = await startServer({ deck: FIXTURE, port: 0, watch: false, logger: createMemoryLogger(), token: TOKEN });
});

afterAll(async () => {
  for (const c of open) c.ws.terminate();
  await server?.close();
});

const isState = (h: number) => (m: { type: string; h?: unknown }) => m.type === 'state' && m.h === h;

describe('presenter → audience sync', () => {
  it('sends the presenter’s slide and fragment changes to every audience page, and emits navigate', async () => {
    const presenter = await client({ role: 'deck', token: TOKEN });
    expect(presenter.messages[0]).toMatchObject({ type: 'welcome', presenter: true });
    const audience = await Promise.all([1, 2, 3].map(() => client({ role: 'deck' })));
    for (const a of audience) expect(a.messages[0]).toMatchObject({ type: 'welcome', presenter: false });
    const remote = await client({ role: 'remote', token: TOKEN });
    const events: NavigateEvent[] = [];
    server.events.on('navigate', (e: NavigateEvent) => events.push(e));
    const sentAt = Date.now();
    presenter.send({ type: 'navigate', h: 1, v: 0, f: 1 });
    const got = await Promise.all(audience.map((a) => a.next(isState(1))));
    for (const m of got) expect(m).toMatchObject({ h: 1, v: 0, f: 1 });
    // The first move started the talk clock: the presenter's other pages are told it, the audience's are not.
    expect(await remote.next(isState(1))).toMatchObject({ clock: { startedAt: expect.any(Number), pausedAt: null }, clockAt: 0 });
    expect(got[0]).toMatchObject({ clock: null, clockAt: null });
    expect(events).toEqual([expect.objectContaining({ h: 1, v: 0, f: 1, from: 'presenter' })]);
    // Stamped with the server's wall clock when it arrived: between sending it and seeing it come back.
    expect(events[0]!.at).toBeGreaterThanOrEqual(sentAt);
    expect(events[0]!.at).toBeLessThanOrEqual(Date.now());
    // A page that joins later starts where the presenter is.
    const late = await client({ role: 'audience' });
    expect(late.messages[0]).toMatchObject({ type: 'welcome', state: { h: 1, v: 0, f: 1 } });
    // The sender is not echoed.
    presenter.send({ type: 'navigate', h: 2, v: 0, f: -1 });
    await audience[0]!.next(isState(2));
    expect(presenter.messages.some((m) => m.type === 'state')).toBe(false);
  });

  it('answers every screen request, one that changes nothing too (a page waits for the answer to confirm a key press)', async () => {
    const presenter = await client({ role: 'presenter', token: TOKEN });
    const audience = await client({ role: 'audience' });
    presenter.send({ type: 'screen', mode: 'black' });
    await audience.next((m) => m.type === 'screen' && m.mode === 'black');
    await presenter.next((m) => m.type === 'screen' && m.mode === 'black');
    presenter.send({ type: 'screen', mode: 'black' });
    await presenter.next((m) => m.type === 'screen' && m.mode === 'black');
    presenter.send({ type: 'screen', mode: 'slides' });
    await presenter.next((m) => m.type === 'screen' && m.mode === 'slides');
    // The audience heard each change once: no repeat for the request that changed nothing.
    await audience.next((m) => m.type === 'screen' && m.mode === 'slides');
    expect(audience.messages.filter((m) => m.type === 'screen').map((m) => m.mode)).toEqual(['black', 'slides']);
  });

  it('brings the slides back when the presenter moves on a black screen: the slide moved to first, then the cover lifts', async () => {
    const presenter = await client({ role: 'remote', token: TOKEN });
    const audience = await client({ role: 'audience' });
    presenter.send({ type: 'screen', mode: 'white' });
    await audience.next((m) => m.type === 'screen' && m.mode === 'white');
    presenter.send({ type: 'navigate', h: 3, v: 0, f: -1 });
    await audience.next((m) => m.type === 'screen' && m.mode === 'slides');
    const order = audience.messages.filter((m) => m.type === 'state' || m.type === 'screen').map((m) => `${m.type}:${m.mode ?? m.h}`);
    expect(order.slice(-3)).toEqual(['screen:white', 'state:3', 'screen:slides']);
    // The mover's own page hears it too (it showed "Audience: WHITE"), and a page joining now sees the slides.
    await presenter.next((m) => m.type === 'screen' && m.mode === 'slides');
    expect((await client({ role: 'audience' })).messages[0]).toMatchObject({ type: 'welcome', screen: 'slides', state: { h: 3 } });
    // A move on the slides sends no screen message.
    presenter.send({ type: 'navigate', h: 2, v: 0, f: -1 });
    await audience.next(isState(2));
    presenter.send({ type: 'navigate', h: 1, v: 0, f: -1 });
    await audience.next(isState(1));
    expect(audience.messages.filter((m) => m.type === 'screen')).toHaveLength(2);
  });

  it('lets no one drive without the right token', async () => {
    const watcher = await client({ role: 'deck' });
    const before = server.events.listenerCount('navigate');
    const seen: NavigateEvent[] = [];
    const listener = (e: NavigateEvent) => seen.push(e);
    server.events.on('navigate', listener);
    const noToken = await client({ role: 'presenter' });
    const wrong = await client({ role: 'remote', token: `${TOKEN}x` });
    const prefix = await client({ role: 'deck', token: TOKEN.slice(0, -1) });
    const receiver = await client({ role: 'receiver', token: TOKEN });
    const silent = await client(); // never says hello
    for (const c of [noToken, wrong, prefix, receiver]) expect(c.messages[0]).toMatchObject({ type: 'welcome', presenter: false });
    for (const c of [noToken, wrong, prefix, receiver, silent]) {
      c.send({ type: 'navigate', h: 4, v: 0, f: -1 });
      c.send({ type: 'timer', action: 'reset' });
      await c.next((m) => m.type === 'denied');
    }
    // A real move after those: the watcher sees it, and nothing from the others came first.
    const presenter = await client({ role: 'presenter', token: TOKEN });
    presenter.send({ type: 'navigate', h: 3, v: 0, f: -1 });
    const next = await watcher.next((m) => m.type === 'state' || m.type === 'timer');
    expect(next).toMatchObject({ type: 'state', h: 3 });
    expect(seen.map((e) => e.h)).toEqual([3]);
    expect(server.events.listenerCount('navigate')).toBe(before + 1);
    server.events.off('navigate', listener);
  });

  it('drops malformed and oversized messages without affecting other clients', async () => {
    const presenter = await client({ role: 'deck', token: TOKEN });
    const audience = await client({ role: 'deck' });
    const garbage = await client({ role: 'deck', token: TOKEN });
    for (const bad of [
      '{',
      'null',
      '{"type":"navigate","h":"1","v":0,"f":0}',
      '{"type":"navigate","h":-5,"v":0,"f":0}',
      '{"type":"rm -rf"}',
    ]) {
      garbage.send(bad);
    }
    garbage.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    // The garbage sender was only ignored (not disconnected yet) and may still drive with valid messages.
    garbage.send({ type: 'navigate', h: 5, v: 0, f: -1 });
    await audience.next(isState(5));
    // Oversized: the server closes that socket (1009), everyone else carries on.
    const big = await client({ role: 'deck', token: TOKEN });
    big.send(JSON.stringify({ type: 'navigate', h: 1, v: 0, f: -1, pad: 'x'.repeat(100_000) }));
    expect((await big.closed).code).toBe(1009);
    presenter.send({ type: 'navigate', h: 6, v: 0, f: -1 });
    await audience.next(isState(6));
    expect(audience.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('disconnects a client that floods or keeps sending garbage, and others keep working', async () => {
    const audience = await client({ role: 'deck' });
    const flooder = await client({ role: 'deck', token: TOKEN });
    for (let i = 0; i < 500 && flooder.ws.readyState === WebSocket.OPEN; i++) {
      flooder.send({ type: 'navigate', h: 10 + (i % 2), v: 0, f: -1 });
    }
    expect((await flooder.closed).code).toBe(1008);
    const noisy = await client({ role: 'deck' });
    for (let i = 0; i < 30; i++) noisy.send('garbage');
    expect((await noisy.closed).code).toBe(1008);
    const presenter = await client({ role: 'deck', token: TOKEN });
    presenter.send({ type: 'navigate', h: 7, v: 0, f: -1 });
    await audience.next(isState(7));
  });

  it('refuses WebSocket connections from another origin', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/_deck/ws`, { origin: 'http://evil.example' });
    const result = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      ws.on('error', () => resolve('error'));
    });
    ws.terminate();
    expect(result).toBe('403');
  });
});
