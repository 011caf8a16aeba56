/** `deck rehearse --apply` checks the rehearsal before it becomes the plan: skipped slides, a run far too short. */
import { describe, expect, it } from 'vitest';
import { applyConcerns } from '../../src/rehearse/apply.js';
import type { Rehearsal, RehearsedSlide } from '../../src/rehearse/model.js';

function slide(index: number, planned: number, actual: number, visits = 1): RehearsedSlide {
  return {
    id: `slide-${index + 1}`,
    title: `Slide ${index + 1}`,
    index,
    h: index,
    v: 0,
    planned,
    source: 'estimate',
    actual,
    visits,
    fragments: [],
  };
}

function rehearsal(slides: RehearsedSlide[]): Rehearsal {
  return {
    version: 1,
    deck: 'talk',
    input: 'slides',
    startedAt: '2024-06-01T10:00:00.000Z',
    finishedAt: '2024-06-01T10:10:00.000Z',
    complete: true,
    endedBy: 'button',
    planned: slides.reduce((sum, s) => sum + s.planned, 0),
    actual: slides.reduce((sum, s) => sum + s.actual, 0),
    paused: 0,
    slides,
    events: [],
  };
}

describe('applyConcerns', () => {
  it('accepts a full run-through near the plan', () => {
    expect(applyConcerns(rehearsal([slide(0, 30, 28), slide(1, 40, 52), slide(2, 20, 15)]))).toEqual([]);
  });

  it('names the slides a rehearsal skipped', () => {
    const concerns = applyConcerns(rehearsal([slide(0, 30, 35), slide(1, 40, 0, 0), slide(2, 20, 40)]));
    expect(concerns).toEqual(['it skipped 1 of 3 slides (2 Slide 2)']);
  });

  it('flags a click-through: 1:27 against a 9:08 plan, slides of a second or two', () => {
    const slides = Array.from({ length: 27 }, (_, i) => slide(i, i === 0 ? 548 - 26 * 20 : 20, i < 20 ? 1 : 9.5));
    const run = rehearsal(slides);
    expect([run.planned, Math.round(run.actual)]).toEqual([548, 87]);
    expect(applyConcerns(run)).toEqual(['it ran 01:27 against a 09:08 plan (16 %), 20 slides under 3 s']);
  });
});
