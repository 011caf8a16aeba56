/**
 * Vitest global setup: the default deck's PDFs exported once per run, for the files that read them
 * (tests/export/pdf, tests/export/png, tests/visual/pdf): each exported the same 32 slides again. The exports start
 * when the first of those files asks for them (tests/helpers/default-deck-pdf.ts writes REQUEST_FILE; a run
 * without those files exports nothing) and run in this (main) process, beside the workers; a file waits for the
 * result file written here when an export is done.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { closeBrowser, findBrowser, launchBrowser, type Browser } from '../../src/browser/index.js';
import { exportPdf } from '../../src/export/index.js';
import { DEFAULT_DECK_PDFS, FAILED_FILE, REQUEST_FILE, RESULT_FILE, type SharedPdfResult } from './default-deck-pdf-spec.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Output folder of each shared export of the default deck, by name (DEFAULT_DECK_PDFS). */
    defaultDeckPdf: Record<string, string>;
  }
}

const SLIDES = join(import.meta.dirname, '..', '..', 'slides');

/** Each export in turn, its outcome written as RESULT_FILE or FAILED_FILE beside its output folder. */
async function exportAll(browser: Browser | Promise<Browser>, folders: Record<string, string>): Promise<void> {
  for (const [name, options] of Object.entries(DEFAULT_DECK_PDFS)) {
    const folder = folders[name]!;
    try {
      const result = await exportPdf(SLIDES, { outDir: join(folder, 'out'), browser, ...options });
      const shared: SharedPdfResult = { index: result.index, slides: result.slides, handout: result.handout, problems: result.problems };
      writeFileSync(join(folder, RESULT_FILE), JSON.stringify(shared));
    } catch (error) {
      writeFileSync(join(folder, FAILED_FILE), error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }
}

export default function setup(project: TestProject): () => Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'deck-default-pdf-'));
  const folders = Object.fromEntries(Object.keys(DEFAULT_DECK_PDFS).map((name) => [name, join(root, name)]));
  for (const folder of Object.values(folders)) mkdirSync(folder);
  let browser: Promise<Browser> | undefined;
  let exporting: Promise<void> | undefined;
  const startOnRequest = () => {
    if (exporting || !existsSync(join(root, REQUEST_FILE))) return;
    watcher.close();
    browser = findBrowser({}).then((found) => launchBrowser({ executablePath: found.path }));
    // A launch failure reaches every export (each writes it as its failure); nothing is left unhandled here.
    browser.catch(() => undefined);
    exporting = exportAll(browser, folders);
  };
  const watcher = watch(root, startOnRequest);
  project.provide('defaultDeckPdf', folders);
  // A run that ended before the exports did stops them: closing the browser fails them.
  return async () => {
    watcher.close();
    await browser?.then(closeBrowser, () => undefined);
    await exporting;
    rmSync(root, { recursive: true, force: true });
  };
}
