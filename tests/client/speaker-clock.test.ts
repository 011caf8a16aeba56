import { describe, expect, it } from 'vitest';
import { speakerClockText, type TalkClock } from '../../src/client/speaker-clock.js';

const talk = (over: Partial<{ [K in keyof TalkClock]: ReturnType<TalkClock[K]> }>): TalkClock => ({
  clock: () => over.clock ?? { startedAt: null, pausedAt: null, pausedMs: 0 },
  serverNow: () => over.serverNow ?? 0,
  slideClockAt: () => over.slideClockAt ?? 0,
  plan: () => over.plan ?? null,
});

describe('the speaker view’s clock text', () => {
  it('counts from the server’s start, not from when the window opened, and against the slide’s plan', () => {
    const text = speakerClockText(
      talk({
        clock: { startedAt: 1_000_000, pausedAt: null, pausedMs: 20_000 },
        serverNow: 1_000_000 + 125_000,
        slideClockAt: 95_000,
        plan: { start: 60, end: 120, total: 600 },
      }),
    );
    expect(text).toEqual({
      elapsed: '1:45',
      state: 'running',
      slide: '0:10 / 1:00',
      pacing: 'On time: 0:15 left on this slide',
      tone: 'ontime',
    });
  });

  it('freezes while paused and says so', () => {
    const clock = { startedAt: 0, pausedAt: 200_000, pausedMs: 0 };
    const at = (now: number) => speakerClockText(talk({ clock, serverNow: now, plan: { start: 0, end: 150, total: 600 } }));
    expect(at(200_000)).toEqual(at(900_000));
    expect(at(900_000)).toMatchObject({ elapsed: '3:20', state: 'paused', tone: 'paused', pacing: 'Behind by 0:50 (paused)' });
  });

  it('before the start shows 0:00 and how the clock starts', () => {
    expect(speakerClockText(talk({ serverNow: 5_000_000 }))).toMatchObject({ elapsed: '0:00', state: 'not started', tone: 'none' });
  });
});
