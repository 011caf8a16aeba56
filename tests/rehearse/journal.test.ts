/**
 * The journal file itself: created whole and never over another, appended in call order, closed with nothing
 * left open, and read back line by line (what is skipped, with which line number and why; what is an error).
 * Crash and chaos cases through the store are in journal-faults.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeckError, ErrorCode } from '../../src/core/errors.js';
import { createJournal, parseJournal, readJournal } from '../../src/rehearse/journal.js';
import type { JournalHeader, JournalLine } from '../../src/rehearse/model.js';

// A file system without hard links (some network and FAT mounts): link() fails with EPERM when a test says so.
const fsControl = vi.hoisted(() => ({ linkFails: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    link: (existing: string, target: string) =>
      fsControl.linkFails
        ? Promise.reject(Object.assign(new Error(`EPERM: operation not permitted, link '${existing}'`), { code: 'EPERM' }))
        : real.link(existing, target),
  };
});

const T0 = 1_700_000_000_000;
const header: JournalHeader = {
  kind: 'header',
  version: 1,
  deck: 'talk',
  input: 'talk',
  startedAt: T0,
  pid: 4242,
  plan: [{ id: 'slide-1', title: 'One', index: 0, h: 0, v: 0, planned: 20, source: 'estimate' }],
};
const event = (seq: number, at = 1_000 * seq) =>
  ({ kind: 'event', type: 'slide', t: T0 + at, h: seq, v: 0, f: -1, id: `slide-${seq + 1}`, session: 's', seq, at: T0 + at + 5 }) as const;
const finish = { kind: 'finish', by: 'button', t: T0 + 9_000, at: T0 + 9_005 } as const;
const json = (line: unknown) => JSON.stringify(line);

const root = mkdtempSync(join(tmpdir(), 'deck-journal-'));
let dir: string;
let n = 0;
beforeEach(() => {
  fsControl.linkFails = false;
  dir = join(root, `case-${++n}`);
  mkdirSync(dir);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** This process's open files inside `folder` (Linux: /proc/self/fd). */
function openFilesIn(folder: string): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(`${folder}/`));
}

async function rejection(promise: Promise<unknown>): Promise<DeckError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DeckError);
  return error as DeckError;
}

describe('createJournal', () => {
  it('writes the header line, then each write as whole lines in call order, and leaves no file open', async () => {
    const path = join(dir, 'nested', 'talk.journal.jsonl');
    const journal = await createJournal(path, header);
    expect(journal.path).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe(`${json(header)}\n`);
    // Not awaited one by one: the order is the calls' order, and close waits for all of them.
    const writes = [journal.write([event(0), event(1)]), journal.append(event(2)), journal.write([finish])];
    await journal.close();
    await Promise.all(writes);
    expect(readFileSync(path, 'utf8')).toBe([header, event(0), event(1), event(2), finish].map((line) => `${json(line)}\n`).join(''));
    expect(openFilesIn(dir)).toEqual([]);
    // Only the journal: the temporary file it was written through is gone.
    expect(readdirSync(join(dir, 'nested'))).toEqual(['talk.journal.jsonl']);
  });

  it('never writes over an existing file: an Io error naming it, the file untouched, no temporary file left', async () => {
    const path = join(dir, 'talk.journal.jsonl');
    writeFileSync(path, 'the previous rehearsal\n');
    const error = await rejection(createJournal(path, header));
    expect(error.code).toBe(ErrorCode.Io);
    expect(error.file).toBe(path);
    expect(error.message).toBe(`cannot create the rehearsal journal ${path} (EEXIST)`);
    expect(readFileSync(path, 'utf8')).toBe('the previous rehearsal\n');
    expect(readdirSync(dir)).toEqual(['talk.journal.jsonl']);
    expect(openFilesIn(dir)).toEqual([]);
  });

  it('says why it cannot create the folder (a file where the folder should be)', async () => {
    writeFileSync(join(dir, 'rehearsals'), 'not a folder');
    const path = join(dir, 'rehearsals', 'talk.journal.jsonl');
    const error = await rejection(createJournal(path, header));
    expect(error.code).toBe(ErrorCode.Io);
    expect(error.file).toBe(path);
    expect(error.message).toMatch(/^cannot create the rehearsal journal .*talk\.journal\.jsonl \((ENOTDIR|EEXIST)\)$/);
  });

  describe('on a file system without hard links', () => {
    it('creates the journal by renaming, with nothing left beside it', async () => {
      fsControl.linkFails = true;
      const path = join(dir, 'talk.journal.jsonl');
      const journal = await createJournal(path, header);
      await journal.append(event(0));
      await journal.close();
      expect(readFileSync(path, 'utf8')).toBe(`${json(header)}\n${json(event(0))}\n`);
      expect(readdirSync(dir)).toEqual(['talk.journal.jsonl']);
    });

    it('still never replaces an existing file', async () => {
      fsControl.linkFails = true;
      const path = join(dir, 'talk.journal.jsonl');
      writeFileSync(path, 'the previous rehearsal\n');
      const error = await rejection(createJournal(path, header));
      expect(error.message).toBe(`cannot create the rehearsal journal ${path} (EEXIST)`);
      expect(readFileSync(path, 'utf8')).toBe('the previous rehearsal\n');
      expect(readdirSync(dir)).toEqual(['talk.journal.jsonl']);
    });
  });

  it('a write after close fails with an Io error naming the journal, and does not block the next one', async () => {
    const path = join(dir, 'talk.journal.jsonl');
    const journal = await createJournal(path, header);
    await journal.close();
    const first = await rejection(journal.append(event(0)));
    expect(first.code).toBe(ErrorCode.Io);
    expect(first.file).toBe(path);
    expect(first.message).toMatch(new RegExp(`^cannot append to ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(E[A-Z]+\\)$`));
    const second = await rejection(journal.write([event(1)]));
    expect(second.message).toBe(first.message);
    expect(readFileSync(path, 'utf8')).toBe(`${json(header)}\n`);
  });
});

