/**
 * Where rehearsals live: `<deck folder>/rehearsals/<deck>-<YYYYMMDD-HHMMSS>.json` (for a one-file deck, the
 * folder the file is in), with the journal of a rehearsal in progress beside it as `….journal.ndjson`.
 * The deck reader skips `rehearsals/` folders, and this repository git-ignores them.
 */
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { DeckError, ErrorCode } from '../core/errors.js';
import { writeFileAtomic } from '../core/fs.js';
import { isRunning, type ProcessIdentity } from '../core/process-identity.js';
import { rehearsalSchema, type Rehearsal } from './model.js';
import { readJournal, type JournalContents } from './journal.js';
import { summarize } from './summarize.js';

export const JOURNAL_SUFFIX = '.journal.ndjson';

/** The deck's name for file names: its folder's name, or the file's name without .md. */
export function deckNameOf(input: string): string {
  return basename(resolve(input)).replace(/\.(md|markdown)$/i, '') || 'deck';
}

export function rehearsalsDirOf(root: string): string {
  return join(root, 'rehearsals');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local time as 20240601-101500. */
export function timestampOf(date: Date): string {
  return (
    `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function namePattern(deck: string, suffix: string): RegExp {
  return new RegExp(`^${escapeRegExp(deck)}-(\\d{8}-\\d{6}(?:-\\d+)?)${escapeRegExp(suffix)}$`);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

/** A fresh base path (without extension) for a rehearsal starting now: no rehearsal or journal has it yet. */
export async function newRehearsalBase(dir: string, deck: string, now: Date): Promise<string> {
  const stamp = timestampOf(now);
  for (let n = 1; ; n++) {
    const base = join(dir, `${deck}-${stamp}${n === 1 ? '' : `-${n}`}`);
    if (!(await exists(`${base}.json`)) && !(await exists(`${base}${JOURNAL_SUFFIX}`))) return base;
  }
}

async function listMatching(dir: string, pattern: RegExp): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new DeckError(ErrorCode.Io, `cannot read ${dir}`, { file: dir, cause: error });
  }
  // The timestamp sorts as text; a "-2" suffix (two starts in one second) after the plain name.
  const key = (name: string) => {
    const match = /^(\d{8}-\d{6})(?:-(\d+))?$/.exec(pattern.exec(name)![1]!)!;
    return { stamp: match[1]!, n: Number(match[2] ?? 1) };
  };
  return names
    .filter((name) => pattern.test(name))
    .sort((a, b) => key(a).stamp.localeCompare(key(b).stamp) || key(a).n - key(b).n)
    .map((name) => join(dir, name));
}

/** Saved rehearsals of a deck, oldest first. */
export function listRehearsals(dir: string, deck: string): Promise<string[]> {
  return listMatching(dir, namePattern(deck, '.json'));
}

export function listJournals(dir: string, deck: string): Promise<string[]> {
  return listMatching(dir, namePattern(deck, JOURNAL_SUFFIX));
}

export async function saveRehearsal(path: string, rehearsal: Rehearsal): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(rehearsal, null, 2)}\n`);
}

export async function readRehearsal(path: string): Promise<Rehearsal> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new DeckError(ErrorCode.BadInput, `cannot read the rehearsal: ${(error as Error).message}`, { file: path, cause: error });
  }
  const parsed = rehearsalSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DeckError(ErrorCode.BadInput, `not a rehearsal file: "${issue.path.join('.')}": ${issue.message}`, { file: path });
  }
  return parsed.data as Rehearsal;
}

export interface Recovered {
  readonly journal: string;
  /** The rehearsal saved from it; undefined when the journal held no event (it is just removed). */
  readonly saved?: string;
  readonly rehearsal?: Rehearsal;
  /** Where an unreadable journal was set aside (`….corrupt`); nothing was saved from it. */
  readonly setAside?: string;
  /** What was wrong, for a warning: the lines skipped, or why the journal was set aside. */
  readonly warnings: readonly string[];
}

export interface RecoverOptions {
  /** Whether the process that wrote a journal still runs (default: pid and start time, src/core/process-identity.ts). */
  readonly isRunning?: (identity: ProcessIdentity) => boolean;
}

/** A name beside `path` ending in `.corrupt` that is not taken yet. */
async function asideName(path: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = `${path}${n === 1 ? '' : `.${n}`}.corrupt`;
    if (!(await exists(candidate))) return candidate;
  }
}

/** Move an unreadable journal out of the way, so that it never blocks a later run; the file is kept for a look. */
async function setAside(journal: string, error: DeckError): Promise<Recovered> {
  const why = error.format();
  try {
    const target = await asideName(journal);
    await rename(journal, target);
    return { journal, setAside: target, warnings: [`${why}; set aside as ${basename(target)}`] };
  } catch (cause) {
    return { journal, warnings: [`${why}; and it could not be set aside: ${(cause as Error).message}`] };
  }
}

/**
 * Turn journals left by rehearsals that did not finish (a crash, a kill) into saved rehearsals, marked
 * incomplete and ending at their last recorded event. A journal whose recording process still runs is left
 * alone; bad lines are skipped and an unreadable journal is set aside, each with a warning in the result.
 */
export async function recoverJournals(dir: string, deck: string, options: RecoverOptions = {}): Promise<Recovered[]> {
  const running = options.isRunning ?? ((identity: ProcessIdentity) => isRunning(identity));
  const recovered: Recovered[] = [];
  for (const journal of await listJournals(dir, deck)) {
    let contents: JournalContents;
    try {
      contents = await readJournal(journal);
    } catch (error) {
      if (!(error instanceof DeckError)) throw error;
      if ((error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') continue; // recovered meanwhile by another run
      recovered.push(await setAside(journal, error));
      continue;
    }
    const { header } = contents;
    if (!contents.finish && running({ pid: header.pid, start: header.pidStart })) continue;
    const warnings = contents.skipped.map((skip) => `${journal}:${skip.line}: skipped a bad journal line (${skip.reason})`);
    const target = `${journal.slice(0, -JOURNAL_SUFFIX.length)}.json`;
    if (contents.events.length === 0) {
      await rm(journal, { force: true });
      recovered.push({ journal, warnings });
      continue;
    }
    const end = contents.finish ?? { by: 'interrupted' as const, at: contents.events.at(-1)!.at };
    const rehearsal = summarize(header, contents.events, end);
    if (!(await exists(target))) await saveRehearsal(target, rehearsal);
    await rm(journal, { force: true });
    recovered.push({ journal, saved: target, rehearsal, warnings });
  }
  return recovered;
}
