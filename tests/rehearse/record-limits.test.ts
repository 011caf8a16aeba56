/** How much one rehearsal takes in: events per page load, page loads, events in all, and events per second. */
import { describe, expect, it } from 'vitest';
import type { ClientEvent, JournalHeader, JournalLine } from '../../src/rehearse/model.js';
import { createRecorder, type RecordLimits } from '../../src/rehearse/recorder.js';

const header: JournalHeader = { kind: 'header', version: 1, deck: 'talk', input: 'talk', startedAt: 0, pid: 1, plan: [] };
const T0 = 1_700_000_000_000;

function setup(limits: Partial<RecordLimits>) {
  let now = T0;
  const lines: JournalLine[] = [];
  const recorder = createRecorder({ header, journal: { write: async (more) => void lines.push(...more) }, clock: () => now, limits });
  let seq = 0;
  const events = (count: number, session = 'a'): ClientEvent[] =>
    Array.from({ length: count }, () => ({ type: 'slide', t: T0 + seq, h: 0, v: 0, f: -1, id: 'slide-1', session, seq: seq++ }));
  return { recorder, lines, events, later: (ms: number) => (now += ms) };
}

describe('the recorder’s limits', () => {
  it('refuses events past the per-page cap, and writes none of a refused batch', async () => {
    const { recorder, lines, events } = setup({ maxEventsPerSession: 5 });
    expect(await recorder.record(events(4))).toEqual({ kind: 'recorded', count: 4 });
    expect(await recorder.record(events(2))).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/a page records at most 5/) });
    expect(lines).toHaveLength(4);
    expect(await recorder.record(events(2, 'b'))).toEqual({ kind: 'recorded', count: 2 });
  });

  it('refuses new page loads past the cap, and events past the rehearsal’s cap', async () => {
    const { recorder, events } = setup({ maxSessions: 2, maxEvents: 6 });
    await recorder.record(events(1, 'a'));
    await recorder.record(events(1, 'b'));
    expect(await recorder.record(events(1, 'c'))).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/at most 2 page loads/) });
    await recorder.record(events(4, 'a'));
    expect(await recorder.record(events(1, 'b'))).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/at most 6 events/) });
    expect(recorder.events).toHaveLength(6);
  });

  it('takes a burst at once, then so many a second, and says when to come back', async () => {
    const { recorder, events, later } = setup({ burst: 10, perSecond: 5 });
    expect(await recorder.record(events(10))).toEqual({ kind: 'recorded', count: 10 });
    expect(await recorder.record(events(5))).toEqual({ kind: 'refused', reason: 'too many events at once', retryAfterSeconds: 1 });
    later(1_000);
    expect(await recorder.record(events(5))).toEqual({ kind: 'recorded', count: 5 });
  });
});
