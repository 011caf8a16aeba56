/** Rebuild batching: file events that arrive together make one rebuild, never two at once, and close stops it. */
import { describe, expect, it } from 'vitest';
import { createCoalescer } from '../../src/serve/coalesce.js';

/** Let the event loop turn `count` times (setImmediate callbacks and the promises they settle run). */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Whether `promise` has settled after a few turns of the event loop. */
async function settledSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await turns(5);
  return settled;
}

/** A task that records its batches and how many runs overlap, each run held until the test lets it go. */
function heldTask() {
  const batches: string[][] = [];
  const releases: (() => void)[] = [];
  let active = 0;
  let mostAtOnce = 0;
  const task = async (batch: ReadonlySet<string>) => {
    batches.push([...batch].sort());
    active++;
    mostAtOnce = Math.max(mostAtOnce, active);
    await new Promise<void>((resolve) => releases.push(resolve));
    active--;
  };
  const releaseAll = () => {
    for (const release of releases.splice(0)) release();
  };
  return { task, batches, releaseAll, mostAtOnce: () => mostAtOnce, started: () => batches.length };
}

const rethrow = (error: unknown) => {
  throw error;
};

describe('createCoalescer', () => {
  it('batches events that arrive together and runs one more time for events during a run', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const coalescer = createCoalescer(async (batch) => {
      batches.push([...batch].sort());
      if (batches.length === 1) await gate;
    }, rethrow);
    coalescer.add('a');
    coalescer.add('b');
    coalescer.add('a');
    await new Promise((resolve) => setImmediate(resolve));
    coalescer.add('c');
    coalescer.add('d');
    release();
    await coalescer.idle();
    expect(batches).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    await coalescer.close();
  });

  it('never runs two at once: events during a run wait for it, then make one run', async () => {
    const held = heldTask();
    const coalescer = createCoalescer(held.task, rethrow);
    coalescer.add('a');
    await turns(3);
    expect(held.started()).toBe(1);
    coalescer.add('b');
    coalescer.add('c');
    await turns(5);
    expect(held.started()).toBe(1);
    held.releaseAll();
    await turns(5);
    expect(held.batches).toEqual([['a'], ['b', 'c']]);
    held.releaseAll();
    await coalescer.idle();
    expect(held.mostAtOnce()).toBe(1);
    await coalescer.close();
  });

  it('idle() resolves at once with nothing to do, and only after the run and the one after it otherwise', async () => {
    const held = heldTask();
    const coalescer = createCoalescer(held.task, rethrow);
    expect(await settledSoon(coalescer.idle())).toBe(true);

    coalescer.add('a');
    const idle = coalescer.idle();
    expect(await settledSoon(idle)).toBe(false);
    expect(held.started()).toBe(1);
    // Asked while the run is in progress and nothing else is pending: it waits for that run too.
    const during = coalescer.idle();
    expect(await settledSoon(during)).toBe(false);
    coalescer.add('b');
    held.releaseAll();
    // The first run is over, the one for 'b' is not.
    expect(await settledSoon(idle)).toBe(false);
    expect(held.started()).toBe(2);
    held.releaseAll();
    expect(await settledSoon(idle)).toBe(true);
    expect(await settledSoon(during)).toBe(true);
    await coalescer.close();
  });

  it('a failed run goes to onError and does not stop the next', async () => {
    const errors: unknown[] = [];
    const batches: string[][] = [];
    const coalescer = createCoalescer(
      async (batch) => {
        batches.push([...batch]);
        if (batch.has('bad')) throw new Error('build failed');
      },
      (error) => errors.push(error),
    );
    coalescer.add('bad');
    await coalescer.idle();
    coalescer.add('good');
    await coalescer.idle();
    expect(batches).toEqual([['bad'], ['good']]);
    expect(errors).toEqual([new Error('build failed')]);
    await coalescer.close();
  });

  it('close waits for the run in progress, drops what was pending, and takes no more work', async () => {
    const held = heldTask();
    const coalescer = createCoalescer(held.task, rethrow);
    coalescer.add('a');
    await turns(3);
    coalescer.add('b');
    const closed = coalescer.close();
    expect(await settledSoon(closed)).toBe(false);
    held.releaseAll();
    expect(await settledSoon(closed)).toBe(true);
    coalescer.add('c');
    expect(await settledSoon(coalescer.idle())).toBe(true);
    await turns(5);
    expect(held.batches).toEqual([['a']]);
  });

  it('closed before its first run starts: the task never runs', async () => {
    const held = heldTask();
    const coalescer = createCoalescer(held.task, rethrow);
    coalescer.add('a');
    await coalescer.close();
    await turns(5);
    expect(held.started()).toBe(0);
    expect(await settledSoon(coalescer.idle())).toBe(true);
  });
});
