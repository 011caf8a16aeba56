/**
 * Deck settings from a config file reach the deck the audience sees: `deck build` with deck.config.yaml, then
 * reveal.js's own configuration and the page's state read in Chromium. Also `timing.*` from the config file.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, closeBrowser, startChromium } from '../helpers/chromium.js';
import { openDeck } from '../helpers/deck-page.js';
import { ensureCompiled, OUT, pool, ROOT, runCli } from './run.js';
import { EXPECTED_REVEAL_DEFAULTS } from '../helpers/expected-defaults.js';

const WORK = join(OUT, 'config-cli');
const SMALL = join(ROOT, 'tests', 'fixtures', 'export', 'small');

interface RevealState {
  config: Record<string, unknown>;
  controls: boolean;
  progress: boolean;
  slideNumber: string;
  hash: string;
  slideTop: string;
}

let browser: Browser;
const states = new Map<string, RevealState>();

/** A copy of the small deck named `name`, with this config file. */
function configuredCopy(name: string, config: string | undefined): string {
  const deck = join(WORK, 'decks', name);
  cpSync(SMALL, deck, { recursive: true });
  if (config !== undefined) writeFileSync(join(deck, 'deck.config.yaml'), config);
  return deck;
}

/** Open a built deck at slide 3 and read reveal.js's state. */
async function readState(out: string): Promise<RevealState> {
  const page = await browser.newPage();
  try {
    await openDeck(page, `${pathToFileURL(join(out, 'index.html')).href}#/2`);
    return await page.evaluate(() => {
      const reveal = (window as unknown as { Reveal: { getConfig(): Record<string, unknown>; next(): void } }).Reveal;
      const visible = (selector: string) => {
        const element = document.querySelector<HTMLElement>(selector);
        return Boolean(element && getComputedStyle(element).display !== 'none' && element.offsetParent !== null);
      };
      return {
        config: reveal.getConfig(),
        controls: visible('.reveal .controls'),
        progress: visible('.reveal .progress'),
        slideNumber: (document.querySelector('.reveal .slide-number')?.textContent ?? '').replace(/\s+/g, ''),
        hash: location.hash,
        slideTop: (document.querySelector('.reveal .slides section.present:not(.stack)') as HTMLElement).style.top,
      };
    });
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  await ensureCompiled();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  browser = await startChromium();
  const cases: [string, string | undefined][] = [
    ['defaults', undefined],
    [
      'configured',
      'transition: zoom\ncontrols: false\nprogress: false\nslideNumber: h.v\nhash: false\ncenter: true\nmargin: 0.2\nwidth: 1024\nheight: 768\n',
    ],
  ];
  // Both decks in one `deck build a b -o DIR` (each into DIR/<name>/, with its own config file).
  const built = await runCli(['build', ...cases.map(([name, config]) => configuredCopy(name, config)), '-o', join(WORK, 'dist'), '-q']);
  expect(built.code, built.stderr).toBe(0);
  const results = await pool(cases, 2, ([name]) => readState(join(WORK, 'dist', name)));
  cases.forEach(([name], i) => states.set(name, results[i]!));
}, 180_000);

afterAll(async () => {
  if (browser) await closeBrowser(browser);
});

