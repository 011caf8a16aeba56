/**
 * Every journal fault found by the chaos tests, replayed: each is recovered (skipped with a warning, or the
 * journal set aside) and never blocks the next `deck rehearse` or `--last`.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { currentProcess } from '../../src/core/process-identity.js';
import { createJournal, readJournal } from '../../src/rehearse/journal.js';
import type { JournalHeader, JournalLine } from '../../src/rehearse/model.js';
import { createRecorder } from '../../src/rehearse/recorder.js';
import { readRehearsal, recoverJournals, JOURNAL_SUFFIX } from '../../src/rehearse/store.js';

const ROOT = join(import.meta.dirname, '../..');
const T0 = 1_700_000_000_000;
const header: JournalHeader = {
  kind: 'header',
  version: 1,
  deck: 'talk',
  input: 'talk',
  startedAt: T0,
  pid: 999_999_999, // no such process: the journal is left over
  plan: [
    { id: 'slide-1', title: 'One', index: 0, h: 0, v: 0, planned: 20, source: 'estimate' },
    { id: 'slide-2', title: 'Two', index: 1, h: 1, v: 0, planned: 30, source: 'estimate' },
  ],
};
const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const event = (seq: number, h: number, at: number) => ({
  kind: 'event',
  type: seq === 0 ? 'ready' : 'slide',
  t: T0 + at,
  h,
  v: 0,
  f: -1,
  id: `slide-${h + 1}`,
  session: 'a',
  seq,
  at: T0 + at + 5,
});

const root = mkdtempSync(join(tmpdir(), 'deck-journal-faults-'));
let dir: string;
let n = 0;
beforeEach(() => {
  dir = join(root, `case-${++n}`, 'rehearsals');
  mkdirSync(dir, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const journalAt = (name = '20240601-101500') => join(dir, `talk-${name}${JOURNAL_SUFFIX}`);

describe('a damaged journal', () => {
  it('skips a garbage line in the middle with a warning, and saves the rest', async () => {
    const path = journalAt();
    const garbage = 'garbage\u0000{{{\n';
    writeFileSync(path, [line(header), line(event(0, 0, 0)), garbage, line(event(1, 1, 4_000)), line(event(2, 0, 9_000))].join(''));
    const [item] = await recoverJournals(dir, 'talk');
    expect(item!.warnings).toEqual([expect.stringMatching(/:3: skipped a bad journal line \(not JSON/)]);
    const saved = await readRehearsal(item!.saved!);
    expect(saved.slides.map((s) => s.actual)).toEqual([4 + 0, 5]);
    expect(saved.events).toHaveLength(3);
    expect(existsSync(path)).toBe(false);
  });

  it('skips events of the wrong types instead of crashing on them (no "Invalid time value")', async () => {
    const path = journalAt();
    writeFileSync(
      path,
      line(header) +
        line(event(0, 0, 0)) +
        line({ ...event(1, 1, 1_000), t: 'soon' }) +
        line({ ...event(2, 1, 1_000), t: 1e300 }) +
        line({ ...event(3, 1, 1_000), h: -1 }) +
        line({ kind: 'finish', by: 'button', at: 'later' }) +
        line(event(4, 1, 2_000)),
    );
    const [item] = await recoverJournals(dir, 'talk');
    expect(item!.warnings).toHaveLength(4);
    expect(item!.warnings.map((w) => Number(/:(\d+): skipped/.exec(w)![1]))).toEqual([3, 4, 5, 6]);
    const saved = await readRehearsal(item!.saved!);
    expect(saved.complete).toBe(false);
    expect(saved.slides.map((s) => s.actual)).toEqual([2, 0]);
  });

  it.each([
    ['empty', ''],
    ['a header cut short', line(header).slice(0, 40)],
    ['a header without a plan', line({ ...header, plan: undefined }) + line(event(0, 0, 0))],
    ['a header with a bad start time', line({ ...header, startedAt: 'x' })],
    ['not a journal at all', 'hello\n'],
  ])('sets the journal aside (renamed .corrupt) when it is %s, and goes on', async (_what, text) => {
    const bad = journalAt('20240601-101500');
    const good = journalAt('20240601-111500');
    writeFileSync(bad, text);
    writeFileSync(good, line(header) + line(event(0, 0, 0)) + line(event(1, 1, 3_000)));
    const recovered = await recoverJournals(dir, 'talk');
    expect(recovered).toHaveLength(2);
    expect(recovered[0]!.setAside).toBe(`${bad}.corrupt`);
    expect(recovered[0]!.warnings[0]).toMatch(/not a rehearsal journal.*set aside as/);
    expect(readFileSync(`${bad}.corrupt`, 'utf8')).toBe(text); // kept for a look, untouched
    expect(recovered[1]!.saved).toBeDefined();
    // The next run finds nothing left to trip on.
    expect(await recoverJournals(dir, 'talk')).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual([`talk-20240601-101500${JOURNAL_SUFFIX}.corrupt`, 'talk-20240601-111500.json']);
  });
});

describe('writing the journal', () => {
  it('leaves no file when the disk is full as the journal is created', async () => {
    const path = journalAt();
    // `ulimit -f 0`: every write fails with EFBIG, as on a full disk, once the file exists.
    const script =
      `import { createJournal } from ${JSON.stringify(join(ROOT, 'lib/rehearse/journal.js'))};` +
      `try { await createJournal(${JSON.stringify(path)}, ${JSON.stringify(header)}); console.log('created'); }` +
      `catch (error) { console.log(error.code, error.message); }`;
    const { stdout } = await promisify(execFile)('bash', ['-c', 'ulimit -f 0; exec node --input-type=module -e "$0"', script]);
    expect(stdout).toMatch(/^IO cannot create the rehearsal journal/);
    expect(readdirSync(dir)).toEqual([]);
    // …and the next rehearsal starts where this one could not.
    const journal = await createJournal(path, header);
    await journal.close();
    expect((await readJournal(path)).header.plan).toHaveLength(2);
  });

  it('never creates a journal over an existing file', async () => {
    const path = journalAt();
    writeFileSync(path, 'someone else’s');
    await expect(createJournal(path, header)).rejects.toMatchObject({ code: 'IO' });
    expect(readFileSync(path, 'utf8')).toBe('someone else’s');
  });

  it('acknowledges an event only once it is written: a retried batch whose write failed is journaled', async () => {
    const lines: JournalLine[] = [];
    let failNext = true;
    const journal = {
      write: async (more: readonly JournalLine[]) => {
        if (failNext) {
          failNext = false;
          throw new Error('ENOSPC');
        }
        lines.push(...more);
      },
    };
    const recorder = createRecorder({ header, journal, clock: () => T0 });
    const batch = [event(0, 0, 0), event(1, 1, 1_000)].map(({ kind: _kind, at: _at, ...e }) => e);
    await expect(recorder.record(batch)).rejects.toThrow('ENOSPC');
    expect(recorder.events).toHaveLength(0);
    expect(await recorder.record(batch)).toEqual({ kind: 'recorded', count: 2 });
    expect(lines.map((l) => (l.kind === 'event' ? l.seq : l.kind))).toEqual([0, 1]);
    expect(await recorder.record(batch)).toEqual({ kind: 'recorded', count: 0 }); // now a true duplicate
  });

  it('answers a retry that overlaps a write in progress only after that write, and fails it with it', async () => {
    let release: (error?: Error) => void = () => {};
    const journal = {
      write: () =>
        new Promise<void>((resolve, reject) => {
          release = (error) => (error ? reject(error) : resolve());
        }),
    };
    const recorder = createRecorder({ header, journal, clock: () => T0 });
    const batch = [event(0, 0, 0)].map(({ kind: _kind, at: _at, ...e }) => e);
    const first = recorder.record(batch);
    const retry = recorder.record(batch);
    release(new Error('EIO'));
    await expect(first).rejects.toThrow('EIO');
    await expect(retry).rejects.toThrow('EIO');
    expect(recorder.events).toHaveLength(0);
  });
});

describe('who wrote a journal', () => {
  it('recovers a journal whose pid now belongs to another live process, and leaves a running one alone', async () => {
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      const reused = journalAt('20240601-101500');
      // The pid is alive, but its process started at another time than the one that wrote the journal.
      writeFileSync(reused, line({ ...header, pid: other.pid, pidStart: 'boot:1' }) + line(event(0, 0, 0)) + line(event(1, 1, 2_000)));
      const running = journalAt('20240601-111500');
      const self = currentProcess();
      expect(self.start).toBeDefined(); // Linux: read from /proc
      writeFileSync(running, line({ ...header, pid: self.pid, pidStart: self.start }) + line(event(0, 0, 0)));
      const recovered = await recoverJournals(dir, 'talk');
      expect(recovered.map((r) => r.journal)).toEqual([reused]);
      expect(recovered[0]!.saved).toBeDefined();
      expect(existsSync(running)).toBe(true);
    } finally {
      other.kill();
    }
  });
});
