/**
 * Exporting several decks in one run (`deck pdf a/ b/ c/`): one browser for all of them, launched while the
 * first decks build, and at most `jobs` decks exported at once, each with its own config and output folder, in
 * one of `jobs` pages kept open from deck to deck. One deck's failure is recorded and the others go on.
 */
import type { Browser } from 'puppeteer-core';
import { closeBrowser, createPagePool, onStopSignal, openBrowser } from '../browser/index.js';
import { runPool } from '../core/pool.js';
import { exportPdf, type ExportPdfOptions, type ExportPdfResult } from './export.js';

export interface BatchDeck {
  /** The deck's folder or Markdown file. */
  input: string;
  /** Its output folder. */
  outDir: string;
}

export type BatchOutcome =
  | { readonly ok: true; readonly deck: BatchDeck; readonly ms: number; readonly result: ExportPdfResult }
  | { readonly ok: false; readonly deck: BatchDeck; readonly ms: number; readonly error: unknown };

/** `started`: a Chromium the caller started early (src/browser/start.ts), connected to instead of launching one. */
export interface ExportBatchOptions extends Omit<ExportPdfOptions, 'outDir' | 'browser' | 'pages' | 'onProgress'> {
  /** Decks exported at the same time (pages open in the one browser). */
  jobs: number;
  /** Called as each deck starts and finishes, in the order that happens. */
  onDeck?: (event: { type: 'start'; deck: BatchDeck } | ({ type: 'done' } & BatchOutcome)) => void;
}

/** Export every deck; resolves with one outcome per deck, in input order, whether each succeeded or failed. */
export async function exportBatch(decks: readonly BatchDeck[], options: ExportBatchOptions): Promise<BatchOutcome[]> {
  const { jobs, onDeck, started, ...common } = options;
  const timeoutMs = Math.max(30_000, options.flags?.pdf?.timeout ?? 0);
  // One DevTools command prints a whole deck: it may take as long as an export may.
  const protocolTimeoutMs = Math.max(180_000, options.flags?.pdf?.timeout ?? 0);
  // The running browser at `find.url`, the one started early, or one found and launched.
  const launching: Promise<Browser> = openBrowser({ started, find: options.find, timeoutMs, protocolTimeoutMs, logger: options.logger });
  // Each deck observes a failed launch itself (after its own build, whose error says more).
  launching.catch(() => undefined);
  // At most `jobs` pages, each printing one deck after another (a failed deck's page is replaced).
  const pages = createPagePool();
  const close = async () => {
    const browser = await launching.catch(() => undefined);
    if (browser) await closeBrowser(browser, { logger: options.logger });
  };
  const stopListening = onStopSignal(close, { logger: options.logger });
  try {
    return await runPool(decks, jobs, async (deck) => {
      onDeck?.({ type: 'start', deck });
      const started = performance.now();
      let outcome: BatchOutcome;
      try {
        const result = await exportPdf(deck.input, { ...common, outDir: deck.outDir, browser: launching, pages });
        outcome = { ok: true, deck, ms: Math.round(performance.now() - started), result };
      } catch (error) {
        outcome = { ok: false, deck, ms: Math.round(performance.now() - started), error };
      }
      onDeck?.({ type: 'done', ...outcome });
      return outcome;
    });
  } finally {
    stopListening();
    options.logger?.debug(`${pages.opened} page(s) printed ${decks.length} deck(s)`);
    await close();
  }
}
