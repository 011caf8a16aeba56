/**
 * From recorded events to per-slide times. Pure: the same journal always gives the same rehearsal.
 *
 * Every event says which slide is showing; the time between two events belongs to the slide of the first one.
 * The rehearsal runs from the first event to the end: the page's time of the Finish button; for Ctrl+C the
 * server's time moved onto the page's clock; for an interrupted rehearsal, or when the last thing recorded is
 * the page closing, the last event recorded (the page sends one as it goes away). Time paused in reveal.js (B) counts for no slide and not in the total.
 */
import type { EndedBy, JournalHeader, RecordedEvent, RehearsedSlide, Rehearsal } from './model.js';

export interface RehearsalEnd {
  readonly by: EndedBy;
  /** The page's time of the end, if the page gave it. */
  readonly t?: number;
  /** The server's time of the end. */
  readonly at: number;
}

/** Server clock minus page clock, from the event that travelled fastest (least delayed). */
export function clockOffset(events: readonly RecordedEvent[]): number {
  return events.reduce((best, e) => Math.min(best, e.at - e.t), Number.POSITIVE_INFINITY);
}

export function sortEvents(events: readonly RecordedEvent[]): RecordedEvent[] {
  return [...events].sort((a, b) => a.t - b.t || a.at - b.at || a.seq - b.seq);
}

const seconds = (ms: number) => Math.round(ms) / 1000;

/** The page-clock time at which the rehearsal ended. */
export function endTime(events: readonly RecordedEvent[], end: RehearsalEnd): number {
  const sorted = sortEvents(events);
  const last = sorted.at(-1);
  if (!last) return end.t ?? end.at;
  // The page went away (tab closed) and none came back: the talk stopped there, not at the later Ctrl+C.
  const gone = last.type === 'hidden';
  const t = end.t ?? (end.by === 'interrupted' || gone ? last.t : end.at - clockOffset(events));
  return Math.max(t, last.t);
}

interface Tally {
  ms: number;
  visits: number;
  entered?: number;
  fragments: number[];
}

export function summarize(header: JournalHeader, recorded: readonly RecordedEvent[], end: RehearsalEnd): Rehearsal {
  const events = sortEvents(recorded);
  const tallies = new Map<string, Tally>();
  const tally = (id: string) => {
    let found = tallies.get(id);
    if (!found) tallies.set(id, (found = { ms: 0, visits: 0, fragments: [] }));
    return found;
  };
  const stop = events.length > 0 ? endTime(events, end) : end.at;
  const start = events[0]?.t ?? stop;
  let current: { id: string; since: number } | undefined;
  let pausedSince: number | undefined;
  let pausedMs = 0;
  for (const e of events) {
    if (pausedSince !== undefined) {
      if (e.type === 'paused') continue;
      pausedMs += e.t - pausedSince;
      pausedSince = undefined;
      if (current) current.since = e.t;
    }
    if (e.type === 'paused') {
      if (current) tally(current.id).ms += e.t - current.since;
      pausedSince = e.t;
      continue;
    }
    if (current?.id !== e.id) {
      if (current) tally(current.id).ms += e.t - current.since;
      current = { id: e.id, since: e.t };
      const entered = tally(e.id);
      entered.visits++;
      entered.entered ??= e.t;
    }
    const on = tally(e.id);
    if (e.type === 'fragment' && on.visits === 1) {
      while (on.fragments.length <= e.f) on.fragments.push(seconds(e.t - on.entered!));
    }
  }
  if (pausedSince !== undefined) pausedMs += stop - pausedSince;
  else if (current) tally(current.id).ms += stop - current.since;

  const slides: RehearsedSlide[] = header.plan.map((slide) => {
    const t = tallies.get(slide.id);
    return { ...slide, actual: seconds(t?.ms ?? 0), visits: t?.visits ?? 0, fragments: t?.fragments ?? [] };
  });
  const known = new Set(header.plan.map((slide) => slide.id));
  for (const [id, t] of tallies) {
    if (known.has(id)) continue;
    // A slide added while rehearsing (the deck was edited): no plan, still counted.
    const sample = events.find((e) => e.id === id)!;
    slides.push({
      id,
      title: id,
      index: slides.length,
      h: sample.h,
      v: sample.v,
      planned: 0,
      source: 'none',
      actual: seconds(t.ms),
      visits: t.visits,
      fragments: t.fragments,
    });
  }
  const offset = events.length > 0 ? clockOffset(events) : 0;
  return {
    version: 1,
    deck: header.deck,
    input: header.input,
    startedAt: new Date(events.length > 0 ? start + offset : header.startedAt).toISOString(),
    finishedAt: new Date(events.length > 0 ? stop + offset : end.at).toISOString(),
    complete: end.by !== 'interrupted',
    endedBy: end.by,
    planned: header.plan.reduce((sum, slide) => sum + slide.planned, 0),
    actual: seconds(stop - start - pausedMs),
    paused: seconds(pausedMs),
    slides,
    events,
  };
}
