/**
 * The journal: one JSON line per event, appended and flushed as each batch arrives, so that a crash, a kill or a
 * closed tab loses nothing already recorded. The first line is the header, written whole or not at all. On
 * reading, every line is checked against the schema: a bad line is skipped with a warning (a last line cut
 * short by a crash silently), and only a file without a valid header is an error. Faults are replayed in
 * tests/rehearse/journal-faults.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DeckError, ErrorCode } from '../core/errors.js';
import {
  journalEventSchema,
  journalFinishSchema,
  journalHeaderSchema,
  type JournalFinish,
  type JournalHeader,
  type JournalLine,
  type RecordedEvent,
} from './model.js';

export interface JournalWriter {
  readonly path: string;
  /** Append lines in one write; resolves once they are written and flushed. Writes happen in call order. */
  write(lines: readonly JournalLine[]): Promise<void>;
  /** `write([line])`. */
  append(line: JournalLine): Promise<void>;
  close(): Promise<void>;
}

function ioError(action: string, path: string, cause: unknown): DeckError {
  const code = (cause as NodeJS.ErrnoException)?.code;
  return new DeckError(ErrorCode.Io, `cannot ${action} ${path}${code ? ` (${code})` : ''}`, { file: path, cause });
}

const lineOf = (line: JournalLine) => `${JSON.stringify(line)}\n`;

/**
 * Put `text` at `path` whole, never over an existing file: written and flushed beside it, then hard-linked into
 * place (which fails if the name is taken). A full disk leaves nothing at `path`.
 */
async function createWhole(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw error;
      // A file system without hard links: rename, after making sure the name is free.
      if (
        await stat(path).then(
          () => true,
          () => false,
        )
      ) {
        throw Object.assign(new Error(`${path} exists`), { code: 'EEXIST' });
      }
      await rename(temp, path);
    }
  } finally {
    await rm(temp, { force: true });
  }
}

/** Create a new journal (never over an existing file) with its header. */
export async function createJournal(path: string, header: JournalHeader): Promise<JournalWriter> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    await mkdir(dirname(path), { recursive: true });
    await createWhole(path, lineOf(header));
    handle = await open(path, 'a');
  } catch (error) {
    throw ioError('create the rehearsal journal', path, error);
  }
  let tail: Promise<void> = Promise.resolve();
  const write = (lines: readonly JournalLine[]): Promise<void> => {
    const next = tail.then(async () => {
      try {
        await handle.write(lines.map(lineOf).join(''));
        await handle.datasync();
      } catch (error) {
        throw ioError('append to', path, error);
      }
    });
    // The caller gets this write's failure; the chain only keeps the order.
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    path,
    write,
    append: (line) => write([line]),
    close: async () => {
      await tail;
      await handle.close();
    },
  };
}

export interface JournalContents {
  readonly header: JournalHeader;
  readonly events: RecordedEvent[];
  readonly finish?: JournalFinish;
  /** Lines skipped as unreadable, with why (the file's 1-based line numbers). */
  readonly skipped: readonly { readonly line: number; readonly reason: string }[];
}

/** Read a journal back. A journal without a valid header is a BadInput error naming it. */
export async function readJournal(path: string): Promise<JournalContents> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw ioError('read', path, error);
  }
  return parseJournal(text, path);
}

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0]!;
  return `${issue.path.map(String).join('.') || 'line'}: ${issue.message}`;
}

export function parseJournal(text: string, path: string): JournalContents {
  const lines = text.split('\n');
  const lastWithText = lines.findLastIndex((raw) => raw.trim() !== '');
  let header: JournalHeader | undefined;
  const events: RecordedEvent[] = [];
  let finish: JournalFinish | undefined;
  const skipped: { line: number; reason: string }[] = [];
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      // The last line cut short is what a crash while writing leaves: expected, not worth a warning.
      if (i === lastWithText && i > 0) return;
      if (i > 0) skipped.push({ line: i + 1, reason: `not JSON (${(error as Error).message})` });
      else throw badHeader(path, 'its first line is not JSON');
      return;
    }
    const kind = (json as { kind?: unknown } | null)?.kind;
    if (i === 0 || kind === 'header') {
      const parsed = journalHeaderSchema.safeParse(json);
      if (i === 0 && !parsed.success) throw badHeader(path, firstIssue(parsed.error));
      if (i > 0) skipped.push({ line: i + 1, reason: 'a second header' });
      else header = parsed.data as JournalHeader;
      return;
    }
    const parsed = kind === 'finish' ? journalFinishSchema.safeParse(json) : journalEventSchema.safeParse(json);
    if (!parsed.success) {
      skipped.push({ line: i + 1, reason: firstIssue(parsed.error) });
      return;
    }
    if (parsed.data.kind === 'finish') finish = parsed.data;
    else {
      const { kind: _kind, ...event } = parsed.data;
      events.push(event);
    }
  });
  if (!header) throw badHeader(path, 'it is empty');
  return { header, events, finish, skipped };
}

function badHeader(path: string, why: string): DeckError {
  return new DeckError(ErrorCode.BadInput, `not a rehearsal journal: ${why}`, { file: path, line: 1 });
}
