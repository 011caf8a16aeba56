/** Where a reveal.js page is (slide h and v, fragment step f with -1 for none), read or waited for by a test. */
import type { Frame, Page } from 'puppeteer-core';

export type Indices = { h: number; v: number; f: number };

type RevealWindow = { Reveal?: { getIndices(): { h?: number; v?: number; f?: number } } };

/** The slide and fragment step the page's reveal.js shows now. */
export const indicesOf = (page: Page): Promise<Indices> =>
  page.evaluate(() => {
    const i = (window as unknown as RevealWindow).Reveal!.getIndices();
    return { h: i.h ?? 0, v: i.v ?? 0, f: typeof i.f === 'number' ? i.f : -1 };
  });

/** How often the page checks, and for how many checks at most (30 s when each takes its 20 ms). */
const POLL_MS = 20;
const MAX_POLLS = 1_500;

/**
 * Resolves once the page's reveal.js shows exactly this slide and fragment step; rejects saying where it stayed.
 * The page waits on its own and answers once: one DevTools call, where puppeteer's waitForFunction spends about
 * 40 ms setting up and tearing down its poller on two busy cores (a walk through a deck waits hundreds of times).
 */
export async function waitForIndices(page: Page | Frame, want: Indices): Promise<void> {
  for (;;) {
    let seen: Indices;
    try {
      seen = await page.evaluate(
        (w, pollMs, maxPolls) =>
          new Promise<{ h: number; v: number; f: number }>((resolve) => {
            let left = maxPolls;
            const check = () => {
              // Before reveal.js has loaded, it shows nothing: no slide matches yet.
              const i = (window as unknown as RevealWindow).Reveal?.getIndices() ?? { h: Number.NaN };
              const at = { h: i.h ?? 0, v: i.v ?? 0, f: typeof i.f === 'number' ? i.f : -1 };
              if ((at.h === w.h && at.v === w.v && at.f === w.f) || --left <= 0) resolve(at);
              else setTimeout(check, pollMs);
            };
            check();
          }),
        want,
        POLL_MS,
        MAX_POLLS,
      );
    } catch (error) {
      // A reload while waiting: wait again in the new page, as waitForFunction would.
      if (error instanceof Error && /context was destroyed|Cannot find context/.test(error.message)) continue;
      throw error;
    }
    if (seen.h !== want.h || seen.v !== want.v || seen.f !== want.f)
      throw new Error(`reveal.js stayed at ${JSON.stringify(seen)}, not ${JSON.stringify(want)}`);
    return;
  }
}
