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

/** One slide of the plan as the presenter window lists it. */
export interface PlanRow {
  /** 1-based, in reading order. */
  number: number;
  title: string;
  /** Planned seconds on the slide, and where on the talk clock it is planned to start. */
  planned: number;
  plannedStart: number;
  state: 'done' | 'current' | 'upcoming';
  /** Seconds spent on it so far (done and current slides; revisits add up). */
  spent: number;
}

/** The plan's rows: each slide's planned time and start, and the time spent on those shown so far. */
export function planRows(
  timings: readonly number[],
  titles: readonly string[],
  spent: ReadonlyMap<number, number>,
  current: number,
): PlanRow[] {
  let start = 0;
  return timings.map((planned, index) => {
    const row: PlanRow = {
      number: index + 1,
      title: titles[index] ?? `Slide ${index + 1}`,
      planned,
      plannedStart: start,
      state: index === current ? 'current' : spent.has(index) ? 'done' : 'upcoming',
      spent: spent.get(index) ?? 0,
    };
    start += planned;
    return row;
  });
}

/** Time spent per slide: a stopwatch that charges the time since the last change to the slide shown until then. */
export class SlideTimes {
  private readonly spent = new Map<number, number>();
  private shown = -1;
  private since = 0;

  /** Slide `index` is shown from `nowMs` on. */
  show(index: number, nowMs: number): void {
    this.charge(nowMs);
    this.shown = index;
  }

  /** Seconds per slide index, the one shown now counted up to `nowMs`. */
  at(nowMs: number): Map<number, number> {
    this.charge(nowMs);
    return new Map(this.spent);
  }

  private charge(nowMs: number): void {
    if (this.shown >= 0) this.spent.set(this.shown, (this.spent.get(this.shown) ?? 0) + (nowMs - this.since) / 1000);
    this.since = nowMs;
  }
}
