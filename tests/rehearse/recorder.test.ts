import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeckError } from '../../src/core/errors.js';
import { createJournal, readJournal } from '../../src/rehearse/journal.js';
import type { ClientEvent, JournalHeader, JournalLine } from '../../src/rehearse/model.js';
import { createRecorder } from '../../src/rehearse/recorder.js';
import { listRehearsals, readRehearsal, recoverJournals, JOURNAL_SUFFIX } from '../../src/rehearse/store.js';
import { summarize } from '../../src/rehearse/summarize.js';

const header: JournalHeader = {
  kind: 'header',
  version: 1,
  deck: 'talk',
  input: 'talk',
  startedAt: 1_000_000,
  pid: process.pid,
  plan: [
    { id: 'slide-1', title: 'One', index: 0, h: 0, v: 0, planned: 20, source: 'estimate' },
    { id: 'slide-2', title: 'Two', index: 1, h: 1, v: 0, planned: 30, source: 'attribute' },
    { id: 'slide-3', title: 'Three', index: 2, h: 2, v: 0, planned: 15, source: 'estimate' },
  ],
};

/** Page time starts at T0; the server's clock is 5 s ahead of the page's. */
const T0 = 1_700_000_000_000;
const OFFSET = 5_000;

function event(type: ClientEvent['type'], at: number, h: number, seq: number, f = -1, session = 'a'): ClientEvent {
  return { type, t: T0 + at, h, v: 0, f, id: `slide-${h + 1}`, session, seq };
}

function memoryJournal() {
  const lines: JournalLine[] = [];
  return { lines, write: async (more: readonly JournalLine[]) => void lines.push(...more) };
}

/** A server clock the test moves by hand. */
function manualClock(start: number) {
  let now = start;
  return { now: () => now, set: (t: number) => (now = t) };
}

describe('recording', () => {
  it('times each slide from its events, on the page clock', async () => {
    const journal = memoryJournal();
    const clock = manualClock(T0 + OFFSET);
    const recorder = createRecorder({ header, journal, clock: clock.now });
    const post = async (e: ClientEvent, delay = 3) => {
      clock.set(e.t + OFFSET + delay); // arrives a few ms after it happened
      return recorder.record([e]);
    };
    await post(event('ready', 0, 0, 0));
    await post(event('slide', 12_500, 1, 1), 40);
    await post(event('fragment', 14_000, 1, 2, 0));
    await post(event('fragment', 17_250, 1, 3, 1));
    await post(event('slide', 40_000, 2, 4));
    await post(event('slide', 45_000, 1, 5)); // back to slide 2 for 5 s
    await post(event('slide', 50_000, 2, 6));
    const rehearsal = await recorder.finish('button', T0 + 61_000);
    expect(rehearsal.slides.map((s) => [s.id, s.actual, s.visits])).toEqual([
      ['slide-1', 12.5, 1],
      ['slide-2', 27.5 + 5, 2],
      ['slide-3', 5 + 11, 2],
    ]);
    expect(rehearsal.slides[1]!.fragments).toEqual([1.5, 4.75]);
    expect(rehearsal.actual).toBe(61);
    expect(rehearsal.planned).toBe(65);
    expect(rehearsal.complete).toBe(true);
    expect(new Date(rehearsal.startedAt).getTime()).toBe(T0 + OFFSET + 3);
    expect(journal.lines.filter((l) => l.kind === 'event')).toHaveLength(7);
    expect(journal.lines.at(-1)).toMatchObject({ kind: 'finish', by: 'button', t: T0 + 61_000 });
  });

  it('ends a Ctrl+C rehearsal at the server time moved onto the page clock', async () => {
    const clock = manualClock(T0 + OFFSET + 2);
    const recorder = createRecorder({ header, journal: memoryJournal(), clock: clock.now });
    await recorder.record([event('ready', 0, 0, 0)]);
    clock.set(T0 + 9_000 + OFFSET + 50);
    await recorder.record([event('slide', 9_000, 1, 1)]);
    clock.set(T0 + 20_000 + OFFSET);
    const rehearsal = await recorder.finish('signal');
    expect(rehearsal.slides[0]!.actual).toBe(9);
    expect(rehearsal.slides[1]!.actual).toBe(11 - 0.002); // the clock offset comes from the fastest event (2 ms)
    expect(rehearsal.slides[2]!.visits).toBe(0);
  });

  it('leaves paused time out, ignores retried events, and stops at a closed page', async () => {
    const clock = manualClock(T0 + OFFSET);
    const recorder = createRecorder({ header, journal: memoryJournal(), clock: clock.now });
    const first = [event('ready', 0, 0, 0), event('paused', 4_000, 0, 1), event('resumed', 10_000, 0, 2)];
    expect(await recorder.record(first)).toEqual({ kind: 'recorded', count: 3 });
    expect(await recorder.record(first)).toEqual({ kind: 'recorded', count: 0 });
    await recorder.record([event('slide', 15_000, 1, 3), event('hidden', 18_000, 1, 4)]);
    clock.set(T0 + OFFSET + 600_000); // Ctrl+C ten minutes after the tab was closed
    const rehearsal = await recorder.finish('signal');
    expect(rehearsal.paused).toBe(6);
    expect(rehearsal.slides[0]!.actual).toBe(9);
    expect(rehearsal.slides[1]!.actual).toBe(3);
    expect(rehearsal.actual).toBe(12);
  });

  it('rejects malformed events, and ignores events after the finish', async () => {
    const recorder = createRecorder({ header, journal: memoryJournal(), clock: () => T0 });
    await expect(recorder.record([{ ...event('slide', 0, 0, 0), t: 'soon' }])).rejects.toBeInstanceOf(DeckError);
    await expect(recorder.record({})).rejects.toBeInstanceOf(DeckError);
    await recorder.record([event('ready', 0, 0, 0)]);
    await recorder.finish('button', T0 + 1000);
    expect(await recorder.record([event('slide', 500, 1, 1)])).toEqual({ kind: 'recorded', count: 0 });
    expect(recorder.events).toHaveLength(1);
  });

  it('counts a slide added while rehearsing', () => {
    const events = [
      { ...event('ready', 0, 0, 0), at: T0 },
      { ...event('slide', 3_000, 5, 1), at: T0 + 3_000 },
    ];
    const rehearsal = summarize(header, events, { by: 'button', t: T0 + 5_000, at: T0 + 5_000 });
    expect(rehearsal.slides.at(-1)).toMatchObject({ id: 'slide-6', planned: 0, actual: 2, source: 'none' });
  });
});

