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
