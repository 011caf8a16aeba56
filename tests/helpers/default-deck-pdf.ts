/**
 * The default deck's PDFs for a test file: the ones the run's global setup exports (default-deck-pdf.setup.ts),
 * asked for and waited for; else (a run without that setup) exported here with the file's browser.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';
import type { Browser } from '../../src/browser/index.js';
import { exportPdf, type ExportPdfResult } from '../../src/export/index.js';
import { buildDeck } from '../../src/render/index.js';
import {
  DEFAULT_DECK_PDFS,
  type DefaultDeckPdfName,
  FAILED_FILE,
  REQUEST_FILE,
  RESULT_FILE,
  type SharedPdfResult,
} from './default-deck-pdf-spec.js';

const SLIDES = join(import.meta.dirname, '..', '..', 'slides');
/** How long a file waits for the shared export: a limit for a hung export on a loaded machine, not a speed check. */
const WAIT_LIMIT_MS = 600_000;
const POLL_MS = 100;

/** The shared export's result once its result file is there; its error if it failed. */
async function sharedResult(folder: string): Promise<SharedPdfResult> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    if (existsSync(join(folder, RESULT_FILE))) return JSON.parse(readFileSync(join(folder, RESULT_FILE), 'utf8')) as SharedPdfResult;
    if (existsSync(join(folder, FAILED_FILE))) {
      throw new Error(`the shared export of the default deck failed:\n${readFileSync(join(folder, FAILED_FILE), 'utf8')}`);
    }
    if (Date.now() > deadline) throw new Error(`the shared export of the default deck in ${folder} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The default deck exported as DEFAULT_DECK_PDFS[name] says: its PDFs and the deck they were made from. */
export async function defaultDeckPdf(name: DefaultDeckPdfName, browser: Browser): Promise<ExportPdfResult> {
  const options = DEFAULT_DECK_PDFS[name];
  const folder = inject('defaultDeckPdf')?.[name];
  if (!folder) return exportPdf(SLIDES, { outDir: mkdtempSync(join(tmpdir(), `deck-default-pdf-${name}-`)), browser, ...options });
  writeFileSync(join(dirname(folder), REQUEST_FILE), '');
  const [shared, { deck }] = await Promise.all([sharedResult(folder), buildDeck(SLIDES, { flags: options.flags })]);
  return { ...shared, deck, timings: {} };
}
