import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/core/errors.js';
import { buildSingleFile, type SingleFileResult } from '../../src/export/single/single-file.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { rejectedDeckError } from '../helpers/deck-error.js';
import { indicesOf, waitForIndices } from '../helpers/reveal-indices.js';
import { writeFolder } from '../helpers/temp-folder.js';
import { workAhead } from '../helpers/work-ahead.js';

let browser: Browser;
let work: string;
let main: SingleFileResult;

type RevealInPage = {
  Reveal: { isReady(): boolean; next(): void; getIndices(): { h: number; v: number; f?: number }; getSlides(): unknown[] };
};

/** Every URL the page asks for from now on; each request goes through. */
async function recordRequests(page: Page): Promise<string[]> {
  const requests: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    requests.push(request.url());
    void request.continue().catch(() => {});
  });
  return requests;
}

async function openDeck(page: Page, url: string): Promise<void> {
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as RevealInPage).Reveal?.isReady());
  await page.evaluate(() => document.fonts.ready);
}

/** A new deck folder in this file's work folder, holding `files`. */
const deckFolder = (files: Record<string, string | Buffer>) => writeFolder(mkdtempSync(join(work, 'deck-')), files);

/** The decks the tests below build, by name; each is written into deckDir(name) and built into its `out`. */
const DECKS: Record<string, Record<string, string>> = {
  moon: { 'talk.md': '---\ntheme: moon\n---\n\n# Moon title\n\nSome body text\n' },
  'missing-font': {
    'talk.md': '---\ntheme: ./odd.css\n---\n\n# 標題\n\nText\n',
    'odd.css':
      '@import "../../../node_modules/reveal.js/dist/theme/white.css";\n.reveal {\n  font-family: "Nowhere Sans Pro", sans-serif;\n}\n',
  },
  'unreadable-image': { 'talk.md': '# Title\n\n---\n\n## Picture\n\n![a chart](chart.png)\n', 'chart.png': 'not a PNG' },
};
const deckDir = (name: string) => join(work, 'decks', name);
/** Their builds, three at a time from beforeAll on: the browser lays them out while the tests above run. */
const built = workAhead(Object.keys(DECKS), 3, (name) => buildSingleFile(deckDir(name), { outDir: join(deckDir(name), 'out'), browser }));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'deck-single-test-'));
  for (const [name, files] of Object.entries(DECKS)) writeFolder(deckDir(name), files);
  browser = await startChromium();
  main = await buildSingleFile('slides', { outDir: join(work, 'main'), browser });
  built.start();
});

afterAll(async () => {
  await closeBrowser(browser);
  rmSync(work, { recursive: true, force: true });
});

