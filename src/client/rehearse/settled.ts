/**
 * Recording where the deck settles, not every step on the way: the presenter view and the remote work out their
 * next step by moving a deck copy on and back in one task (src/client/driver.ts), and a reconnect puts the deck
 * again where it already is. Neither is a visit: a slide or fragment change is recorded once the task is over,
 * and only when the deck is then somewhere else than at the last event recorded
 * (tests/rehearse/rehearse.browser.test.ts, "even while the preview loads").
 */
import type { EventType } from '../../rehearse/model.js';
import { type DeckPlace, type Place, placeOf } from './events.js';

const sameSlide = (a: Place, b: Place) => a.h === b.h && a.v === b.v && a.id === b.id;

export interface SettledOptions {
  /** Where the deck is now. */
  readonly place: () => DeckPlace;
  /** Record an event of `type` at the deck's place now. */
  readonly record: (type: EventType) => void;
  /** Run after the current task (default queueMicrotask: the moves of one task are over by then). */
  readonly defer?: (run: () => void) => void;
}

export interface SettledRecorder {
  /** Record now (ready, paused, resumed); the place it was made at is the last one recorded. */
  now(type: Exclude<EventType, 'slide' | 'fragment' | 'hidden'>): void;
  /** reveal.js said the slide or the fragment changed. */
  changed(type: 'slide' | 'fragment'): void;
}

export function createSettledRecorder(options: SettledOptions): SettledRecorder {
  const defer = options.defer ?? queueMicrotask;
  let last: Place | undefined;
  let pending: Set<'slide' | 'fragment'> | undefined;

  const settle = () => {
    const types = pending ?? new Set();
    pending = undefined;
    const place = placeOf(options.place());
    const before = last;
    if (before && sameSlide(before, place) && before.f === place.f) return; // moved and back, or put where it was
    last = place;
    if (before && sameSlide(before, place)) {
      options.record('fragment');
      return;
    }
    options.record('slide');
    // Entered with fragments shown (going back shows them all): their times start with the slide's.
    if (types.has('fragment') && place.f >= 0) options.record('fragment');
  };

  return {
    now(type) {
      last = placeOf(options.place());
      options.record(type);
    },
    changed(type) {
      if (pending) {
        pending.add(type);
        return;
      }
      pending = new Set([type]);
      defer(settle);
    },
  };
}
