/**
 * From recorded events to the rehearsal's times, without a recorder: events in any order, the end of each kind
 * of rehearsal, pauses, fragments on the first visit, slides added while rehearsing, and a rehearsal with no
 * event at all. Recording through the recorder is in recorder.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { EventType, JournalHeader, RecordedEvent } from '../../src/rehearse/model.js';
import { endTime, sortEvents, summarize } from '../../src/rehearse/summarize.js';

const T0 = 1_700_000_000_000;
/** The server's clock is 5 s ahead of the page's; events take 40 ms or more to arrive. */
const OFFSET = 5_000;

const header: JournalHeader = {
  kind: 'header',
  version: 1,
  deck: 'talk',
  input: 'slides/talk',
  startedAt: T0 - 60_000,
  pid: 4242,
  plan: [
    { id: 'slide-1', title: 'One', index: 0, h: 0, v: 0, planned: 20, source: 'estimate' },
    { id: 'slide-2', title: 'Two', index: 1, h: 1, v: 0, planned: 30, source: 'attribute' },
  ],
};

let seq = 0;
/** An event `ms` after T0 on the page, on slide `h` (or a slide id of its own), received `delay` ms later. */
function event(
  type: EventType,
  ms: number,
  h: number,
  options: { f?: number; delay?: number; id?: string; v?: number } = {},
): RecordedEvent {
  return {
    type,
    t: T0 + ms,
    h,
    v: options.v ?? 0,
    f: options.f ?? -1,
    id: options.id ?? `slide-${h + 1}`,
    session: 'a',
    seq: seq++,
    at: T0 + ms + OFFSET + (options.delay ?? 40),
  };
}

const times = (rehearsal: ReturnType<typeof summarize>) => rehearsal.slides.map((s) => [s.id, s.actual, s.visits]);

describe('sortEvents', () => {
  it('orders by page time, then by arrival, then by sequence number, without changing its argument', () => {
    const a = { ...event('slide', 3_000, 1), at: T0 + 9_000, seq: 7 };
    const b = { ...event('slide', 1_000, 0), at: T0 + 9_500, seq: 9 };
    const c = { ...event('fragment', 1_000, 0, { f: 0 }), at: T0 + 9_200, seq: 8 };
    const d = { ...event('fragment', 1_000, 0, { f: 1 }), at: T0 + 9_200, seq: 3 };
    const given = [a, b, c, d];
    expect(sortEvents(given)).toEqual([d, c, b, a]);
    expect(given).toEqual([a, b, c, d]);
  });
});

describe('endTime', () => {
  const events = [event('ready', 0, 0, { delay: 100 }), event('slide', 4_000, 1, { delay: 20 })];

  it('is the page time of the Finish button when the page gave it', () => {
    expect(endTime(events, { by: 'button', t: T0 + 9_000, at: T0 + 99_000 })).toBe(T0 + 9_000);
  });

  it("Ctrl+C: the server's time moved onto the page clock by the fastest event's delay", () => {
    expect(endTime(events, { by: 'signal', at: T0 + OFFSET + 20 + 10_000 })).toBe(T0 + 10_000);
  });

  it('an interrupted rehearsal ends at its last event, however late it was found', () => {
    expect(endTime(events, { by: 'interrupted', at: T0 + 3_600_000 })).toBe(T0 + 4_000);
  });

  it('a page closed before a Ctrl+C: the talk stopped when the page went away', () => {
    const closed = [...events, event('hidden', 6_000, 1)];
    expect(endTime(closed, { by: 'signal', at: T0 + OFFSET + 60_000 })).toBe(T0 + 6_000);
  });

  it('never before the last event', () => {
    expect(endTime(events, { by: 'button', t: T0 + 1_000, at: T0 + 1_000 })).toBe(T0 + 4_000);
  });

  it('with no events: the page time given, or the server time', () => {
    expect(endTime([], { by: 'button', t: T0 + 5, at: T0 + 7 })).toBe(T0 + 5);
    expect(endTime([], { by: 'signal', at: T0 + 7 })).toBe(T0 + 7);
  });
});