describe('deck build --single-file on the default deck', () => {
  it('writes one index.html, under 3 MB', () => {
    expect(readdirSync(join(work, 'main'))).toEqual(['index.html']);
    expect(statSync(main.path).size).toBe(main.bytes);
    expect(main.bytes).toBeLessThan(3 * 1024 * 1024);
    expect(main.fonts.map((font) => font.family)).toContain('Noto Sans CJK TC');
  });

  it('draws the Chinese text with the embedded fonts, not the system ones, and asks for nothing but itself and data: URIs on every slide', async () => {
    // One page load for both: the fonts of the first slide are read before the walk through every slide.
    const page = await browser.newPage();
    try {
      const requests = await recordRequests(page);
      const url = pathToFileURL(main.path).href;
      await openDeck(page, url);
      const cdp = await page.createCDPSession();
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      for (const selector of ['.reveal .slides section.present h1', '.reveal .slides section.present p']) {
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
        expect(nodeId, selector).toBeGreaterThan(0);
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        expect(fonts.length, selector).toBeGreaterThan(0);
        for (const font of fonts) expect(font, selector).toMatchObject({ familyName: 'Noto Sans CJK TC', isCustomFont: true });
      }
      await cdp.detach();
      const total = await page.evaluate(() => (window as unknown as RevealInPage).Reveal.getSlides().length);
      for (let i = 1; i < total; i++) await page.evaluate(() => (window as unknown as RevealInPage).Reveal.next());
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(requests.length).toBeGreaterThan(0);
      const foreign = requests.filter((request) => request.split('#')[0] !== url && !request.startsWith('data:'));
      expect(foreign).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the single file’s presenter window', () => {
  it('follows the deck window, lists every slide’s plan (the slides shown so far done, the current one marked), shows the notes, next slide and clock, and the deck follows it back', async () => {
    // One deck window and one presenter window for the plan, then for following each other.
    const deck = await browser.newPage();
    const presenter = await browser.newPage();
    try {
      const url = pathToFileURL(main.path).href;
      await openDeck(deck, url);
      await openDeck(presenter, `${url}?presenter`);
      await presenter.waitForSelector('.deck-presenter-plan-list li');
      // Three slides on in the deck window (fragments are steps too, so go by slide).
      await deck.evaluate(() => {
        const reveal = (window as unknown as RevealInPage).Reveal as unknown as { slide(h: number, v?: number): void };
        reveal.slide(1);
        reveal.slide(2);
        reveal.slide(3);
      });
      await presenter.waitForFunction(
        () => document.querySelector('.deck-presenter-plan-list li[data-state="current"] .deck-plan-title')?.textContent?.startsWith('4. '),
        { timeout: 10_000 },
      );
      const rows = await presenter.$$eval('.deck-presenter-plan-list li', (items) =>
        items.map((item) => ({
          state: item.getAttribute('data-state'),
          planned: Number(item.getAttribute('data-planned')),
          title: item.querySelector('.deck-plan-title')?.textContent ?? '',
          times: item.querySelector('.deck-plan-times')?.textContent ?? '',
        })),
      );
      const slides = main.deck.slides;
      expect(rows).toHaveLength(slides.length);
      expect(rows.map((row) => row.planned)).toEqual(slides.map((slide) => slide.timing));
      expect(rows.map((row) => row.state)).toEqual(slides.map((_, i) => (i < 3 ? 'done' : i === 3 ? 'current' : 'upcoming')));
      expect(rows[0]!.title).toBe(`1. ${slides[0]!.title}`);
      // Shown slides: time spent of the plan; the rest: the plan and when the slide should start.
      expect(rows[0]!.times).toMatch(/^\d+:\d\d of \d+:\d\d at 0:00/);
      const fifthStart = slides.slice(0, 4).reduce((sum, slide) => sum + slide.timing, 0);
      const clockOf = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
      expect(rows[4]!.times).toBe(`${clockOf(slides[4]!.timing)} at ${clockOf(fifthStart)}`);
      // Ahead, on time or behind as the talk clock shown beside it says (read in one go: they update together).
      const shown = await presenter.evaluate(() => ({
        clock: document.querySelector('.deck-presenter-clock')?.textContent ?? '',
        pace: document.querySelector('.deck-presenter-pace')?.getAttribute('data-kind'),
      }));
      const [minutes, seconds] = shown.clock.split(':').map(Number);
      const elapsed = minutes! * 60 + seconds!;
      const end = fifthStart;
      const start = end - slides[3]!.timing;
      const expected = elapsed < start ? ['ahead'] : elapsed < end ? ['on-time'] : elapsed === end ? ['on-time', 'behind'] : ['behind'];
      expect(expected).toContain(shown.pace);
      expect(await presenter.$eval('.deck-presenter-slide-time', (el) => el.textContent)).toMatch(
        new RegExp(`^on this slide \\d+:\\d\\d of ${clockOf(slides[3]!.timing)}$`),
      );

      // The deck window steps on; the presenter follows with the current slide's notes, the next slide and the clock.
      await deck.evaluate(() => {
        const reveal = (window as unknown as RevealInPage).Reveal;
        reveal.next();
        reveal.next();
      });
      await waitForIndices(presenter, await indicesOf(deck));
      const slide = await presenter.evaluate(() => {
        const reveal = (window as unknown as RevealInPage).Reveal as unknown as {
          getCurrentSlide(): HTMLElement;
          getSlides(): HTMLElement[];
        };
        return reveal.getSlides().indexOf(reveal.getCurrentSlide()) + 1;
      });
      const notes = main.deck.slides[slide - 1]!.notes.replace(/\s+/g, '').slice(0, 10);
      await presenter.waitForFunction(
        (n) => document.querySelector('.deck-presenter-notes')?.getAttribute('data-slide') === String(n),
        {},
        slide,
      );
      expect((await presenter.$eval('.deck-presenter-notes', (el) => el.textContent ?? '')).replace(/\s+/g, '')).toContain(notes);
      expect(await presenter.$eval('.deck-presenter-next', (el) => el.getAttribute('data-next'))).toBe(main.deck.slides[slide]!.id);
      expect(await presenter.$eval('.deck-presenter-clock', (el) => el.textContent)).toMatch(/^\d+:\d\d$/);
      // And back: a step in the presenter window moves the deck window.
      await presenter.evaluate(() => (window as unknown as RevealInPage).Reveal.next());
      await waitForIndices(deck, await indicesOf(presenter));
    } finally {
      await deck.close();
      await presenter.close();
    }
  });
});

describe('deck build --single-file with a reveal.js theme whose fonts come from @fontsource', () => {
  it('carries the theme’s web fonts, and Chromium draws the text with them from file:// with no request out', async () => {
    const result = await built.of('moon');
    const page = await browser.newPage();
    try {
      const requests = await recordRequests(page);
      const url = pathToFileURL(result.path).href;
      await openDeck(page, url);
      expect(requests.filter((request) => request.split('#')[0] !== url && !request.startsWith('data:'))).toEqual([]);
      const cdp = await page.createCDPSession();
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.reveal .slides section.present p' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      // moon's body text is Lato, from @fontsource/lato: a web font inside the file, not a system font.
      expect(fonts).toEqual([expect.objectContaining({ familyName: 'Lato', isCustomFont: true })]);
    } finally {
      await page.close();
    }
  });
});

describe('deck build --single-file on bad input', () => {
  it('fails when the font the theme asks for is not installed, naming the theme file and line, and writes nothing', async () => {
    const out = join(deckDir('missing-font'), 'out');
    const error = await rejectedDeckError(built.of('missing-font'));
    expect(error.code).toBe(ErrorCode.BadInput);
    expect(error.message).toContain('Nowhere Sans Pro');
    expect(error.file).toMatch(/odd\.css$/);
    expect(error.line).toBe(3);
    expect(error.hint).toContain('install “Nowhere Sans Pro”');
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });

  it('fails on an image that cannot be read, naming the slide file and line', async () => {
    const out = join(deckDir('unreadable-image'), 'out');
    const error = await rejectedDeckError(built.of('unreadable-image'));
    expect(error.code).toBe(ErrorCode.BadInput);
    expect(error.message).toContain('chart.png');
    expect(error.file).toMatch(/talk\.md$/);
    // The image's own line, not the slide's first.
    expect(error.line).toBe(7);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });

  it('fails with an Io error on an output folder it cannot write', async () => {
    const dir = deckFolder({ 'talk.md': '# Title\n' });
    const error = await rejectedDeckError(buildSingleFile(dir, { outDir: join(dir, 'talk.md', 'out'), browser }));
    expect(error.code).toBe(ErrorCode.Io);
  });
});
