/** Which exports of the default deck the run shares (default-deck-pdf.setup.ts), and the files that hand them over. */
import type { ExportPdfOptions, ExportPdfResult } from '../../src/export/index.js';

/**
 * The shared exports by name: the slides and the notes handout in the light theme (tests/export/pdf), the slides
 * in the dark theme (tests/visual/pdf). Each is what `deck pdf slides --theme <name>` writes.
 */
export const DEFAULT_DECK_PDFS = {
  gpt: { flags: { theme: 'gpt' } },
  'gpt-dark': { handout: false, flags: { theme: 'gpt-dark' } },
} as const satisfies Record<string, Pick<ExportPdfOptions, 'handout' | 'flags'>>;

export type DefaultDeckPdfName = keyof typeof DEFAULT_DECK_PDFS;

/** Written by a test file into the folders' parent folder to start the exports. */
export const REQUEST_FILE = 'wanted';
/** Written beside the output folder when the export succeeded: a SharedPdfResult as JSON. */
export const RESULT_FILE = 'result.json';
/** Written instead when it failed: the error's stack. */
export const FAILED_FILE = 'failed.txt';

/** What of an ExportPdfResult crosses from the setup's process to a test file (the deck is built again there). */
export type SharedPdfResult = Pick<ExportPdfResult, 'index' | 'slides' | 'handout' | 'problems'>;
