import { describe, expect, it } from 'vitest';
import { applyClockAction, clockElapsed, STOPPED_CLOCK } from '../../src/serve/clock.js';

describe('the server’s talk clock', () => {
  it('starts, pauses, resumes and resets; pausing freezes the elapsed time', () => {
    const started = applyClockAction(STOPPED_CLOCK, 'start', 1000);
    expect(clockElapsed(started, 61_000)).toBe(60_000);
    const paused = applyClockAction(started, 'pause', 61_000);
    expect(clockElapsed(paused, 121_000)).toBe(60_000);
    const resumed = applyClockAction(paused, 'resume', 121_000);
    expect(clockElapsed(resumed, 131_000)).toBe(70_000);
    expect(applyClockAction(resumed, 'reset', 131_000)).toEqual(STOPPED_CLOCK);
  });

  it('ignores actions that do not apply', () => {
    expect(applyClockAction(STOPPED_CLOCK, 'pause', 5)).toBe(STOPPED_CLOCK);
    expect(applyClockAction(STOPPED_CLOCK, 'resume', 5)).toBe(STOPPED_CLOCK);
    const running = applyClockAction(STOPPED_CLOCK, 'start', 5);
    expect(applyClockAction(running, 'start', 50)).toBe(running);
    const paused = applyClockAction(running, 'pause', 10);
    expect(applyClockAction(paused, 'pause', 20)).toBe(paused);
    // Start on a paused clock resumes it.
    expect(clockElapsed(applyClockAction(paused, 'start', 30), 30)).toBe(5);
  });
});
