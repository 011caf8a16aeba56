/**
 * The room from the presenter's side in a real Chromium: black and white pressed faster than the server answers,
 * and a server that stops and comes back while the presenter view, the remote, the presenter's deck and an
 * audience page are open.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/client/hook.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { startServer, type ServerHandle } from '../../src/serve/index.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { indicesOf, waitForIndices } from '../helpers/reveal-indices.js';
import { FIXTURE } from './helpers.js';

const TOKEN = 'room-browser-token-1';
let browser: Browser;
let server: ServerHandle;
let stateDir: string;
const start = (port = 0) =>
  startServer({
    deck: FIXTURE,
    port,
    watch: false,
    logger: createMemoryLogger(),
    token: TOKEN,
    stateFile: join(stateDir, 'serve-state.json'),
  });

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'deck-room-test-'));
  [server, browser] = await Promise.all([start(), startChromium()]);
});

afterAll(async () => {
  await closeBrowser(browser);
  await server?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function openDeck(page: Page, url: string): Promise<void> {
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(url);
  await page.waitForFunction(() => (window as any).Reveal?.isReady() && window.deckServe?.connected, { polling: 50 });
}

async function openDriven(page: Page, url: string, size: { width: number; height: number }): Promise<void> {
  await page.setViewport(size);
  await page.goto(url);
  await page.waitForFunction(() => (window.deckServe?.driver?.view.count ?? 0) > 0 && window.deckServe?.driver?.view.presenter, {
    polling: 50,
  });
}

/** Two key presses in one task: the second comes before the server can answer the first. */
const pressTwice = (page: Page, first: string, second: string) =>
  page.evaluate(
    (a, b) => {
      for (const key of [a, b]) document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    },
    first,
    second,
  );
const cover = (page: Page) =>
  page.evaluate(() => (document.getElementById('deck-serve-screen') as HTMLElement | null)?.dataset.mode ?? 'slides');

/** The room as the presenter has it open: an audience page, the presenter view, the remote (and the presenter's deck). */
interface Room {
  audience: Page;
  presenter: Page;
  remote: Page;
  presenterDeck?: Page;
}