describe('the journal on disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'deck-journal-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has every event as soon as it is recorded, and survives a line cut short', async () => {
    const path = join(dir, `talk-20240601-101500${JOURNAL_SUFFIX}`);
    const journal = await createJournal(path, { ...header, pid: 999_999_999 });
    const recorder = createRecorder({ header, journal, clock: () => T0 + OFFSET });
    await recorder.record([event('ready', 0, 0, 0)]);
    await recorder.record([event('slide', 7_000, 1, 1)]);
    // Read while still open: both events are there already.
    expect((await readJournal(path)).events.map((e) => e.id)).toEqual(['slide-1', 'slide-2']);
    await recorder.record([event('hidden', 9_000, 1, 2)]);
    await journal.close();
    appendFileSync(path, '{"kind":"event","type":"sli'); // the process died mid-write
    const contents = await readJournal(path);
    expect(contents.events).toHaveLength(3);
    expect(contents.finish).toBeUndefined();

    // Recovery: saved as an incomplete rehearsal ending at the last event, the journal removed.
    const recovered = await recoverJournals(dir, 'talk');
    expect(recovered).toHaveLength(1);
    expect(recovered[0]!.saved).toBe(join(dir, 'talk-20240601-101500.json'));
    const saved = await readRehearsal(recovered[0]!.saved!);
    expect(saved.complete).toBe(false);
    expect(saved.endedBy).toBe('interrupted');
    expect(saved.slides.map((s) => s.actual)).toEqual([7, 2, 0]);
    expect(readdirSync(dir)).toEqual(['talk-20240601-101500.json']);
    expect(await listRehearsals(dir, 'talk')).toEqual([join(dir, 'talk-20240601-101500.json')]);
  });

  it('leaves the journal of a rehearsal still running alone', async () => {
    const path = join(dir, `talk-20240602-090000${JOURNAL_SUFFIX}`);
    const journal = await createJournal(path, header); // this process: alive
    await journal.append({ kind: 'event', ...event('ready', 0, 0, 0), at: T0 });
    await journal.close();
    expect(await recoverJournals(dir, 'talk')).toEqual([]);
    expect(readFileSync(path, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    rmSync(path);
  });

  it('sorts rehearsals by time and keeps other decks apart', async () => {
    for (const name of [
      'talk-20240601-101500-2.json',
      'talk-20240101-000000.json',
      'talk-old-20240101-000000.json',
      'talk-20240601-101500.json',
    ]) {
      writeFileSync(join(dir, name), '{}');
    }
    expect((await listRehearsals(dir, 'talk')).map((p) => p.slice(dir.length + 1))).toEqual([
      'talk-20240101-000000.json',
      'talk-20240601-101500.json',
      'talk-20240601-101500-2.json',
    ]);
    await expect(readRehearsal(join(dir, 'talk-20240101-000000.json'))).rejects.toBeInstanceOf(DeckError);
  });
});
