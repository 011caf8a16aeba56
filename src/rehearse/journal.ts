/**
 * The journal: one JSON line per event, appended and flushed as each arrives, so that a crash, a kill or a
 * closed tab loses nothing already recorded. The first line is the header; a last line cut short by a crash
 * is ignored on reading.
 */
import { open, readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { JournalFinish, JournalHeader, JournalLine, RecordedEvent } from './model.js';

export interface JournalWriter {
  readonly path: string;
  /** Append one line; resolves once it is written and flushed. Lines are written in call order. */
  append(line: JournalLine): Promise<void>;
  close(): Promise<void>;
}

function ioError(action: string, path: string, cause: unknown): DeckError {
  const code = (cause as NodeJS.ErrnoException)?.code;
  return new DeckError(ErrorCode.Io, `cannot ${action} ${path}${code ? ` (${code})` : ''}`, { file: path, cause });
}

/** Create a new journal (never over an existing file) and write its header. */
export async function createJournal(path: string, header: JournalHeader): Promise<JournalWriter> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    await mkdir(dirname(path), { recursive: true });
    handle = await open(path, 'wx');
  } catch (error) {
    throw ioError('create the rehearsal journal', path, error);
  }
  let tail: Promise<void> = Promise.resolve();
  const append = (line: JournalLine): Promise<void> => {
    const next = tail.then(async () => {
      try {
        await handle.write(`${JSON.stringify(line)}\n`);
        await handle.datasync();
      } catch (error) {
        throw ioError('append to', path, error);
      }
    });
    // The caller gets this write's failure; the chain only keeps the order.
    tail = next.catch(() => undefined);
    return next;
  };
  await append(header);
  return {
    path,
    append,
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

export function parseJournal(text: string, path: string): JournalContents {
  const lines = text.split('\n');
  let header: JournalHeader | undefined;
  const events: RecordedEvent[] = [];
  let finish: JournalFinish | undefined;
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let line: JournalLine;
    try {
      line = JSON.parse(raw) as JournalLine;
    } catch (error) {
      // Only the last line may be cut short (the process died while writing it).
      if (lines.slice(i + 1).every((rest) => !rest.trim())) return;
      throw new DeckError(ErrorCode.BadInput, `broken journal line: ${(error as Error).message}`, { file: path, line: i + 1 });
    }
    if (line.kind === 'header') header = line;
    else if (line.kind === 'event') {
      const { kind: _kind, ...event } = line;
      events.push(event);
    } else if (line.kind === 'finish') finish = line;
  });
  if (header?.version !== 1) {
    throw new DeckError(ErrorCode.BadInput, 'not a rehearsal journal (no header line)', { file: path, line: 1 });
  }
  return { header, events, finish };
}
