/**
 * Chromium's headless shell (`chromium-headless-shell`, Puppeteer's `headless: 'shell'`) prints the same pages as
 * full Chromium with about a third of its launch CPU and half of `page.pdf`'s (README "Speed"), but it has no
 * browser preferences, so the default fonts per script that full Chromium sets on Linux are missing: text set in
 * a generic family (`sans-serif`, `serif`, an installed-nowhere `Helvetica`) inside `lang="zh-Hant"` came out with
 * Latin in DejaVu Sans and Han in the Japanese Noto face, where Chromium draws all of it in Noto Sans CJK TC.
 *
 * This gives every page of a headless shell the families full Chromium uses for the CJK scripts: fontconfig's
 * answer for the generic family in that language (standard, sans-serif, cursive and fantasy take the sans-serif
 * one; monospace only for Japanese, as Chromium does). tests/browser/shell-fonts.test.ts checks, font by font,
 * that the shell then draws a page of eight families in fifteen languages as full Chromium does.
 */
import { execFile } from 'node:child_process';
import type { Browser, Page } from 'puppeteer-core';

/** Page.setFontFamilies' families of one script. */
export interface FontFamilies {
  standard?: string;
  sansSerif?: string;
  serif?: string;
  fixed?: string;
  cursive?: string;
  fantasy?: string;
}

export interface ScriptFontFamilies {
  /** ISO 15924, as Blink names the script of a language (`zh-TW` → Hant). */
  script: string;
  fontFamilies: FontFamilies;
}

/** The scripts full Chromium gives fonts of their own on Linux, with the fontconfig language to ask for them. */
const SCRIPTS: readonly { script: string; lang: string; fixed: boolean }[] = [
  { script: 'Hant', lang: 'zh-tw', fixed: false },
  { script: 'Hans', lang: 'zh-cn', fixed: false },
  { script: 'Jpan', lang: 'ja', fixed: true },
  { script: 'Kore', lang: 'ko', fixed: false },
];

/** The first family fontconfig matches for a pattern (`sans-serif:lang=ja`), or undefined without fontconfig. */
export type MatchFamily = (pattern: string) => Promise<string | undefined>;

/** `fc-match`, fontconfig's own tool (Chromium on Linux draws with fontconfig's fonts). */
export const fcMatch: MatchFamily = (pattern) =>
  new Promise((resolve) => {
    execFile('fc-match', ['--format=%{family[0]}', pattern], { timeout: 5_000 }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });

/** The families of each CJK script, as full Chromium sets them; empty when fontconfig does not answer. */
export async function cjkFontFamilies(match: MatchFamily = fcMatch): Promise<ScriptFontFamilies[]> {
  const scripts = await Promise.all(
    SCRIPTS.map(async ({ script, lang, fixed }) => {
      const [sans, serif, mono] = await Promise.all([
        match(`sans-serif:lang=${lang}`),
        match(`serif:lang=${lang}`),
        fixed ? match(`monospace:lang=${lang}`) : undefined,
      ]);
      if (!sans || !serif) return undefined;
      const fontFamilies: FontFamilies = { standard: sans, sansSerif: sans, serif, cursive: sans, fantasy: sans };
      if (mono) fontFamilies.fixed = mono;
      return { script, fontFamilies };
    }),
  );
  return scripts.filter((entry): entry is ScriptFontFamilies => entry !== undefined);
}

/** Whether `Browser.getVersion`'s product names the headless shell (full Chromium, headless or not, says `Chrome/`). */
export function isHeadlessShell(product: string): boolean {
  return product.startsWith('HeadlessChrome/');
}

/**
 * The families are DevTools overrides: they hold, across navigations and reloads, for as long as the session that
 * set them is attached, so the session stays with the page (it ends when the page closes).
 */
async function setFontFamilies(page: Page, forScripts: readonly ScriptFontFamilies[]): Promise<void> {
  const session = await page.createCDPSession();
  await session.send('Page.setFontFamilies', { fontFamilies: {}, forScripts: [...forScripts] });
}

/** What `matchFullChromiumFonts` found: full Chromium (nothing to do), a shell given its fonts, or a shell without fontconfig. */
export type ShellFonts = 'full-chromium' | 'matched' | 'no-fontconfig';

/** The warning for a headless shell whose fonts could not be matched. */
export const NO_FONTCONFIG_WARNING =
  "Chromium's headless shell without fontconfig's fc-match: text in a generic font family (sans-serif, serif) may be drawn in other fonts than Chromium draws it (install fontconfig, or pass --browser with a full Chromium)";

/**
 * When `browser` is a headless shell, give its open pages and every page it opens from now on (`newPage`) full
 * Chromium's fonts for the CJK scripts. For a shell where fontconfig does not answer, the shell's own defaults stay.
 */
export async function matchFullChromiumFonts(browser: Browser, match: MatchFamily = fcMatch): Promise<ShellFonts> {
  if (!isHeadlessShell(await browser.version())) return 'full-chromium';
  const forScripts = await cjkFontFamilies(match);
  if (forScripts.length === 0) return 'no-fontconfig';
  const open = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await open(options);
    await setFontFamilies(page, forScripts);
    return page;
  };
  await Promise.all((await browser.pages()).map((page) => setFontFamilies(page, forScripts)));
  return 'matched';
}
