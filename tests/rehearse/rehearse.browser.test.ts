/**
 * A scripted rehearsal in a real Chromium on the real dev server: move through the slides, finish, and compare
 * the saved rehearsal, its reports and the applied plan with the times the page was given. The page's clock is
 * the test's: performance.now() stands still until the test moves it on, so each slide's time is known exactly
 * and nothing waits on real time.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../src/core/log.js';
import { type DeckError, ErrorCode, isDeckError } from '../../src/core/errors.js';
import { buildDeck } from '../../src/render/index.js';
import {
  applyLastRehearsal,
  lastRehearsal,
  readRehearsal,
  recoverJournals,
  reportText,
  startRehearsal,
  writeReport,
  type RehearsalSession,
} from '../../src/rehearse/index.js';
import { startServer } from '../../src/serve/index.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import type { Page } from 'puppeteer-core';

const FIXTURE = join(import.meta.dirname, '../fixtures/rehearse/talk');

let browser: Browser;
let work: string;
let deckDir: string;

beforeAll(async () => {
  browser = await startChromium();
  work = mkdtempSync(join(tmpdir(), 'deck-rehearse-'));
  deckDir = join(work, 'talk');
  cpSync(FIXTURE, deckDir, { recursive: true });
});

afterAll(async () => {
  await closeBrowser(browser);
  rmSync(work, { recursive: true, force: true });
});

function start(): Promise<RehearsalSession> {
  return startRehearsal({ deck: deckDir, serve: startServer, port: 0, watch: false, logger: createMemoryLogger() });
}

/** A rehearsal of its own and a page in the file's Chromium, both closed after `run`. */
async function withRehearsalPage(run: (session: RehearsalSession, page: Page) => Promise<void>): Promise<void> {
  const session = await start();
  const page = await browser.newPage();
  try {
    await run(session, page);
  } finally {
    await page.close();
    await session.close();
  }
}

interface PageClock {
  advance(ms: number): void;
}

/**
 * Open a page on the deck with the test's clock in place of performance.now() (what the recorder stamps events
 * with), and wait until the recorder has sent its `ready` event.
 */
async function open(page: Page, url: string, session: RehearsalSession): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const frozenAt = performance.now();
    let moved = 0;
    performance.now = () => frozenAt + moved;
    (window as unknown as { deckTestClock: PageClock }).deckTestClock = { advance: (ms) => void (moved += ms) };
  });
  const before = session.recorder.events.length;
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { Reveal: { isReady(): boolean } }).Reveal.isReady() && document.querySelector('.deck-rehearse-bar'),
  );
  await vi.waitFor(() => expect(session.recorder.events.slice(before).some((e) => e.type === 'ready')).toBe(true), {
    timeout: 30_000,
    interval: 20,
  });
}

/** Let `ms` of page time pass. */
function advance(page: Page, ms: number): Promise<void> {
  return page.evaluate((ms) => (window as unknown as { deckTestClock: PageClock }).deckTestClock.advance(ms), ms);
}

/** Move the deck (Reveal.next()/down()). */
async function move(page: Page, action: 'next' | 'down' = 'next'): Promise<void> {
  await page.evaluate((a) => (window as unknown as { Reveal: Record<string, () => void> }).Reveal[a]!(), action);
}

