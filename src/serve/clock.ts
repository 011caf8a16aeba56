/** The talk clock's rules on the server: start, pause, resume, reset, and the elapsed time they give. */
import type { ClockAction, ClockState } from './protocol.js';

export const STOPPED_CLOCK: ClockState = Object.freeze({ startedAt: null, pausedAt: null, pausedMs: 0 });

/** Talk time at `now`, ms: frozen while paused, 0 before the start. */
export function clockElapsed(clock: ClockState, now: number): number {
  if (clock.startedAt === null) return 0;
  return Math.max(0, (clock.pausedAt ?? now) - clock.startedAt - clock.pausedMs);
}

/** The clock after an action at `now`. Actions that do not apply (pause a paused clock) change nothing. */
export function applyClockAction(clock: ClockState, action: ClockAction, now: number): ClockState {
  switch (action) {
    case 'start':
      if (clock.startedAt === null) return { startedAt: now, pausedAt: null, pausedMs: 0 };
      return clock.pausedAt === null ? clock : applyClockAction(clock, 'resume', now);
    case 'pause':
      return clock.startedAt === null || clock.pausedAt !== null ? clock : { ...clock, pausedAt: now };
    case 'resume':
      if (clock.pausedAt === null) return clock;
      return { startedAt: clock.startedAt, pausedAt: null, pausedMs: clock.pausedMs + Math.max(0, now - clock.pausedAt) };
    case 'reset':
      return STOPPED_CLOCK;
    default: {
      const never: never = action;
      return never;
    }
  }
}
