/**
 * Building a deck into a private temporary folder for an export that only needs to look at it (PPTX, PNG):
 * the user's output folder gets the export alone, and the folder is removed afterwards, also on failure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Deck } from '../content/types.js';
import type { BuildOptions } from '../render/index.js';

export interface TempBuild {
  deck: Deck;
  /** The built index.html, and the folder it is in. */
  index: string;
  dir: string;
  /** How the deck folder is shown in reports (relative to the working directory when inside it). */
  displayRoot: string;
}

export async function withTempBuild<T>(input: string, options: BuildOptions, fn: (build: TempBuild) => Promise<T>): Promise<T> {
  const { buildDeck, writeRendered } = await import('../render/index.js');
  const { deck, rendered } = await buildDeck(input, options);
  const dir = await mkdtemp(join(tmpdir(), 'deck-share-'));
  try {
    const index = await writeRendered(dir, rendered);
    const fromCwd = relative(process.cwd(), deck.root);
    const displayRoot = fromCwd.startsWith('..') ? deck.root : fromCwd || '.';
    return await fn({ deck, index, dir, displayRoot });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