describe('readJournal', () => {
  it('reads back what was written', async () => {
    const path = join(dir, 'talk.journal.jsonl');
    const journal = await createJournal(path, header);
    await journal.write([event(0), event(1), finish]);
    await journal.close();
    const { kind: _k0, ...first } = event(0);
    const { kind: _k1, ...second } = event(1);
    expect(await readJournal(path)).toEqual({ header, events: [first, second], finish, skipped: [] });
  });

  it('a missing file is an Io error naming it', async () => {
    const path = join(dir, 'gone.journal.jsonl');
    const error = await rejection(readJournal(path));
    expect(error.code).toBe(ErrorCode.Io);
    expect(error.file).toBe(path);
    expect(error.message).toBe(`cannot read ${path} (ENOENT)`);
  });
});

describe('parseJournal', () => {
  const PATH = '/decks/talk/rehearsals/talk.journal.jsonl';
  const parse = (...lines: string[]) => parseJournal(lines.join('\n'), PATH);
  const badHeader = (text: string) => {
    try {
      parseJournal(text, PATH);
    } catch (error) {
      expect(error).toBeInstanceOf(DeckError);
      const { code, file, line, message } = error as DeckError;
      return { code, file, line, message };
    }
    throw new Error('no error');
  };
  const withoutKind = ({ kind: _kind, ...rest }: JournalLine) => rest;

  it('skips blank and whitespace-only lines anywhere, counting them in the line numbers', () => {
    const contents = parse(json(header), '', '   ', json(event(0)), '\t', 'oops', json(event(1)), '', '  ', '');
    expect(contents.header).toEqual(header);
    expect(contents.events).toEqual([withoutKind(event(0)), withoutKind(event(1))]);
    expect(contents.skipped).toEqual([{ line: 6, reason: expect.stringMatching(/^not JSON \(.+\)$/) }]);
    expect(contents.finish).toBeUndefined();
  });

  it('drops a last line cut short by a crash silently, even with blank lines after it', () => {
    const cut = json(event(2)).slice(0, 20);
    expect(parse(json(header), json(event(0)), cut).skipped).toEqual([]);
    const contents = parse(json(header), json(event(0)), cut, '', '  ', '');
    expect(contents.skipped).toEqual([]);
    expect(contents.events).toEqual([withoutKind(event(0))]);
  });

  it('warns about a line that is not JSON anywhere but last, with its 1-based line number', () => {
    const contents = parse(json(header), json(event(0)), '{"kind":"ev', json(event(1)));
    expect(contents.skipped).toEqual([{ line: 3, reason: expect.stringMatching(/^not JSON \(.+\)$/) }]);
    expect(contents.events).toHaveLength(2);
  });

  it('skips a second header (valid or not) and a line that breaks the schema, saying where and what', () => {
    const contents = parse(
      json(header),
      json(event(0)),
      json({ ...header, deck: 'other' }),
      json({ ...event(1), t: 'soon' }),
      json({ ...event(2), kind: undefined }),
      json({ kind: 'header', version: 2 }),
      json(event(3)),
    );
    expect(contents.header.deck).toBe('talk');
    expect(contents.skipped).toEqual([
      { line: 3, reason: 'a second header' },
      { line: 4, reason: expect.stringMatching(/^t: /) },
      { line: 5, reason: expect.stringMatching(/^kind: /) },
      { line: 6, reason: 'a second header' },
    ]);
    expect(contents.events.map((e) => e.seq)).toEqual([0, 3]);
  });

  it('reads the finish line, and skips a bad one', () => {
    expect(parse(json(header), json(event(0)), json(finish)).finish).toEqual(finish);
    const bad = parse(json(header), json(event(0)), json({ ...finish, by: 'magic' }));
    expect(bad.finish).toBeUndefined();
    expect(bad.skipped).toEqual([{ line: 3, reason: expect.stringMatching(/^by: /) }]);
    expect(bad.events).toHaveLength(1);
  });

  it('line 1 is always read as the header: a journal starting with an event is not a journal', () => {
    expect(badHeader([json(event(0)), json(header)].join('\n'))).toEqual({
      code: ErrorCode.BadInput,
      file: PATH,
      line: 1,
      message: expect.stringMatching(/^not a rehearsal journal: kind: /),
    });
  });

  it('a file without a valid header is a BadInput error at line 1, saying why', () => {
    const error = (why: string) => ({ code: ErrorCode.BadInput, file: PATH, line: 1, message: `not a rehearsal journal: ${why}` });
    expect(badHeader('')).toEqual(error('it is empty'));
    expect(badHeader('\n  \n\n')).toEqual(error('it is empty'));
    // One line, cut short: the header itself was never written whole.
    expect(badHeader(json(header).slice(0, 30))).toEqual(error('its first line is not JSON'));
    expect(badHeader(`garbage\n${json(event(0))}`)).toEqual(error('its first line is not JSON'));
    expect(badHeader(json({ ...header, version: 2 }))).toEqual({
      ...error(''),
      message: expect.stringMatching(/^not a rehearsal journal: version: \S/),
    });
    expect(badHeader(json({ ...header, plan: [{ id: 'x' }] }))).toEqual({
      ...error(''),
      message: expect.stringMatching(/^not a rehearsal journal: plan\.0\.title: \S/),
    });
    // Not an object at all: no field to name, so the line.
    expect(badHeader('null')).toEqual({ ...error(''), message: expect.stringMatching(/^not a rehearsal journal: line: \S/) });
  });
});