describe('a scripted rehearsal', () => {
  // Page time on each slide, ms: slide-1, slide-2 (its two fragments 500 and 1000 ms in), slide-3-1, slide-3-2, slide-4.
  const given: Record<string, number> = { 'slide-1': 1200, 'slide-2': 2000, 'slide-3-1': 700, 'slide-3-2': 2800, 'slide-4': 1000 };
  let saved: string;

  it('records every slide and fragment change with its time, and saves on Finish', async () => {
    const session = await start();
    const page = await browser.newPage();
    try {
      await open(page, session.server.presenterDeckUrl, session);
      await advance(page, 1200);
      await move(page); // → slide-2
      await advance(page, 500);
      await move(page); // fragment 0
      await advance(page, 500);
      await move(page); // fragment 1
      await advance(page, 1000);
      await move(page); // → slide-3-1
      await advance(page, 700);
      await move(page, 'down'); // → slide-3-2
      await advance(page, 2800);
      await move(page); // → slide-4
      await advance(page, 1000);
      await page.click('.deck-rehearse-finish');
      const result = await session.done;
      expect(result.path).toBeDefined();
      saved = result.path!;
      // The page says it is saved, with the summary, and links the report the server now serves.
      await page.waitForFunction(() => document.querySelector('.deck-rehearse-clock')?.textContent === 'Rehearsal saved');
      expect(await page.$eval('.deck-rehearse-status', (e) => e.textContent)).toMatch(/planned .*saved as/);
      const link = await page.waitForSelector('a.deck-rehearse-report');
      expect(await link!.evaluate((a) => a.textContent)).toBe('Open the report');
      const opened = new Promise<Page | null>((resolve) => browser.once('targetcreated', (target) => resolve(target.page())));
      await link!.click();
      const report = (await opened)!;
      try {
        await report.waitForSelector('svg.slides-chart g.slide');
        expect(await report.$$eval('svg.slides-chart g.slide', (groups) => groups.map((g) => g.getAttribute('data-id')))).toEqual(
          Object.keys(given),
        );
        const url = new URL(report.url());
        expect(url.pathname).toBe('/_rehearse/report');
        // Without the presenter token the same address is refused.
        url.searchParams.delete('token');
        const refused = await report.goto(url.href);
        expect(refused!.status()).toBe(403);
        expect(await report.$('svg.slides-chart')).toBeNull();
      } finally {
        await report.close();
      }
    } finally {
      await page.close();
      await session.close();
    }

    expect(saved).toMatch(/[/\\]rehearsals[/\\]talk-\d{8}-\d{6}\.json$/);
    // The journal is gone; the report the page linked is beside the rehearsal.
    const base = saved.split(/[/\\]/).pop()!;
    expect(readdirSync(join(deckDir, 'rehearsals')).sort()).toEqual([base.replace(/\.json$/, '.html'), base]);
    const rehearsal = await readRehearsal(saved);
    expect(rehearsal.complete).toBe(true);
    expect(rehearsal.endedBy).toBe('button');
    expect(Object.fromEntries(rehearsal.slides.map((s) => [s.id, s.actual]))).toEqual(
      Object.fromEntries(Object.entries(given).map(([id, ms]) => [id, ms / 1000])),
    );
    expect(rehearsal.slides.map((s) => s.visits)).toEqual([1, 1, 1, 1, 1]);
    expect(rehearsal.slides[1]!.fragments).toEqual([0.5, 1]);
    expect(rehearsal.actual).toBe(7.7);
    expect(rehearsal.paused).toBe(0);
    expect(rehearsal.planned).toBe(rehearsal.slides.reduce((sum, s) => sum + s.planned, 0));
  });

  it('reports planned against actual, as text and as an HTML page with charts', async () => {
    const deck = (await buildDeck(deckDir)).deck;
    const last = await lastRehearsal(deck);
    expect(last.path).toBe(saved);
    const text = reportText(last.rehearsal);
    for (const slide of last.rehearsal.slides) {
      const row = text.split('\n').find((line) => line.includes(slide.title))!;
      expect(row).toMatch(/\d\d:\d\d\s+\d\d:\d\d\s+[+-]\d\d:\d\d\s+(over|under|on time)$/);
    }
    const html = readFileSync(await writeReport(join(work, 'report.html'), last.rehearsal, last.history), 'utf8');
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1100, height: 900 });
      await page.goto(`file://${join(work, 'report.html')}`);
      const bars = await page.$$eval('svg.slides-chart g.slide', (groups) =>
        groups.map((g) => ({
          id: g.getAttribute('data-id'),
          planned: (g.querySelector('rect.planned') as SVGRectElement).getBBox().height,
          actual: (g.querySelector('rect.actual') as SVGRectElement).getBBox().height,
          seconds: Number(g.querySelector('rect.actual')!.getAttribute('data-seconds')),
        })),
      );
      expect(bars.map((b) => b.id)).toEqual(Object.keys(given));
      const plannedSeconds = last.rehearsal.slides.map((s) => s.planned);
      // Drawn to one scale: bar heights are in the ratio of the times.
      bars.forEach((bar, i) => {
        expect(bar.seconds).toBe(last.rehearsal.slides[i]!.actual);
        expect(bar.actual / bar.planned).toBeCloseTo(bar.seconds / plannedSeconds[i]!, 1);
      });
      expect(await page.$$eval('svg.trend-chart circle', (c) => c.length)).toBe(1);
      // A picture of the report to look at; tests/.out may have been cleared by another test file meanwhile.
      const shots = join(import.meta.dirname, '../.out');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'rehearsal-report.png'), fullPage: true });
    } finally {
      await page.close();
    }
    expect(html).toContain(last.rehearsal.slides[0]!.title);
  });

  it('--apply refuses a run far shorter than the plan unless forced, writing nothing', async () => {
    const rehearsal = await readRehearsal(saved);
    expect(rehearsal.actual).toBeLessThan(rehearsal.planned / 2);
    const error = await applyLastRehearsal(deckDir).catch((e: unknown) => e);
    expect(isDeckError(error) && error.code === ErrorCode.BadInput, String(error)).toBe(true);
    expect((error as DeckError).message).toMatch(/ran \d\d:\d\d against a \d\d:\d\d plan/);
    expect((error as DeckError).hint).toContain('--force');
    expect(existsSync(join(deckDir, 'timings.json'))).toBe(false);
  });

  it('--apply --force makes the rehearsed times the plan, without touching the Markdown', async () => {
    const markdown = readFileSync(join(deckDir, '00-talk.md'), 'utf8');
    const result = await applyLastRehearsal(deckDir, { force: true });
    expect(result.path).toBe(join(deckDir, 'timings.json'));
    expect(readFileSync(join(deckDir, '00-talk.md'), 'utf8')).toBe(markdown);
    const { deck, rendered } = await buildDeck(deckDir);
    const timings = [...rendered.html.matchAll(/<section id="([^"]+)"[^>]*data-timing="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(timings.map((t) => t[0])).toEqual(Object.keys(given));
    const rehearsal = await readRehearsal(saved);
    for (const [id, seconds] of timings) {
      const actual = rehearsal.slides.find((s) => s.id === id)!.actual;
      expect(seconds).toBe(Math.max(1, Math.round(actual)));
    }
    // 1.2, 2, 0.7, 2.8 and 1 s rounded to whole seconds, at least 1.
    expect(timings.map((t) => t[1])).toEqual([1, 2, 1, 3, 1]);
    expect(deck.slides.every((s) => s.timingSource === 'rehearsal')).toBe(true);
    expect(result.before.totalTime).not.toBe(result.after.totalTime);
    const config = JSON.parse(/<script id="deck-config" type="application\/json">(.*?)<\/script>/.exec(rendered.html)![1]!);
    expect(config.totalTime).toBe(timings.reduce((sum, t) => sum + (t[1] as number), 0));
  });

  it('keeps what was recorded when the tab is closed and the process dies', async () => {
    const session = await start();
    const journal = session.journalPath;
    const page = await browser.newPage();
    try {
      await open(page, session.server.presenterDeckUrl, session);
      await advance(page, 800);
      await move(page);
      await advance(page, 600);
      await page.close(); // the tab goes away: its last moment is sent as it closes
      await vi.waitFor(() => expect(session.recorder.events.some((e) => e.type === 'hidden')).toBe(true), {
        timeout: 30_000,
        interval: 20,
      });
    } finally {
      if (!page.isClosed()) await page.close();
      // "Crash": the server goes away without a finish; only the journal on disk is left.
      await session.close();
    }
    expect(existsSync(journal)).toBe(true);
    const recovered = await recoverJournals(join(deckDir, 'rehearsals'), 'talk', { isRunning: () => false });
    expect(recovered).toHaveLength(1);
    expect(existsSync(journal)).toBe(false);
    const rehearsal = await readRehearsal(recovered[0]!.saved!);
    expect(rehearsal.complete).toBe(false);
    expect(rehearsal.endedBy).toBe('interrupted');
    expect(rehearsal.slides[0]!.actual).toBe(0.8);
    expect(rehearsal.slides[1]!.actual).toBe(0.6); // until the tab closed
    expect(rehearsal.slides.slice(2).every((s) => s.visits === 0)).toBe(true);
  });

  it('records nothing from a page without the presenter token (an audience page)', async () => {
    const session = await start();
    const audience = await browser.newPage();
    const presenter = await browser.newPage();
    try {
      await audience.goto(session.server.url);
      await audience.waitForFunction(() => (window as unknown as { Reveal: { isReady(): boolean } }).Reveal.isReady());
      expect(await audience.$('.deck-rehearse-bar')).toBeNull();
      await move(audience);
      await open(presenter, session.server.presenterDeckUrl, session);
      await vi.waitFor(() => expect(session.recorder.events.length).toBeGreaterThan(0), { timeout: 30_000, interval: 20 });
      await move(audience);
      await move(presenter);
      await vi.waitFor(() => expect(session.recorder.events.some((e) => e.id === 'slide-2')).toBe(true), { timeout: 30_000, interval: 20 });
      expect(new Set(session.recorder.events.map((e) => e.session)).size).toBe(1);
    } finally {
      await audience.close();
      await presenter.close();
      await session.close();
    }
  });

  /** The presenter view with its next-step preview held back until the current slide's recorder has said ready. */
  async function openPresenterSlowPreview(page: Page, session: RehearsalSession): Promise<void> {
    await page.setRequestInterception(true);
    let release: () => void = () => {};
    const previewMayLoad = new Promise<void>((resolve) => {
      release = resolve;
    });
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      if (request.frame()?.name() === 'upcoming' && request.isNavigationRequest()) void previewMayLoad.then(() => request.continue());
      else void request.continue();
    });
    await page.goto(session.server.presenterUrl, { waitUntil: 'domcontentloaded' }); // the page's load waits for the preview
    await vi.waitFor(() => expect(session.recorder.events.some((e) => e.type === 'ready')).toBe(true), { timeout: 30_000, interval: 20 });
    // The presenter view works out its next step without the preview meanwhile (a loaded machine's order of loads).
    await page.waitForFunction(() => (window.deckServe?.driver?.view.index ?? -1) >= 0);
    release();
    await page.waitForFunction(() => window.deckServe?.driver?.view.upcoming?.index === 1);
  }

  /** Events of slide and fragment changes as [type, id, f]. */
  const visitsOf = (session: RehearsalSession) => session.recorder.events.map((e) => [e.type, e.id, e.f]);

  it('records the presenter page’s current slide exactly, not its next-slide preview, even while the preview loads', async () => {
    await withRehearsalPage(async (session, page) => {
      await page.setViewport({ width: 1280, height: 800 });
      await openPresenterSlowPreview(page, session);
      const current = await (await page.waitForSelector('iframe#current'))!.contentFrame();
      await page.waitForSelector('.deck-rehearse-bar'); // on the presenter page: its frames take no clicks
      await page.click('#next');
      await vi.waitFor(() => expect(session.recorder.events.some((e) => e.id === 'slide-2')).toBe(true), { timeout: 30_000, interval: 20 });
      await page.waitForFunction(() => window.deckServe?.driver?.view.index === 1);
      const upcoming = await (await page.$('iframe#upcoming'))!.contentFrame();
      expect(await upcoming.$('.deck-rehearse-bar')).toBeNull();
      expect(await current.$('.deck-rehearse-bar')).toBeNull();
      expect(await page.$$eval('.deck-rehearse-bar', (bars) => bars.length)).toBe(1);
      // The bar sits under the controls, over neither the notes nor a button.
      const overlaps = await page.evaluate(() => {
        const bar = document.querySelector('.deck-rehearse-bar')!.getBoundingClientRect();
        return ['notes', 'next', 'prev', 'black', 'white', 'goto', 'overview'].filter((id) => {
          const box = document.getElementById(id)!.getBoundingClientRect();
          return bar.left < box.right && box.left < bar.right && bar.top < box.bottom && box.top < bar.bottom;
        });
      });
      expect(overlaps).toEqual([]);
      // One page records, once per place: working out the next step (in the preview, or without it) is no visit.
      expect(visitsOf(session)).toEqual([
        ['ready', 'slide-1', -1],
        ['slide', 'slide-2', -1],
      ]);
      await page.click('.deck-rehearse-finish');
      const result = await session.done;
      expect(result.rehearsal!.slides.map((s) => s.visits)).toEqual([1, 1, 0, 0, 0]);
      // The presenter view says so and links the report (the server still serves it).
      const link = await page.waitForSelector('#offline.done a#rehearsal-report');
      const href = await link!.evaluate((a) => (a as HTMLAnchorElement).href);
      const response = await page.evaluate((url) => fetch(url).then(async (r) => ({ status: r.status, text: await r.text() })), href);
      expect(response.status).toBe(200);
      expect(response.text).toContain('slides-chart');
    });
  });

  it('records no visit again when the presenter view’s connection drops and comes back mid-rehearsal', async () => {
    await withRehearsalPage(async (session, page) => {
      // Every WebSocket of the page and its frames, so that the test can cut them as a network drop would.
      await page.evaluateOnNewDocument(() => {
        const sockets: WebSocket[] = [];
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols);
            sockets.push(this);
          }
        };
        (window as unknown as { deckTestSockets: WebSocket[] }).deckTestSockets = sockets;
      });
      await page.goto(session.server.presenterUrl);
      await page.waitForSelector('.deck-rehearse-bar');
      await vi.waitFor(() => expect(session.recorder.events).toHaveLength(1), { timeout: 30_000, interval: 20 });
      /** Next, once the last move is recorded (so that each click starts from where the talk is). */
      const next = async () => {
        const before = session.recorder.events.length;
        await page.click('#next');
        await vi.waitFor(() => expect(session.recorder.events.length).toBeGreaterThan(before), { timeout: 30_000, interval: 20 });
      };
      const reconnect = async () => {
        const cut = await page.evaluate(() => {
          const all = (window as unknown as { deckTestSockets: WebSocket[] }).deckTestSockets;
          const open = all.filter((ws) => ws.readyState === WebSocket.OPEN);
          for (const ws of open) ws.close();
          return open.length;
        });
        expect(cut).toBeGreaterThan(0);
        // Timer polling: animation frames stop when the page is not drawn (a loaded machine, a page behind another).
        await page.waitForFunction(() => window.deckServe?.connected === false, { polling: 50 });
        await page.waitForFunction(() => window.deckServe?.connected === true && window.deckServe.driver?.view.presenter === true, {
          polling: 50,
          timeout: 60_000,
        });
      };
      await next(); // slide-2
      await next(); // its first fragment
      await next(); // its second
      await next(); // slide-3-1
      await reconnect();
      await next(); // slide-3-2
      await reconnect();
      await page.waitForFunction(() => window.deckServe?.driver?.view.index === 3 && window.deckServe.driver.view.upcoming?.index === 4, {
        polling: 50,
      });
      await page.click('.deck-rehearse-finish');
      const result = await session.done;
      expect(visitsOf(session)).toEqual([
        ['ready', 'slide-1', -1],
        ['slide', 'slide-2', -1],
        ['fragment', 'slide-2', 0],
        ['fragment', 'slide-2', 1],
        ['slide', 'slide-3-1', -1],
        ['slide', 'slide-3-2', -1],
      ]);
      expect(result.rehearsal!.slides.map((s) => s.visits)).toEqual([1, 1, 1, 1, 0]);
    });
  });

  it('records no visit again when the presenter view’s slide frame (as after an edit) or the whole view reloads mid-rehearsal', async () => {
    await withRehearsalPage(async (session, page) => {
      await page.setViewport({ width: 1280, height: 800 });
      await page.goto(session.server.presenterUrl);
      await page.waitForSelector('.deck-rehearse-bar');
      await vi.waitFor(() => expect(session.recorder.events).toHaveLength(1), { timeout: 30_000, interval: 20 });
      await page.click('#next');
      await vi.waitFor(() => expect(session.recorder.events).toHaveLength(2), { timeout: 30_000, interval: 20 });
      await page.click('#next');
      await vi.waitFor(() => expect(session.recorder.events).toHaveLength(3), { timeout: 30_000, interval: 20 });
      const sessions = () => new Set(session.recorder.events.map((e) => e.session)).size;
      // The frame reloads (a full reload after an edit does this): a new page load that starts on the first slide.
      await page.evaluate(() => (document.getElementById('current') as HTMLIFrameElement).contentWindow!.location.reload());
      await vi.waitFor(() => expect(sessions()).toBe(2), { timeout: 30_000, interval: 20 });
      // And the whole presenter view too (F5), its server messages held until its slide frame is ready (a loaded
      // machine's order: the frame, on the first slide, before the server says where the talk is).
      await page.evaluateOnNewDocument(() => {
        if (window !== window.top) return;
        const frameReady = () => {
          const frame = document.getElementById('current') as HTMLIFrameElement | null;
          const win = frame?.contentWindow as (Window & { Reveal?: { isReady(): boolean } }) | null | undefined;
          return !!win?.Reveal?.isReady() && win.document.readyState === 'complete';
        };
        const setter = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!.set!;
        Object.defineProperty(WebSocket.prototype, 'onmessage', {
          set(handler: (event: MessageEvent) => void) {
            const held: MessageEvent[] = [];
            const release = setInterval(() => {
              if (!frameReady()) return;
              clearInterval(release);
              for (const event of held.splice(0)) handler.call(this, event);
            }, 20);
            setter.call(this, (event: MessageEvent) => (frameReady() && held.length === 0 ? handler.call(this, event) : held.push(event)));
          },
        });
      });
      await page.reload();
      await vi.waitFor(() => expect(sessions()).toBe(3), { timeout: 30_000, interval: 20 });
      await page.waitForFunction(() => document.querySelectorAll('.deck-rehearse-bar').length === 1);
      await page.click('#next');
      await vi.waitFor(() => expect(session.recorder.events.at(-1)?.f).toBe(1), { timeout: 30_000, interval: 20 });
      await page.click('.deck-rehearse-finish');
      const result = await session.done;
      // The old load's last moment and the new load's first are both on slide-2 at its first fragment.
      expect(visitsOf(session)).toEqual([
        ['ready', 'slide-1', -1],
        ['slide', 'slide-2', -1],
        ['fragment', 'slide-2', 0],
        ['hidden', 'slide-2', 0],
        ['ready', 'slide-2', 0],
        ['hidden', 'slide-2', 0],
        ['ready', 'slide-2', 0],
        ['fragment', 'slide-2', 1],
      ]);
      expect(result.rehearsal!.slides.map((s) => s.visits)).toEqual([1, 1, 0, 0, 0]);
    });
  });
});