describe('summarize', () => {
  it('events in any order give the same times, and the times of the rehearsal on the server clock', () => {
    const events = [event('ready', 0, 0, { delay: 30 }), event('slide', 8_000, 1), event('slide', 12_000, 0), event('slide', 15_000, 1)];
    // The finish reached the server 300 ms after it was pressed on the page.
    const end = { by: 'button', t: T0 + 20_000, at: T0 + 20_000 + OFFSET + 300 } as const;
    const inOrder = summarize(header, events, end);
    expect(summarize(header, [...events].reverse(), end)).toEqual(inOrder);
    expect(times(inOrder)).toEqual([
      ['slide-1', 11, 2],
      ['slide-2', 9, 2],
    ]);
    expect(inOrder).toMatchObject({
      deck: 'talk',
      input: 'slides/talk',
      complete: true,
      endedBy: 'button',
      planned: 50,
      actual: 20,
      paused: 0,
      startedAt: new Date(T0 + OFFSET + 30).toISOString(),
      finishedAt: new Date(T0 + 20_000 + OFFSET + 30).toISOString(),
    });
    expect(inOrder.events.map((e) => e.t - T0)).toEqual([0, 8_000, 12_000, 15_000]);
  });

  it('an interrupted rehearsal is not complete and ends at its last event', () => {
    const events = [event('ready', 0, 0), event('slide', 8_000, 1)];
    const rehearsal = summarize(header, events, { by: 'interrupted', at: T0 + 3_600_000 });
    expect(rehearsal).toMatchObject({ complete: false, endedBy: 'interrupted', actual: 8 });
    expect(times(rehearsal)).toEqual([
      ['slide-1', 8, 1],
      ['slide-2', 0, 1],
    ]);
  });

  it('time paused counts for no slide, also when the rehearsal ends paused; a second pause changes nothing', () => {
    const events = [
      event('ready', 0, 0),
      event('paused', 2_000, 0),
      event('paused', 3_000, 0),
      event('resumed', 5_000, 0),
      event('slide', 6_000, 1),
      event('paused', 7_000, 1),
    ];
    const rehearsal = summarize(header, events, { by: 'button', t: T0 + 10_000, at: T0 + 10_000 + OFFSET });
    expect(times(rehearsal)).toEqual([
      ['slide-1', 3, 1],
      ['slide-2', 1, 1],
    ]);
    expect(rehearsal).toMatchObject({ actual: 4, paused: 6 });
  });

  it("keeps each fragment's time from the first visit only, and none from arriving back on a later fragment", () => {
    const events = [
      event('ready', 0, 0),
      event('fragment', 2_000, 0, { f: 0 }),
      event('fragment', 3_500, 0, { f: 1 }),
      // Slide 2 first reached from the overview, its fragments already shown: no fragment time for it.
      event('slide', 5_000, 1, { f: 1 }),
      // Back from slide 2: slide 1 shows all its fragments, and the presenter steps back and forth through them.
      event('slide', 9_000, 0, { f: 2 }),
      event('fragment', 9_500, 0, { f: 1 }),
      event('fragment', 10_000, 0, { f: 2 }),
      event('slide', 11_000, 1, { f: 3 }),
    ];
    const rehearsal = summarize(header, events, { by: 'button', t: T0 + 12_000, at: T0 + 12_000 + OFFSET });
    expect(rehearsal.slides.map((s) => [s.id, s.fragments])).toEqual([
      ['slide-1', [2, 3.5]],
      ['slide-2', []],
    ]);
  });

  it('a slide added while rehearsing is listed after the plan with its own place', () => {
    const events = [event('ready', 0, 0), event('slide', 3_000, 2, { v: 1, id: 'slide-3-2' }), event('slide', 4_000, 1)];
    const rehearsal = summarize(header, events, { by: 'button', t: T0 + 6_000, at: T0 + 6_000 + OFFSET });
    expect(rehearsal.slides.at(-1)).toEqual({
      id: 'slide-3-2',
      title: 'slide-3-2',
      index: 2,
      h: 2,
      v: 1,
      planned: 0,
      source: 'none',
      actual: 1,
      visits: 1,
      fragments: [],
    });
  });

  it('with no event at all: every slide at zero, the times from the header and the end', () => {
    const end = { by: 'signal', at: T0 + 30_000 } as const;
    const rehearsal = summarize(header, [], end);
    expect(rehearsal).toMatchObject({
      startedAt: new Date(header.startedAt).toISOString(),
      finishedAt: new Date(end.at).toISOString(),
      actual: 0,
      paused: 0,
      complete: true,
      events: [],
    });
    expect(times(rehearsal)).toEqual([
      ['slide-1', 0, 0],
      ['slide-2', 0, 0],
    ]);
  });
});
