/**
 * Which requests an export lets through: only the deck's own files in the output folder (and data:, blob:,
 * about:). Driven through a stand-in page that records what the handler does with each request.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { blockForeignRequests } from '../../src/export/requests.js';

/** The part of puppeteer's Page the blocker uses: request interception and the `request` event. */
function standInPage() {
  const events = new EventEmitter();
  const state = { intercepting: false };
  const page = {
    setRequestInterception: async (on: boolean) => {
      state.intercepting = on;
    },
    on: (name: string, listener: (request: HTTPRequest) => void) => events.on(name, listener),
    off: (name: string, listener: (request: HTTPRequest) => void) => events.off(name, listener),
  } as unknown as Page;
  /** Send a request through the page; resolves to what the handler did with it. */
  const request = (url: string) =>
    new Promise<'continue' | 'abort' | 'respond'>((done) => {
      const fake = {
        url: () => url,
        continue: async () => done('continue'),
        abort: async (reason: string) => {
          expect(reason).toBe('blockedbyclient');
          done('abort');
        },
        respond: async () => done('respond'),
      } as unknown as HTTPRequest;
      events.emit('request', fake);
    });
  /** Send a request and return what it was answered with (status, type, body), or undefined if not answered. */
  const answer = (url: string) =>
    new Promise<{ status?: number; contentType?: string; body?: string | Buffer } | undefined>((done) => {
      const fake = {
        url: () => url,
        continue: async () => done(undefined),
        abort: async () => done(undefined),
        respond: async (response: { status?: number; contentType?: string; body?: string | Buffer }) => done(response),
      } as unknown as HTTPRequest;
      events.emit('request', fake);
    });
  return { page, state, request, answer, listeners: () => events.listenerCount('request') };
}

const OUT = '/tmp/deck-out/dist';

describe('blockForeignRequests', () => {
  it('lets the deck’s own files through, and data:, blob: and about: URLs', async () => {
    const { page, state, request } = standInPage();
    const blocked = await blockForeignRequests(page, OUT);
    expect(state.intercepting).toBe(true);
    for (const url of [
      pathToFileURL(`${OUT}/index.html`).href,
      pathToFileURL(`${OUT}/assets/reveal/reveal.css`).href,
      pathToFileURL(`${OUT}/圖 1.png`).href,
      'data:image/png;base64,AAAA',
      'blob:file:///x',
      'about:blank',
    ]) {
      expect(await request(url), url).toBe('continue');
    }
    expect(blocked).toEqual([]);
  });

  it('blocks files outside the output folder, remote URLs, and a sibling folder that shares the prefix', async () => {
    const { page, request } = standInPage();
    const blocked = await blockForeignRequests(page, `${OUT}/`);
    const outside = [
      'file:///etc/passwd',
      pathToFileURL('/tmp/deck-out/theme.css').href,
      pathToFileURL(`${OUT}-old/index.html`).href,
      'https://example.invalid/font.woff2',
      'http://127.0.0.1:4000/x.js',
      'ws://127.0.0.1/',
    ];
    for (const url of outside) expect(await request(url), url).toBe('abort');
    // Each URL is reported once, however often the page asks for it.
    expect(await request('file:///etc/passwd')).toBe('abort');
    expect(blocked).toEqual(outside);
  });

  it('the output folder given without a trailing slash still keeps out a sibling that shares its name', async () => {
    const { page, request } = standInPage();
    const blocked = await blockForeignRequests(page, OUT);
    expect(await request(pathToFileURL(`${OUT}/index.html`).href)).toBe('continue');
    expect(await request(pathToFileURL(`${OUT}-old/index.html`).href)).toBe('abort');
    expect(await request(pathToFileURL(`${OUT}2/theme.css`).href)).toBe('abort');
    expect(blocked).toEqual([pathToFileURL(`${OUT}-old/index.html`).href, pathToFileURL(`${OUT}2/theme.css`).href]);
  });

  it('only a URL that starts with data:, blob: or about: is let through as one', async () => {
    const { page, request } = standInPage();
    const blocked = await blockForeignRequests(page, OUT);
    const disguised = ['https://example.invalid/data:image/png', 'http://127.0.0.1:4000/?next=about:blank', 'file:///etc/blob:x'];
    for (const url of disguised) expect(await request(url), url).toBe('abort');
    expect(blocked).toEqual(disguised);
  });

  it('answers a stubbed script with its source as JavaScript, tells onStub, and blocks nothing for it', async () => {
    const { page, answer, request } = standInPage();
    const notes = pathToFileURL(`${OUT}/assets/reveal/plugin/notes/notes.js`).href;
    const told: string[] = [];
    const source = 'window.RevealNotes = () => ({ id: "notes", init() {} });\n';
    const blocked = await blockForeignRequests(page, OUT, { stubs: new Map([[notes, source]]), onStub: (url) => told.push(url) });
    expect(await answer(notes)).toEqual({ status: 200, contentType: 'text/javascript', body: source });
    expect(told).toEqual([notes]);
    // Other files of the deck still load from disk; only the stubbed URL is answered.
    expect(await request(pathToFileURL(`${OUT}/assets/reveal/reveal.js`).href)).toBe('continue');
    expect(told).toEqual([notes]);
    expect(blocked).toEqual([]);
  });

  it('a stub works without onStub, and an empty source is still an answer', async () => {
    const { page, answer } = standInPage();
    const url = pathToFileURL(`${OUT}/plugin.js`).href;
    await blockForeignRequests(page, OUT, { stubs: new Map([[url, '']]) });
    expect(await answer(url)).toEqual({ status: 200, contentType: 'text/javascript', body: '' });
  });

  it('stops handling the page’s requests once its signal aborts, so the next deck’s handler is the only one', async () => {
    const { page, request, listeners } = standInPage();
    const controller = new AbortController();
    const first = await blockForeignRequests(page, OUT, { signal: controller.signal });
    expect(listeners()).toBe(1);
    expect(await request('https://example.invalid/a.js')).toBe('abort');
    controller.abort();
    expect(listeners()).toBe(0);
    // The page now serves another deck: its requests are judged against that deck's folder and reported there.
    const second = await blockForeignRequests(page, '/tmp/deck-out/other');
    expect(await request(pathToFileURL('/tmp/deck-out/other/index.html').href)).toBe('continue');
    expect(await request('https://example.invalid/b.js')).toBe('abort');
    expect(first).toEqual(['https://example.invalid/a.js']);
    expect(second).toEqual(['https://example.invalid/b.js']);
  });
});
