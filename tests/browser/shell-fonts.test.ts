import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/launch.js';
import { cjkFontFamilies, isHeadlessShell, matchFullChromiumFonts, type MatchFamily } from '../../src/browser/shell-fonts.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const FULL = '/usr/bin/chromium';
const SHELL = '/usr/lib/chromium/chromium-headless-shell';

const LANGS = ['', 'en', 'zh-Hant', 'zh-TW', 'zh-HK', 'zh-Hans', 'zh-CN', 'zh', 'ja', 'ko', 'ar', 'he', 'th', 'ru', 'hi'];
const FAMILIES = ['sans-serif', 'serif', 'monospace', 'Helvetica', 'system-ui', 'cursive', 'fantasy', 'initial'];
const WORDS = ['Hello', '從今年', 'ひらがな', '한국어', 'Привет', 'مرحبا', 'שלום', 'สวัสดี', 'नमस्ते'];

const work = useTempFolder('deck-shell-fonts-');

/** One paragraph per language and family, one span per word. */
function matrixPage(): string {
  const rows = LANGS.flatMap((lang) =>
    FAMILIES.map(
      (family) => `<p lang="${lang}" style="font-family: ${family}">${WORDS.map((word) => `<span>${word}</span>`).join(' ')}</p>`,
    ),
  );
  const folder = work.folder('page', {
    'fonts.html': `<!doctype html><html><head><meta charset="utf-8"></head><body>${rows.join('\n')}</body></html>`,
  });
  return pathToFileURL(join(folder, 'fonts.html')).href;
}

/** "lang family word: the fonts Chromium drew it with", for every span of the page. */
async function drawnFonts(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  const session = await page.createCDPSession();
  await session.send('DOM.enable');
  await session.send('CSS.enable');
  const { root } = await session.send('DOM.getDocument');
  const { nodeIds } = await session.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'span' });
  const drawn: string[] = [];
  for (const [i, nodeId] of nodeIds.entries()) {
    const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    const lang = LANGS[Math.floor(i / WORDS.length / FAMILIES.length)] || '-';
    const family = FAMILIES[Math.floor(i / WORDS.length) % FAMILIES.length];
    drawn.push(`${lang} ${family} ${WORDS[i % WORDS.length]}: ${fonts.map((font) => font.familyName).join(' + ')}`);
  }
  await session.detach();
  return drawn;
}

let full: Browser;
let shell: Browser;
let url: string;

beforeAll(async () => {
  url = matrixPage();
  [full, shell] = await Promise.all([launchBrowser({ executablePath: FULL }), launchBrowser({ executablePath: SHELL })]);
});

afterAll(async () => {
  await Promise.all([full?.close(), shell?.close()]);
});

describe("the headless shell draws text in full Chromium's fonts", () => {
  it('on a new page and on the first tab, after navigating: every word of 15 languages in 8 families', async () => {
    const [reference, newPage, firstTab] = await Promise.all([
      full.newPage().then((page) => drawnFonts(page, url)),
      shell.newPage().then((page) => drawnFonts(page, url)),
      shell.pages().then(([page]) => drawnFonts(page!, url)),
    ]);
    expect(reference).toHaveLength(LANGS.length * FAMILIES.length * WORDS.length);
    // The case that differed: Traditional Chinese in a generic family.
    expect(reference).toContain('zh-Hant sans-serif Hello: Noto Sans CJK TC');
    expect(newPage).toEqual(reference);
    expect(firstTab).toEqual(reference);
  });

  it('tells the shell from full Chromium by its product, and leaves full Chromium as it is', async () => {
    expect(isHeadlessShell(await shell.version())).toBe(true);
    expect(isHeadlessShell(await full.version())).toBe(false);
    const newPage = full.newPage;
    expect(await matchFullChromiumFonts(full)).toBe('full-chromium');
    expect(full.newPage).toBe(newPage);
  });
});

describe('cjkFontFamilies', () => {
  const answers: Record<string, string> = {
    'sans-serif:lang=zh-tw': 'Sans TC',
    'serif:lang=zh-tw': 'Serif TC',
    'sans-serif:lang=ja': 'Sans JP',
    'serif:lang=ja': 'Serif JP',
    'monospace:lang=ja': 'Mono JP',
  };
  const asked: string[] = [];
  const match: MatchFamily = async (pattern) => {
    asked.push(pattern);
    return answers[pattern];
  };

  it("asks fontconfig for each script's sans-serif and serif (monospace for Japanese only), leaving out a script it cannot answer", async () => {
    expect(await cjkFontFamilies(match)).toEqual([
      {
        script: 'Hant',
        fontFamilies: { standard: 'Sans TC', sansSerif: 'Sans TC', serif: 'Serif TC', cursive: 'Sans TC', fantasy: 'Sans TC' },
      },
      {
        script: 'Jpan',
        fontFamilies: {
          standard: 'Sans JP',
          sansSerif: 'Sans JP',
          serif: 'Serif JP',
          cursive: 'Sans JP',
          fantasy: 'Sans JP',
          fixed: 'Mono JP',
        },
      },
    ]);
    expect(asked.filter((pattern) => pattern.startsWith('monospace'))).toEqual(['monospace:lang=ja']);
  });

  it('is empty without fontconfig, and then a shell is left with its own fonts', async () => {
    expect(await cjkFontFamilies(async () => undefined)).toEqual([]);
    const newPage = shell.newPage;
    expect(await matchFullChromiumFonts(shell, async () => undefined)).toBe('no-fontconfig');
    expect(shell.newPage).toBe(newPage);
  });
});
