/** Jobs run a few at a time (PDF exports of several decks): never more than the limit, results in input order. */
import { describe, expect, it } from 'vitest';
import { runPool } from '../../src/core/pool.js';

/** Jobs that each wait for a later turn of the event loop, counting how many run at once. */
function countingJob() {
  const state = { running: 0, most: 0, started: [] as number[] };
  const job = async (item: number, index: number) => {
    state.started.push(index);
    state.running++;
    state.most = Math.max(state.most, state.running);
    for (let turn = 0; turn < (item % 3) + 1; turn++) await new Promise((resolve) => setImmediate(resolve));
    state.running--;
    return item * 10;
  };
  return { state, job };
}

describe('runPool', () => {
  it('runs every job, at most `limit` at a time, and returns the results in input order', async () => {
    const { state, job } = countingJob();
    const items = [5, 1, 4, 2, 3, 0, 7];
    expect(await runPool(items, 2, job)).toEqual([50, 10, 40, 20, 30, 0, 70]);
    expect(state.most).toBe(2);
    expect(state.started.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('with more room than jobs, runs them all at once', async () => {
    const { state, job } = countingJob();
    expect(await runPool([1, 2, 3], 8, job)).toEqual([10, 20, 30]);
    expect(state.most).toBe(3);
  });

  it('a limit below one still runs the jobs, one at a time', async () => {
    const { state, job } = countingJob();
    expect(await runPool([1, 2, 3], 0, job)).toEqual([10, 20, 30]);
    expect(state.most).toBe(1);
  });

  it('no items: no job, an empty list', async () => {
    const { state, job } = countingJob();
    expect(await runPool([], 4, job)).toEqual([]);
    expect(state.started).toEqual([]);
  });

  it('a job that fails fails the pool', async () => {
    const failing = async (item: number) => {
      if (item === 2) throw new Error('deck 2 failed');
      return item;
    };
    await expect(runPool([1, 2, 3], 2, failing)).rejects.toThrow('deck 2 failed');
  });
});