/** B B returns to the slides, W right after B gives white, on the presenter view and the remote. */
async function blackAndWhitePressedFast({ audience, presenter, remote }: Room): Promise<void> {
  const settled = (page: Page, mode: string) =>
    page.waitForFunction((m) => window.deckServe!.driver!.view.screen === m, { polling: 20 }, mode);
  // Every audience cover the audience page shows, in order.
  await audience.evaluate(() => {
    (window as any).covers = [];
    new MutationObserver(() => {
      const mode = (document.getElementById('deck-serve-screen') as HTMLElement | null)?.dataset.mode ?? 'slides';
      const seen = (window as any).covers as string[];
      if (seen[seen.length - 1] !== mode) seen.push(mode);
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });

  await pressTwice(presenter, 'b', 'b');
  await audience.waitForFunction(() => ((window as any).covers as string[]).join() === 'black,slides', { polling: 20 });
  await settled(presenter, 'slides');
  expect(server.talk.screen).toBe('slides');

  await pressTwice(presenter, 'b', 'w');
  await audience.waitForFunction(() => document.getElementById('deck-serve-screen')?.dataset.mode === 'white', { polling: 20 });
  await settled(presenter, 'white');
  expect(server.talk.screen).toBe('white');
  // The remote knows, so its B gives black (not "back to the slides" from a stale state) and B again the slides.
  await settled(remote, 'white');
  await pressTwice(remote, 'b', 'b');
  await settled(remote, 'slides');
  await audience.waitForFunction(() => !document.getElementById('deck-serve-screen'), { polling: 20 });
  expect(server.talk.screen).toBe('slides');
  // Two taps on the remote's Black button in one go: black and back.
  await remote.evaluate(() => {
    const button = document.getElementById('black') as HTMLButtonElement;
    button.click();
    button.click();
  });
  await settled(remote, 'slides');
  await presenter.waitForFunction(() => document.getElementById('screen')!.hidden, { polling: 20 });
  expect(await cover(audience)).toBe('slides');
  expect(server.talk.screen).toBe('slides');
  expect(await audience.evaluate(() => (window as any).covers)).toEqual(expect.arrayContaining(['black', 'slides', 'white']));
}

/** Offline, moves are refused and every driving page says so; on reconnect everyone is back on the presenter's slide. */
async function serverStopsAndComesBack({ audience, presenter, remote, presenterDeck }: Required<Room>): Promise<void> {
  await presenter.evaluate(() => window.deckServe!.driver!.move({ slide: 3 }));
  const talk = await presenter.evaluate(() => window.deckServe!.driver!.slides()[2]!.position);
  const third = { h: talk.h, v: talk.v, f: -1 };
  await Promise.all([waitForIndices(audience, third), waitForIndices(presenterDeck, third)]);

  const port = server.port;
  await server.close();
  const offline = (page: Page) => page.waitForFunction(() => !window.deckServe?.connected, { polling: 50 });
  await Promise.all([offline(audience), offline(presenter), offline(remote), offline(presenterDeck)]);
  const banner = (page: Page, id: string) =>
    page.$eval(`#${id}`, (el) => ((el as HTMLElement).hidden || (el as HTMLElement).offsetHeight === 0 ? '' : el.textContent));
  expect(await banner(presenter, 'offline')).toMatch(/moves are not sent/i);
  expect(await banner(remote, 'offline')).toMatch(/moves are not sent/i);
  expect(await banner(presenterDeck, 'deck-serve-offline')).toMatch(/moves are not sent/i);

  // Presenter view: → is refused, the slide stays, the banner says that key was not sent.
  const before = await presenter.evaluate(() => window.deckServe!.driver!.view.index);
  // Keys go to the window in front, as on the speaker's machine: each is brought there before its keys.
  await presenter.bringToFront();
  await presenter.keyboard.press('ArrowRight');
  await presenter.waitForFunction(() => /NOT sent/.test(document.getElementById('offline')!.textContent ?? ''), { polling: 20 });
  expect(await presenter.evaluate(() => window.deckServe!.driver!.view.index)).toBe(before);
  expect(await presenter.evaluate(() => window.deckServe!.driver!.toggleScreen('black'))).toBe(false);
  // Remote: a tap on Next is refused the same way.
  await remote.bringToFront();
  await remote.click('#next');
  await remote.waitForFunction(() => /NOT sent/.test(document.getElementById('offline')!.textContent ?? ''), { polling: 20 });
  expect(await remote.evaluate(() => window.deckServe!.driver!.view.index)).toBe(before);
  // The presenter's own deck: → does not leave the audience's slide, and its badge says so until the server is
  // back: each failed reconnection renders the badge again (the texts it takes are recorded), keeping the refusal.
  await presenterDeck.evaluate(() => {
    const texts: string[] = [];
    (window as any).badgeTexts = texts;
    new MutationObserver(() => texts.push(document.getElementById('deck-serve-offline')?.textContent ?? '')).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await presenterDeck.bringToFront();
  await presenterDeck.keyboard.press('ArrowRight');
  await presenterDeck.waitForFunction(() => /NOT sent/.test(document.getElementById('deck-serve-offline')?.textContent ?? ''), {
    polling: 20,
  });
  expect(await indicesOf(presenterDeck)).toEqual(third);
  const renders = await presenterDeck.evaluate(() => ((window as any).badgeTexts as string[]).length);
  await presenterDeck.waitForFunction((after) => ((window as any).badgeTexts as string[]).length > after + 1, { polling: 50 }, renders);
  expect(await presenterDeck.evaluate(() => ((window as any).badgeTexts as string[]).slice(-1)[0])).toMatch(/NOT sent/);
  // Someone in the audience walks off on their own while the server is away.
  await audience.evaluate(() => (window as any).Reveal.slide(0, 0));
  expect(await indicesOf(audience)).not.toEqual(third);

  server = await start(port);
  const back = (page: Page) => page.waitForFunction(() => window.deckServe?.connected, { polling: 50 });
  await Promise.all([back(audience), back(presenter), back(remote), back(presenterDeck)]);
  await waitForIndices(audience, third);
  expect(await indicesOf(presenterDeck)).toEqual(third);
  expect(await banner(presenter, 'offline')).toBe('');
  expect(await banner(remote, 'offline')).toBe('');
  expect(await presenterDeck.$('#deck-serve-offline')).toBeNull();
  expect(await presenter.evaluate(() => window.deckServe!.driver!.view.index)).toBe(before);
  // And driving works again: the audience follows the next move.
  await presenter.bringToFront();
  await presenter.keyboard.press('ArrowRight');
  const next = await presenter.evaluate(() => {
    const i = (document.getElementById('current') as HTMLIFrameElement).contentWindow as any;
    const at = i.Reveal.getIndices();
    return { h: at.h ?? 0, v: at.v ?? 0, f: typeof at.f === 'number' ? at.f : -1 };
  });
  expect(next).not.toEqual(third);
  await Promise.all([waitForIndices(audience, next), waitForIndices(presenterDeck, next)]);
}

// One room for both: the same pages (loaded once) are pressed fast, then see the server stop and come back.
describe('the room from the presenter’s side (Chromium)', () => {
  it('black and white pressed fast: B B returns to the slides, W right after B gives white, on the presenter view and the remote; then the server stops and comes back: offline, moves are refused and every driving page says so, on reconnect everyone is back on the presenter’s slide', async () => {
    // Opened one after the other: which tab is in front (the last opened) decides where keys go. The presenter's
    // deck joins for the server's stop only, as the last tab opened.
    const audience = await browser.newPage();
    const presenter = await browser.newPage();
    const remote = await browser.newPage();
    let presenterDeck: Page | undefined;
    try {
      await Promise.all([
        openDeck(audience, server.url),
        openDriven(presenter, server.presenterUrl, { width: 1280, height: 800 }),
        openDriven(remote, server.remoteUrl, { width: 390, height: 844 }),
      ]);
      await blackAndWhitePressedFast({ audience, presenter, remote });
      presenterDeck = await browser.newPage();
      await openDeck(presenterDeck, server.presenterDeckUrl);
      await serverStopsAndComesBack({ audience, presenter, remote, presenterDeck });
    } finally {
      await Promise.all([presenterDeck?.close(), remote.close(), presenter.close(), audience.close()]);
    }
  }, 120_000);
});
