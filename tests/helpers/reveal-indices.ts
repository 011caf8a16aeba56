/** Where a reveal.js page is (slide h and v, fragment step f with -1 for none), read or waited for by a test. */
import type { Page } from 'puppeteer-core';

export type Indices = { h: number; v: number; f: number };

type RevealWindow = { Reveal: { getIndices(): { h?: number; v?: number; f?: number } } };

/** The slide and fragment step the page's reveal.js shows now. */
export const indicesOf = (page: Page): Promise<Indices> =>
  page.evaluate(() => {
    const i = (window as unknown as RevealWindow).Reveal.getIndices();
    return { h: i.h ?? 0, v: i.v ?? 0, f: typeof i.f === 'number' ? i.f : -1 };
  });

/** Resolves once the page's reveal.js shows exactly this slide and fragment step. */
export const waitForIndices = (page: Page, want: Indices) =>
  page.waitForFunction(
    (w) => {
      const i = (window as unknown as RevealWindow).Reveal.getIndices();
      return (i.h ?? 0) === w.h && (i.v ?? 0) === w.v && (typeof i.f === 'number' ? i.f : -1) === w.f;
    },
    { polling: 20 },
    want,
  );
