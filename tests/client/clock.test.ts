import { describe, expect, it } from 'vitest';
import { elapsedMs, formatClock, pacing, slidePlan } from '../../src/client/clock.js';

describe('the talk clock as pages show it', () => {
  it('counts from the start, freezes while paused, leaves out the paused time', () => {
    expect(elapsedMs({ startedAt: null, pausedAt: null, pausedMs: 0 }, 50_000)).toBe(0);
    expect(elapsedMs({ startedAt: 10_000, pausedAt: null, pausedMs: 0 }, 70_000)).toBe(60_000);
    const paused = { startedAt: 10_000, pausedAt: 40_000, pausedMs: 5_000 };
    expect(elapsedMs(paused, 40_000)).toBe(25_000);
    expect(elapsedMs(paused, 99_000)).toBe(25_000);
  });

  it('formats m:ss and h:mm:ss', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65_400)).toBe('1:05');
    expect(formatClock(3_723_000)).toBe('1:02:03');
  });

  it('plans each slide from data-timing, filling the rest from totalTime (or defaultTiming)', () => {
    expect(slidePlan([null, null], {}, 0)).toBeNull();
    expect(slidePlan([30, null, null], { totalTime: 130 }, 1)).toEqual({ start: 30, end: 80, total: 130 });
    expect(slidePlan([null, null, 10], { defaultTiming: 20 }, 2)).toEqual({ start: 40, end: 50, total: 50 });
  });

  it('has no plan for a slide outside the order shown (an uncounted one): never "Behind by" the whole talk there', () => {
    expect(slidePlan([30, 30], {}, -1)).toBeNull();
    expect(slidePlan([30, 30], { totalTime: 60 }, 2)).toBeNull();
    expect(pacing(slidePlan([30, 30], {}, -1), 600_000)).toEqual({ text: 'No timing plan', tone: 'none' });
  });

  it('is ahead before the slide’s planned start, behind after its planned end (up to and including this slide)', () => {
    const plan = { start: 60, end: 120, total: 600 };
    expect(pacing(plan, 30_000)).toEqual({ text: 'Ahead by 0:30', tone: 'ahead' });
    expect(pacing(plan, 150_000)).toEqual({ text: 'Behind by 0:30', tone: 'behind' });
    expect(pacing(plan, 100_000)).toEqual({ text: 'On time: 0:20 left on this slide', tone: 'ontime' });
    expect(pacing(plan, 150_000, true)).toEqual({ text: 'Behind by 0:30 (paused)', tone: 'paused' });
    expect(pacing(null, 1000).tone).toBe('none');
  });
});
