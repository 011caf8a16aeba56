/** The timing plan in the presenter window: where the talk should be by now, from each slide's data-timing. */

export type Pace = { kind: 'on-time' } | { kind: 'ahead'; seconds: number } | { kind: 'behind'; seconds: number };

/**
 * Ahead when the current slide is reached before its planned start, behind once its planned end has passed,
 * on time in between.
 */
export function paceOf(elapsedSeconds: number, plannedBefore: number, plannedCurrent: number): Pace {
  if (elapsedSeconds < plannedBefore) return { kind: 'ahead', seconds: Math.round(plannedBefore - elapsedSeconds) };
  const end = plannedBefore + plannedCurrent;
  if (elapsedSeconds > end) return { kind: 'behind', seconds: Math.round(elapsedSeconds - end) };
  return { kind: 'on-time' };
}

/** `m:ss`, or `h:mm:ss` past an hour. */
export function clock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Planned seconds of the slides before `index` (reading order), and of the slide itself. */
export function plannedAt(timings: readonly number[], index: number): { before: number; current: number; total: number } {
  const before = timings.slice(0, index).reduce((sum, t) => sum + t, 0);
  return { before, current: timings[index] ?? 0, total: timings.reduce((sum, t) => sum + t, 0) };
}
