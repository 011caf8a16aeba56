/**
 * Attacks on the presenter's deck (/?token=…) from a window of another site that holds a reference to it: a page
 * the deck opened, or the speaker view after a link in the notes took it elsewhere. reveal.js obeys any window's
 * postMessage (`{"method":"slide"}`), and its notes plugin sends the notes to any window that says "heartbeat";
 * neither may drive the talk or read the notes. In a real Chromium, with the other site on a port of its own.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/client/hook.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { startServer, type ServerHandle } from '../../src/serve/index.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';

const TOKEN = 'windows-attack-token-1';
let root: string;
let server: ServerHandle;
let browser: Browser;
/** The other site: a page that keeps every message it gets, and drives and asks its opener as soon as it loads. */
let foreign: Server;
let foreignUrl: string;

const FOREIGN_PAGE = `<!doctype html><meta charset="utf-8"><title>other site</title><script>
window.got = [];
addEventListener('message', (e) => window.got.push(String(e.data)));
if (window.opener) {
  window.opener.postMessage(JSON.stringify({ namespace: 'reveal-notes', type: 'heartbeat' }), '*');
  window.opener.postMessage(JSON.stringify({ method: 'slide', args: [1, 0] }), '*');
  window.opener.postMessage(JSON.stringify({ method: 'togglePause', args: [true] }), '*');
}
</script>`;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'deck-windows-'));
  foreign = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(FOREIGN_PAGE));
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;
  const deck = join(root, 'deck');
  mkdirSync(deck);
  writeFileSync(
    join(deck, '01.md'),
    `# One\n\nNote: NOTE-ONE, source: [the paper](${foreignUrl})\n\n---\n\n# Two\n\nNote: NOTE-TWO\n\n---\n\n# Three\n\nNote: NOTE-THREE\n`,
  );
  [server, browser] = await Promise.all([
    startServer({ deck, port: 0, watch: false, logger: createMemoryLogger(), token: TOKEN, outDir: join(root, 'out') }),
    startChromium(),
  ]);
}, 60_000);

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  await server?.close();
  await new Promise<void>((resolve) => (foreign ? foreign.close(() => resolve()) : resolve()));
  if (root) rmSync(root, { recursive: true, force: true });
});

async function openPresenterDeck(): Promise<Page> {
  const deck = await browser.newPage();
  // Counts the messages of other sites as they arrive, before any handler of the page (reveal.js's, the guard).
  await deck.evaluateOnNewDocument(() => {
    const counter = window as unknown as { foreignMessages: number };
    counter.foreignMessages = 0;
    addEventListener('message', (event) => void (event.origin !== location.origin && counter.foreignMessages++), true);
  });
  await deck.setViewport({ width: 1280, height: 720 });
  await deck.goto(server.presenterDeckUrl);
  await deck.waitForFunction(() => window.Reveal?.isReady() && window.deckServe?.presenter && document.querySelector('aside.notes'), {
    polling: 50,
  });
  return deck;
}

/** The other site's page, once its script has run: what it has been sent so far. */
const received = (page: Page) => page.evaluate(() => (window as unknown as { got: string[] }).got);

describe('a window of another site holding the presenter’s deck', () => {
  it('a page the deck opened can neither move the talk nor get the notes', async () => {
    const deck = await openPresenterDeck();
    const opened = new Promise<Page>((resolve) => deck.once('popup', (page) => resolve(page!)));
    await deck.evaluate((url) => void window.open(url), foreignUrl);
    const other = (await opened)!;
    await other.waitForFunction(() => document.title === 'other site');
    // Its three messages have been handled by every listener of the deck (each is dispatched in one go).
    await deck.waitForFunction(() => (window as unknown as { foreignMessages: number }).foreignMessages === 3, { polling: 50 });
    expect(await deck.evaluate(() => ({ h: window.Reveal.getIndices().h, paused: window.Reveal.isPaused() }))).toEqual({
      h: 0,
      paused: false,
    });
    // A move of the presenter's own: reveal.js's notes plugin sends the notes to whoever said "heartbeat".
    await deck.evaluate(() => window.Reveal.slide(2, 0));
    await deck.waitForFunction(() => window.deckServe?.connected && window.Reveal.getIndices().h === 2, { polling: 50 });
    expect((await received(other)).join('\n')).not.toMatch(/NOTE-/);
    expect(server.talk.slide?.h ?? 0).not.toBe(1);
    await other.close();
    await deck.close();
  });

  it('a link in the speaker view’s notes opens outside it: the other site gets no hold on the deck', async () => {
    const deck = await openPresenterDeck();
    // The deck opens where the talk is: back to the slide whose notes hold the link.
    await deck.evaluate(() => window.Reveal.slide(0, 0));
    await deck.waitForFunction(() => window.Reveal.getIndices().h === 0, { polling: 50 });
    const popup = new Promise<Page>((resolve) => deck.once('popup', (page) => resolve(page!)));
    await deck.bringToFront();
    await deck.keyboard.press('s');
    const speaker = (await popup)!;
    await speaker.waitForFunction(() => document.querySelector('.speaker-controls-notes a'), { polling: 50 });
    const next = new Promise<Page>((resolve) => browser.once('targetcreated', async (target) => resolve((await target.page())!)));
    const left = speaker.waitForNavigation().then(() => 'the speaker view went to the other site');
    await speaker.click('.speaker-controls-notes a');
    expect(await Promise.race([next.then(() => 'a window of its own'), left])).toBe('a window of its own');
    const other = await next;
    await other.waitForFunction(() => document.title === 'other site');
    expect(await other.evaluate(() => window.opener === null)).toBe(true);
    expect(speaker.url()).not.toContain(foreignUrl);
    await deck.evaluate(() => window.Reveal.slide(1, 0));
    await speaker.waitForFunction(() => document.querySelector('.speaker-controls-notes')?.textContent?.includes('NOTE-TWO'), {
      polling: 50,
    });
    expect((await received(other)).join('\n')).not.toMatch(/NOTE-/);
    await other.close();
    await speaker.close();
    await deck.close();
  });
});
