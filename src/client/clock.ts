/** The talk clock as pages show it: elapsed time from the server's clock state, the plan, and the pacing. */
import type { ClockState, NotesPayload } from '../serve/protocol.js';
import type { RevealLike } from './reveal.js';
import { entryOf } from './slide-notes.js';

/** Talk time at server time `now`, ms: frozen while paused, 0 before the start (the same rule as src/serve/clock.ts). */
export function elapsedMs(clock: ClockState | null | undefined, now: number): number {
  if (!clock || clock.startedAt === null) return 0;
  return Math.max(0, (clock.pausedAt ?? now) - clock.startedAt - clock.pausedMs);
}

/** 0:05, 12:34, 1:02:03. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/** The plan at one slide, seconds: when it starts and ends on the talk clock, and the whole talk. */
export interface SlidePlan {
  readonly start: number;
  readonly end: number;
  readonly total: number;
}

/**
 * The plan at slide `index` (0-based, in the order shown) from each slide's planned time (its data-timing, seconds,
 * null when it has none) and reveal.js's totalTime / defaultTiming, as reveal.js's speaker view reads them. Null without a plan,
 * and for a slide outside the order (-1: an uncounted slide, which getSlides() leaves out): it has no place in the
 * plan, and planning it as a 0-second slide at 0:00 said "Behind by" the whole talk time.
 */
export function slidePlan(
  timings: readonly (number | null)[],
  config: { totalTime?: number | null; defaultTiming?: number | null },
  index: number,
): SlidePlan | null {
  if (index < 0 || index >= timings.length) return null;
  const known = timings.filter((t): t is number => t !== null);
  const missing = timings.length - known.length;
  const sumKnown = known.reduce((a, b) => a + b, 0);
  let fill = 0;
  if ((config.totalTime ?? 0) > 0 && missing > 0) fill = Math.max(0, ((config.totalTime ?? 0) - sumKnown) / missing);
  else if ((config.defaultTiming ?? 0) > 0) fill = config.defaultTiming ?? 0;
  else if (known.length === 0) return null;
  const filled = timings.map((t) => t ?? fill);
  const start = filled.slice(0, Math.max(0, index)).reduce((a, b) => a + b, 0);
  return { start, end: start + (filled[index] ?? 0), total: filled.reduce((a, b) => a + b, 0) };
}

export type PacingTone = 'none' | 'ahead' | 'ontime' | 'behind' | 'paused';

/**
 * Against the plan up to and including the current slide: behind when the talk time is past the slide's planned
 * end, ahead when it is before the slide's planned start, else on time (with the time left on this slide).
 */
export function pacing(plan: SlidePlan | null, elapsed: number, paused = false): { text: string; tone: PacingTone } {
  if (!plan) return { text: 'No timing plan', tone: 'none' };
  const seconds = elapsed / 1000;
  const suffix = paused ? ' (paused)' : '';
  if (seconds > plan.end)
    return { text: `Behind by ${formatClock((seconds - plan.end) * 1000)}${suffix}`, tone: paused ? 'paused' : 'behind' };
  if (seconds < plan.start)
    return { text: `Ahead by ${formatClock((plan.start - seconds) * 1000)}${suffix}`, tone: paused ? 'paused' : 'ahead' };
  return { text: `On time: ${formatClock((plan.end - seconds) * 1000)} left on this slide${suffix}`, tone: paused ? 'paused' : 'ontime' };
}

/**
 * The plan at slide `index` (0-based, in the order shown) of a deck: the served page carries no plan (the audience
 * must not see it), so it comes from /_deck/notes.json with the notes (`speaker`; null until fetched: no plan).
 */
export function planAt(reveal: RevealLike, index: number, speaker: Pick<NotesPayload, 'slides' | 'pacing'> | null): SlidePlan | null {
  if (!speaker) return null;
  const timings = reveal.getSlides().map((slide, i) => entryOf(speaker.slides, slide, i)?.timing ?? null);
  return slidePlan(timings, speaker.pacing, index);
}
