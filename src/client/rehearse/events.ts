/** The events the recorder posts: where the deck is and when, on the page's monotonic clock, numbered per page load. */
import type { ClientEvent, EventType } from '../../rehearse/model.js';

export interface DeckPlace {
  readonly indices: { h?: number; v?: number; f?: number };
  /** The current <section>'s id, if it has one. */
  readonly id?: string;
}

/** Page time, epoch ms with sub-millisecond precision: one monotonic clock across reloads on the same device. */
export const pageNow = (): number => performance.timeOrigin + performance.now();

/** A random id for this page load (the server keeps the events of several loads apart). */
export function newSession(random = Math.random): string {
  return random().toString(36).slice(2, 12).padEnd(4, '0');
}

/** A place in the deck as the rehearsal tells places apart: the slide's indices and id, and the fragment shown (-1 for none). */
export interface Place {
  readonly h: number;
  readonly v: number;
  readonly f: number;
  readonly id: string;
}

export function placeOf(place: DeckPlace): Place {
  const h = place.indices.h ?? 0;
  return { h, v: place.indices.v ?? 0, f: typeof place.indices.f === 'number' ? place.indices.f : -1, id: place.id || `slide-${h + 1}` };
}

export function eventOf(type: EventType, place: DeckPlace, t: number, session: string, seq: number): ClientEvent {
  return { type, t, ...placeOf(place), session, seq };
}

/** How long to wait before sending again after `failures` failed posts in a row, ms. */
export function retryDelayMs(failures: number): number {
  return Math.min(5000, 250 * Math.max(1, failures));
}

/** The bar's clock: ● REC 01:05 (minutes can pass 59: a rehearsal is rarely an hour, and then 75:00 reads fine). */
export function recClock(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `\u25CF REC ${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
}

/** The link to the report the finish wrote: its path as the server gave it, with the presenter token. */
export function reportHref(path: string, token: string): string {
  return `${path}?token=${encodeURIComponent(token)}`;
}
