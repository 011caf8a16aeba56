import { describe, expect, it } from 'vitest';
import type { DeckPlace } from '../../../src/client/rehearse/events.js';
import { createSettledRecorder } from '../../../src/client/rehearse/settled.js';
import type { EventType } from '../../../src/rehearse/model.js';

/** A deck whose place the test sets, a recorder on it, and the tasks it deferred (run by `endTask`). */
function setup() {
  let place: DeckPlace = { indices: { h: 0, v: 0 }, id: 'slide-1' };
  const recorded: [EventType, string, number][] = [];
  const deferred: (() => void)[] = [];
  const recorder = createSettledRecorder({
    place: () => place,
    record: (type) => {
      const f = place.indices.f;
      recorded.push([type, place.id ?? '', typeof f === 'number' ? f : -1]);
    },
    defer: (run) => void deferred.push(run),
  });
  return {
    recorder,
    recorded,
    at(h: number, v: number, f: number | undefined, id: string) {
      place = { indices: { h, v, f }, id };
    },
    endTask() {
      for (const run of deferred.splice(0)) run();
    },
  };
}

describe('recording where the deck settles', () => {
  it('a move on and back within one task (working out the next step) is no visit', () => {
    const deck = setup();
    deck.recorder.now('ready');
    deck.at(1, 0, undefined, 'slide-2');
    deck.recorder.changed('slide');
    deck.at(0, 0, undefined, 'slide-1');
    deck.recorder.changed('slide');
    deck.endTask();
    expect(deck.recorded).toEqual([['ready', 'slide-1', -1]]);
  });

  it('the deck put again where it is (after a reconnect) is no visit; a real move is recorded once', () => {
    const deck = setup();
    deck.recorder.now('ready');
    deck.recorder.changed('slide');
    deck.endTask();
    deck.at(1, 0, undefined, 'slide-2');
    deck.recorder.changed('slide');
    deck.recorder.changed('slide');
    deck.endTask();
    deck.recorder.changed('slide');
    deck.endTask();
    expect(deck.recorded).toEqual([
      ['ready', 'slide-1', -1],
      ['slide', 'slide-2', -1],
    ]);
  });

  it('a fragment step on the same slide is a fragment event; entering a slide with fragments shown is both', () => {
    const deck = setup();
    deck.recorder.now('ready');
    deck.at(0, 0, 0, 'slide-1');
    deck.recorder.changed('fragment');
    deck.endTask();
    deck.at(1, 0, 1, 'slide-2');
    deck.recorder.changed('slide');
    deck.recorder.changed('fragment');
    deck.endTask();
    deck.at(1, 0, 0, 'slide-2');
    deck.recorder.changed('fragment');
    deck.endTask();
    expect(deck.recorded).toEqual([
      ['ready', 'slide-1', -1],
      ['fragment', 'slide-1', 0],
      ['slide', 'slide-2', 1],
      ['fragment', 'slide-2', 1],
      ['fragment', 'slide-2', 0],
    ]);
  });

  it('pause and resume are recorded at once, every time, and count as where the deck was last seen', () => {
    const deck = setup();
    deck.recorder.now('ready');
    deck.recorder.now('paused');
    deck.recorder.now('resumed');
    deck.recorder.now('paused');
    deck.at(2, 0, undefined, 'slide-3');
    deck.recorder.now('resumed');
    deck.recorder.changed('slide');
    deck.endTask();
    expect(deck.recorded.map((event) => event[0])).toEqual(['ready', 'paused', 'resumed', 'paused', 'resumed']);
  });

  it('by default waits for the end of the task (a microtask)', async () => {
    let place: DeckPlace = { indices: { h: 0 }, id: 'a' };
    const types: EventType[] = [];
    const recorder = createSettledRecorder({ place: () => place, record: (type) => types.push(type) });
    recorder.now('ready');
    place = { indices: { h: 1 }, id: 'b' };
    recorder.changed('slide');
    expect(types).toEqual(['ready']);
    await Promise.resolve();
    expect(types).toEqual(['ready', 'slide']);
  });
});
