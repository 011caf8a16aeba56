/** What `deck rehearse` does besides recording: find saved rehearsals, write the HTML report, apply the last one. */
import { loadDeck, type LoadDeckOptions } from '../content/deck.js';
import { readAppliedTimings } from '../content/timing.js';
import type { Deck } from '../content/types.js';
import { DeckError, ErrorCode } from '../core/errors.js';
import { writeFileAtomic } from '../core/fs.js';
import type { Logger } from '../core/log.js';
import { appliedFrom, applyConcerns, planChanges, writeApplied, type PlanChange } from './apply.js';
import type { Rehearsal } from './model.js';
import { reportHtml } from './report-html.js';
import { deckNameOf, listRehearsals, readRehearsal, recoverJournals, rehearsalsDirOf } from './store.js';

export interface SavedRehearsal {
  readonly path: string;
  readonly rehearsal: Rehearsal;
}

/** Every saved rehearsal of the deck, oldest first; a file that cannot be read is skipped with a warning. */
export async function loadHistory(deck: Deck, logger?: Logger): Promise<SavedRehearsal[]> {
  const dir = rehearsalsDirOf(deck.root);
  const history: SavedRehearsal[] = [];
  for (const path of await listRehearsals(dir, deckNameOf(deck.input))) {
    try {
      history.push({ path, rehearsal: await readRehearsal(path) });
    } catch (error) {
      if (!(error instanceof DeckError)) throw error;
      logger?.warn(`skipping ${path}: ${error.message}`);
    }
  }
  return history;
}

/** Save journals left by interrupted rehearsals, then return the last rehearsal (an error when there is none). */
export async function lastRehearsal(deck: Deck, logger?: Logger): Promise<SavedRehearsal & { history: SavedRehearsal[] }> {
  const dir = rehearsalsDirOf(deck.root);
  for (const item of await recoverJournals(dir, deckNameOf(deck.input))) {
    for (const warning of item.warnings) logger?.warn(warning);
    if (item.saved) logger?.info(`saved an interrupted rehearsal: ${item.saved}`);
  }
  const history = await loadHistory(deck, logger);
  const last = history.at(-1);
  if (!last) {
    throw new DeckError(ErrorCode.BadInput, 'this deck has no rehearsal yet', {
      file: dir,
      hint: `run \`deck rehearse ${deck.input}\` first`,
    });
  }
  return { ...last, history };
}

/** The HTML report beside the rehearsal's JSON (same name, .html), unless a target is given. */
export function reportPathFor(rehearsalPath: string): string {
  return rehearsalPath.replace(/\.json$/, '.html');
}

export async function writeReport(target: string, rehearsal: Rehearsal, history: readonly SavedRehearsal[]): Promise<string> {
  await writeFileAtomic(target, reportHtml(rehearsal, { history: history.map((item) => item.rehearsal) }));
  return target;
}

export interface ApplyResult {
  /** timings.json written, and the rehearsal it came from. */
  readonly path: string;
  readonly from: string;
  readonly before: Deck;
  readonly after: Deck;
  readonly changes: readonly PlanChange[];
}

/** Make the last rehearsal the plan: write timings.json beside the slides, and load the deck again to show the result. */
export async function applyLastRehearsal(
  input: string,
  options: LoadDeckOptions & { logger?: Logger; now?: Date; force?: boolean } = {},
): Promise<ApplyResult> {
  const before = await loadDeck(input, options);
  const last = await lastRehearsal(before, options.logger);
  const concerns = applyConcerns(last.rehearsal);
  if (concerns.length > 0 && !options.force) {
    throw new DeckError(ErrorCode.BadInput, `not applied: ${concerns.join('; ')}`, {
      file: last.path,
      hint: 'rehearse the whole talk again, or pass --force to make this rehearsal the plan anyway',
    });
  }
  for (const concern of concerns) options.logger?.warn(`applying anyway (--force): ${concern}`);
  const previous = await readAppliedTimings(before.timingsFile);
  await writeApplied(before.timingsFile, appliedFrom(last.rehearsal, last.path, options.now ?? new Date(), previous));
  const after = await loadDeck(input, options);
  return { path: before.timingsFile, from: last.path, before, after, changes: planChanges(before, after) };
}
