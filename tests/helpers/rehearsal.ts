/** A finished, saved rehearsal written out by hand: what the report, --last and --apply read. */
import type { Rehearsal } from '../../src/rehearse/model.js';

/** One slide of a hand-written rehearsal: its title, planned and actual seconds. */
export interface RehearsedSlide {
  title: string;
  planned: number;
  actual: number;
}

/** A complete rehearsal started (and finished) at `startedAt`, one horizontal slide per entry, visited if timed. */
export function savedRehearsal(startedAt: string, slides: readonly RehearsedSlide[]): Rehearsal {
  return {
    version: 1,
    deck: 'talk',
    input: 'talk',
    startedAt,
    finishedAt: startedAt,
    complete: true,
    endedBy: 'button',
    planned: slides.reduce((sum, slide) => sum + slide.planned, 0),
    actual: slides.reduce((sum, slide) => sum + slide.actual, 0),
    paused: 0,
    slides: slides.map((slide, i) => ({
      id: `slide-${i + 1}`,
      title: slide.title,
      index: i,
      h: i,
      v: 0,
      planned: slide.planned,
      source: 'estimate',
      actual: slide.actual,
      visits: slide.actual > 0 ? 1 : 0,
      fragments: [],
    })),
    events: [],
  };
}