describe('config keys reach reveal.js', () => {
  it('defaults: slide transition, controls, progress bar, c/t slide numbers, hash URLs, top-aligned, 4% margin', () => {
    const state = states.get('defaults')!;
    expect(state.config).toMatchObject(EXPECTED_REVEAL_DEFAULTS);
    expect(state.controls).toBe(true);
    expect(state.progress).toBe(true);
    // Slide 3 of 5 (the #/2 URL opened the third horizontal slide's stack).
    expect(state.slideNumber).toBe('3/5');
    // hash: true rewrites the URL to the slide shown.
    expect(state.hash).toMatch(/^#\/slide-3/);
    // center: false leaves the slide at the top (reveal.js sets no offset).
    expect(state.slideTop).toBe('');
  });

  it('deck.config.yaml: transition, controls, progress, slideNumber, hash, center, margin, width and height', () => {
    const state = states.get('configured')!;
    expect(state.config).toMatchObject({
      transition: 'zoom',
      controls: false,
      progress: false,
      slideNumber: 'h.v',
      hash: false,
      center: true,
      margin: 0.2,
      width: 1024,
      height: 768,
    });
    expect(state.controls).toBe(false);
    expect(state.progress).toBe(false);
    expect(state.slideNumber).toBe('3.1');
    // hash: false leaves the URL as it was opened.
    expect(state.hash).toBe('#/2');
    // center: true moves the slide down from the top of the 768 px high deck.
    expect(Number.parseFloat(state.slideTop)).toBeGreaterThan(0);
  });
});

describe('timing settings from a config file', () => {
  it('timing.cjkCharsPerMinute, wordsPerMinute and minSeconds change the plan deck notes prints', async () => {
    const deck = join(WORK, 'timing', 'deck');
    cpSync(SMALL, deck, { recursive: true });
    const notes = (dir: string) => runCli(['notes', deck, '-o', dir, '-q']);
    const before = await notes(join(WORK, 'timing', 'before'));
    writeFileSync(join(deck, 'deck.config.yaml'), 'timing:\n  cjkCharsPerMinute: 5\n  wordsPerMinute: 10\n  minSeconds: 100\n');
    const after = await notes(join(WORK, 'timing', 'after'));
    expect([before.code, after.code], before.stderr + after.stderr).toEqual([0, 0]);
    const planned = (dir: string) =>
      [...readFileSync(join(WORK, 'timing', dir, 'notes.md'), 'utf8').matchAll(/(\d+):(\d\d) → (\d+):(\d\d)/g)].map(
        (m) => Number(m[3]) * 60 + Number(m[4]) - (Number(m[1]) * 60 + Number(m[2])),
      );
    // Default rates: every slide of this small deck is at the 15 s minimum.
    expect(planned('before')).toEqual([15, 15, 15, 15, 15]);
    // At 5 characters a minute the 13 Han characters of slide 1's notes take 156 s, plus its two clicks at the
    // default 2 s a step; the rest get the new minimum.
    expect(planned('after')).toEqual([160, 100, 100, 100, 100]);
  });

  it('timing.secondsPerStep and secondsPerVisual change the time of clicks and visuals in the plan deck notes prints', async () => {
    const root = join(WORK, 'timing-load');
    // No notes: a slide's time is its visuals and clicks only (minSeconds 1 keeps the minimum out of the way).
    const talk =
      '## 表格\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n---\n\n## 程式與片段\n\n```js\nrun();\n```\n\n' +
      '- 丙 <!-- .element: class="fragment" -->\n- 丁 <!-- .element: class="fragment" -->\n';
    const configs = {
      defaults: 'timing:\n  minSeconds: 1\n',
      configured: 'timing:\n  minSeconds: 1\n  secondsPerStep: 30\n  secondsPerVisual: 50\n',
    };
    const results = await Promise.all(
      Object.entries(configs).map(([name, config]) => {
        mkdirSync(join(root, name, 'deck'), { recursive: true });
        writeFileSync(join(root, name, 'deck', 'talk.md'), talk);
        writeFileSync(join(root, name, 'deck', 'deck.config.yaml'), config);
        return runCli(['notes', join(root, name, 'deck'), '-o', join(root, name, 'out'), '-q']);
      }),
    );
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const planned = (name: string) =>
      [...readFileSync(join(root, name, 'out', 'notes.md'), 'utf8').matchAll(/(\d+):(\d\d) → (\d+):(\d\d)/g)].map(
        (m) => Number(m[3]) * 60 + Number(m[4]) - (Number(m[1]) * 60 + Number(m[2])),
      );
    // Slide 1: a table. Slide 2: a code block and two clicks. Default: 8 s a visual, 2 s a click.
    expect(planned('defaults')).toEqual([8, 8 + 2 * 2]);
    expect(planned('configured')).toEqual([50, 50 + 2 * 30]);
  });
});
