/**
 * A `highlightTheme` the author chose wins over the gpt themes' own code colours; the themes' palette applies
 * only when the deck names none. Measured as computed colours of code tokens in a real Chromium.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startChromium } from '../helpers/chromium.js';
import { buildDeck } from '../../src/render/build.js';
import { writeRendered } from '../../src/render/write.js';
import { THEMES } from './deck-page.js';

interface CodeColours {
  background: string;
  plain: string;
  keyword: string;
  string: string;
}

/** github.css (highlight.js 11): `.hljs` #24292e on #fff, keywords #d73a49, strings #032f62. */
const GITHUB: CodeColours = {
  background: 'rgb(255, 255, 255)',
  plain: 'rgb(36, 41, 46)',
  keyword: 'rgb(215, 58, 73)',
  string: 'rgb(3, 47, 98)',
};

/** The themes' own palette (themes/gpt.css, themes/gpt-dark.css: --deck-code-*). */
const OWN: Record<(typeof THEMES)[number], CodeColours> = {
  gpt: { background: 'rgb(243, 245, 247)', plain: 'rgb(22, 32, 42)', keyword: 'rgb(138, 31, 107)', string: 'rgb(11, 110, 79)' },
  'gpt-dark': { background: 'rgb(24, 34, 46)', plain: 'rgb(238, 242, 246)', keyword: 'rgb(240, 163, 217)', string: 'rgb(127, 224, 180)' },
};

const CODE = ['```js', "const greeting = 'hello';", 'function hi() { return greeting; }', '```'].join('\n');

let browser: Browser;

beforeAll(async () => {
  browser = await startChromium();
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
});

/** Build a one-slide deck (front matter as given) with a theme, open it, and read the colours of its code. */
async function codeColours(theme: string, frontMatter: string): Promise<CodeColours> {
  const dir = mkdtempSync(join(tmpdir(), 'deck-highlight-'));
  writeFileSync(join(dir, 'slides.md'), `---\ntitle: Code\n${frontMatter}---\n\n# Code\n\n${CODE}\n`);
  const { rendered } = await buildDeck(dir, { flags: { theme } });
  const index = await writeRendered(join(dir, 'dist'), rendered);
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(index).href, { waitUntil: 'load' });
    await page.waitForSelector('pre code.hljs .hljs-keyword');
    return await page.evaluate(() => {
      const code = document.querySelector('pre code.hljs')!;
      const colour = (selector: string) => getComputedStyle(code.querySelector(selector)!).color;
      return {
        background: getComputedStyle(code).backgroundColor,
        plain: getComputedStyle(code).color,
        keyword: colour('.hljs-keyword'),
        string: colour('.hljs-string'),
      };
    });
  } finally {
    await page.close();
  }
}

// Each test builds and opens a deck of its own: the four run at once.
describe.concurrent.each(THEMES)('code in %s', (theme) => {
  it('takes the highlight.js style the deck names (github)', async () => {
    expect(await codeColours(theme, 'highlightTheme: github\n')).toEqual(GITHUB);
  });

  it("keeps the theme's own palette when the deck names no highlightTheme", async () => {
    expect(await codeColours(theme, '')).toEqual(OWN[theme]);
  });
});

// As hkirk/swtafp-slides's monads.md: ```fsharp [1-3|1,4-5] under a `####` heading. reveal.js's highlight plugin
// stacks a copy of the code for each step over the first (position: absolute), so the <pre> must hold them.
describe.concurrent.each(THEMES)('code with line-highlight steps in %s', (theme) => {
  it('keeps every step inside its <pre>, under the heading, in the final state as on the first step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-highlight-steps-'));
    writeFileSync(
      join(dir, 'slides.md'),
      '#### Functor laws\n\n```fsharp [1-2|1,3]\nlet times2 b = 2 * b\n[1;2] |> List.map times2\n// val it\n```\n',
    );
    const { rendered } = await buildDeck(dir, { flags: { theme } });
    const index = await writeRendered(join(dir, 'dist'), rendered);
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(pathToFileURL(index).href, { waitUntil: 'load' });
      await page.waitForSelector('pre code.hljs.fragment');
      await page.evaluate(() => (window as unknown as { Reveal: { slide(h: number, v: number, f: number): void } }).Reveal.slide(0, 0, 1));
      const boxes = await page.evaluate(() => {
        const rect = (element: Element) => element.getBoundingClientRect().toJSON() as DOMRect;
        const heading = document.querySelector('h4')!;
        const centre = rect(heading);
        return {
          pre: rect(document.querySelector('pre')!),
          codes: Array.from(document.querySelectorAll('pre code.hljs'), rect),
          headingOnTop: document.elementFromPoint(centre.x + centre.width / 2, centre.y + centre.height / 2) === heading,
        };
      });
      expect(boxes.headingOnTop).toBe(true);
      expect(boxes.codes).toHaveLength(2);
      for (const code of boxes.codes) {
        expect(code.top).toBeGreaterThanOrEqual(boxes.pre.top - 0.5);
        expect(code.bottom).toBeLessThanOrEqual(boxes.pre.bottom + 0.5);
      }
    } finally {
      await page.close();
    }
  });
});
