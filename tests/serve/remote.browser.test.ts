/**
 * The phone remote (/remote?token=…) in a real Chromium on a phone-sized touch screen, as the README promises it:
 * its Next and previous buttons, a swipe left or right and a Bluetooth clicker's keys move every audience page,
 * its first move starts the talk clock, and its Black button blacks the room out and back.
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
import { type Indices, waitForIndices } from '../helpers/reveal-indices.js';
import { FIXTURE } from './helpers.js';

const TOKEN = 'remote-browser-token-1';
let browser: Browser;
let server: ServerHandle;
let stateDir: string;

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'deck-remote-test-'));
  [server, browser] = await Promise.all([
    startServer({
      deck: FIXTURE,
      port: 0,
      watch: false,
      logger: createMemoryLogger(),
      token: TOKEN,
      stateFile: join(stateDir, 'serve-state.json'),
    }),
    startChromium(),
  ]);
});

afterAll(async () => {
  await closeBrowser(browser);
  await server?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

const cover = (page: Page) =>
  page.evaluate(() => (document.getElementById('deck-serve-screen') as HTMLElement | null)?.dataset.mode ?? 'slides');

async function openAudience(page: Page): Promise<void> {
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(server.url);
  await page.waitForFunction(() => window.Reveal?.isReady() && window.deckServe?.connected, { polling: 50 });
}

/** The remote on a phone-sized touch screen, once it drives (it knows the deck and holds the token). */
async function openRemote(page: Page): Promise<void> {
  await page.setViewport({ width: 390, height: 844, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
  await page.goto(server.remoteUrl);
  await page.waitForFunction(() => (window.deckServe?.driver?.view.count ?? 0) > 0 && window.deckServe?.driver?.view.presenter, {
    polling: 50,
  });
}

/** A finger from (x0, y) to (x1, y) on the remote. */
async function swipe(page: Page, x0: number, x1: number, y: number): Promise<void> {
  await page.touchscreen.touchStart(x0, y);
  await page.touchscreen.touchMove((x0 + x1) / 2, y);
  await page.touchscreen.touchMove(x1, y);
  await page.touchscreen.touchEnd();
}

/** Next, previous, swipes and clicker keys move every audience page; Black blacks them out and back. */
async function movesEveryAudience(remote: Page, audiences: Page[]): Promise<void> {
  // Every audience page there, and the remote knows it too (the audience may hear of a move first; a person taps
  // again only after the remote shows where the room is). Linear index: title 0, Steps 1 (steps f + 2), stack 2–3.
  const everyone = async (want: Indices) => {
    await Promise.all(audiences.map((audience) => waitForIndices(audience, want)));
    const index = want.h === 2 ? 2 + want.v : want.h;
    const step = want.h === 1 ? want.f + 2 : 1;
    await remote.waitForFunction(
      (i, s) => window.deckServe!.driver!.view.index === i && window.deckServe!.driver!.view.step.at === s,
      { polling: 20 },
      index,
      step,
    );
  };
  expect(server.talk.clock.startedAt).toBeNull();

  // The fixture: a title, then "Steps" with two fragments, then a vertical stack "Body first" / "Body below".
  await remote.tap('#next');
  await everyone({ h: 1, v: 0, f: -1 });
  expect(server.talk.clock.startedAt, 'the first move starts the clock').not.toBeNull();
  await remote.tap('#next');
  await everyone({ h: 1, v: 0, f: 0 });
  await remote.tap('#prev');
  await everyone({ h: 1, v: 0, f: -1 });

  // Swipe left = next, swipe right = previous (as a photo viewer).
  const area = (await (await remote.$('#swipe'))!.boundingBox())!;
  const y = area.y + area.height / 2;
  await swipe(remote, area.x + area.width - 20, area.x + 20, y);
  await everyone({ h: 1, v: 0, f: 0 });
  await swipe(remote, area.x + 20, area.x + area.width - 20, y);
  await everyone({ h: 1, v: 0, f: -1 });

  // A Bluetooth clicker sends PageDown / PageUp. (Not a tap right after a swipe: Chromium, like a phone, may take
  // that tap as the end of the swipe's fling and not click.)
  await remote.keyboard.press('PageDown');
  await everyone({ h: 1, v: 0, f: 0 });
  await remote.keyboard.press('PageDown');
  await everyone({ h: 1, v: 0, f: 1 });
  await remote.keyboard.press('PageDown');
  await everyone({ h: 2, v: 0, f: -1 });
  await remote.keyboard.press('PageUp');
  await everyone({ h: 1, v: 0, f: 1 });
  expect(server.talk.slide).toMatchObject({ h: 1, v: 0, f: 1 });

  // Black: every audience page is covered in black, then shows the slides again.
  await remote.tap('#black');
  for (const audience of audiences) {
    await audience.waitForFunction(() => document.getElementById('deck-serve-screen')?.dataset.mode === 'black', { polling: 20 });
  }
  expect(server.talk.screen).toBe('black');
  await remote.waitForFunction(() => window.deckServe!.driver!.view.screen === 'black', { polling: 20 });
  await remote.tap('#black');
  for (const audience of audiences) await audience.waitForFunction(() => !document.getElementById('deck-serve-screen'), { polling: 20 });
  expect(server.talk.screen).toBe('slides');
  for (const audience of audiences) expect(await cover(audience)).toBe('slides');
}

/** A tap right after a swipe, after a short drag, or with a wobble moves the room exactly one step each (on a slow phone). */
async function oneStepPerGesture(remote: Page, audience: Page): Promise<void> {
  await remote.evaluate(() => window.deckServe!.driver!.move('first'));
  await waitForIndices(audience, { h: 0, v: 0, f: -1 });
  const moves = () => remote.evaluate(() => (window as unknown as { deckTestMoves: { moves: number } }).deckTestMoves.moves);
  const before = await moves();
  const client = await remote.createCDPSession();
  await client.send('Emulation.setCPUThrottlingRate', { rate: 4 });

  const area = (await (await remote.$('#swipe'))!.boundingBox())!;
  const y = area.y + area.height / 2;
  const next = (await (await remote.$('#next'))!.boundingBox())!;
  const nextX = next.x + next.width / 2;
  const nextY = next.y + next.height / 2;

  // A swipe left (next), and at once a tap on Next: two steps, not one.
  await swipe(remote, area.x + area.width - 20, area.x + 20, y);
  await remote.tap('#next');
  await waitForIndices(audience, { h: 1, v: 0, f: 0 });
  // A clicker key after them: had the tap fired twice, it would have been sent before this key.
  await remote.keyboard.press('PageDown');
  await waitForIndices(audience, { h: 1, v: 0, f: 1 });
  expect(await moves()).toBe(before + 3);

  // A short drag on the slides (20 px: no swipe, no move), then a tap: one step.
  await swipe(remote, area.x + area.width / 2, area.x + area.width / 2 - 20, y);
  await remote.tap('#next');
  await waitForIndices(audience, { h: 2, v: 0, f: -1 });
  await remote.keyboard.press('PageDown');
  await waitForIndices(audience, { h: 2, v: 1, f: -1 });
  expect(await moves()).toBe(before + 5);

  // A finger that wobbles 12 px on the button is still a tap; a drag off the button is not.
  await remote.touchscreen.touchStart(nextX, nextY);
  await remote.touchscreen.touchMove(nextX + 6, nextY - 4);
  await remote.touchscreen.touchMove(nextX + 12, nextY - 4);
  await remote.touchscreen.touchEnd();
  await waitForIndices(audience, { h: 3, v: 0, f: -1 });
  await remote.touchscreen.touchStart(nextX, nextY);
  await remote.touchscreen.touchMove(nextX, next.y - 60);
  await remote.touchscreen.touchEnd();
  await remote.keyboard.press('PageUp');
  await waitForIndices(audience, { h: 2, v: 1, f: -1 });
  expect(await moves()).toBe(before + 7);
  expect(server.talk.slide).toMatchObject({ h: 2, v: 1, f: -1 });
  await client.send('Emulation.setCPUThrottlingRate', { rate: 1 });
}

/** Counts every move the remote sends, where it leaves the page (window.deckTestMoves). Call before goto. */
const countMoves = (remote: Page) =>
  remote.evaluateOnNewDocument(() => {
    const counter = { moves: 0 };
    (window as unknown as { deckTestMoves: typeof counter }).deckTestMoves = counter;
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (this: WebSocket, data) {
      if (typeof data === 'string' && data.includes('"navigate"')) counter.moves += 1;
      return send.call(this, data);
    };
  });

// One remote and its room, loaded once, for both: the gestures of a talk, then the same remote on a slow phone.
describe('the phone remote (Chromium, 390×844 touch screen)', () => {
  it('Next, previous, swipes and clicker keys move every audience page; Black blacks them out and back; a tap right after a swipe, after a short drag, or with a wobble moves the room exactly one step each (on a slow phone)', async () => {
    // Opened in this order, the remote last: the tab in front, which takes the keys and touches.
    const audiences = [await browser.newPage(), await browser.newPage()];
    const remote = await browser.newPage();
    try {
      await countMoves(remote);
      await Promise.all([...audiences.map(openAudience), openRemote(remote)]);
      await movesEveryAudience(remote, audiences);
      // The slow phone's room: one audience page, as a room with more pages would only wait longer.
      await audiences[1]!.close();
      await oneStepPerGesture(remote, audiences[0]!);
    } finally {
      await Promise.all([remote, ...audiences].filter((page) => !page.isClosed()).map((page) => page.close()));
    }
  }, 120_000);
});
