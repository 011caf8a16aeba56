/** The PDF queue of `deck serve`: merged, dropped when abandoned, bounded. The export is a stand-in the test releases. */
import { describe, expect, it } from 'vitest';
import { createJobQueue } from '../../src/cli/pdf-queue.js';

/** A run that finishes when the test says so, and a record of what was run. */
function controlledRuns() {
  const started: string[] = [];
  const releases: (() => void)[] = [];
  const run = (key: string) =>
    new Promise<string>((resolve) => {
      started.push(key);
      releases.push(() => resolve(`${key}#${started.length}`));
    });
  const releaseNext = async () => {
    await Promise.resolve();
    releases.shift()!();
  };
  return { run, started, releaseNext };
}

const open = () => new AbortController().signal;

describe('the PDF queue', () => {
  it('runs requests that wait together for the same PDF once, and never joins one already running', async () => {
    const runs = controlledRuns();
    const queue = createJobQueue({ run: runs.run, maxWaiting: 10 });
    const first = queue.request('slides', open());
    const waiting = [1, 2, 3, 4].map(() => queue.request('slides', open()));
    const handout = queue.request('handout', open());
    expect(runs.started).toEqual(['slides']);
    await runs.releaseNext();
    expect(await first).toEqual({ kind: 'done', result: 'slides#1' });
    expect(runs.started).toEqual(['slides', 'slides']);
    await runs.releaseNext();
    for (const outcome of await Promise.all(waiting)) expect(outcome).toEqual({ kind: 'done', result: 'slides#2' });
    await runs.releaseNext();
    expect(await handout).toEqual({ kind: 'done', result: 'handout#3' });
    expect(queue.runs).toBe(3);
    await queue.idle();
  });

  it('drops a waiting export whose clients have all gone, before it runs', async () => {
    const runs = controlledRuns();
    const queue = createJobQueue({ run: runs.run, maxWaiting: 30 });
    const first = queue.request('slides', open());
    const abandoned = Array.from({ length: 20 }, (_, i) => {
      const client = new AbortController();
      const outcome = queue.request(i % 2 ? 'slides' : 'handout', client.signal);
      client.abort();
      return outcome;
    });
    for (const outcome of await Promise.all(abandoned)) expect(outcome).toEqual({ kind: 'gone' });
    expect(queue.waiting).toBe(1);
    const next = queue.request('handout', open());
    await runs.releaseNext();
    await first;
    await runs.releaseNext();
    expect(await next).toEqual({ kind: 'done', result: 'handout#2' });
    expect(runs.started).toEqual(['slides', 'handout']); // nothing ran for the 20 abandoned requests
  });

  it('keeps a merged export for the clients still waiting when one leaves', async () => {
    const runs = controlledRuns();
    const queue = createJobQueue({ run: runs.run, maxWaiting: 10 });
    void queue.request('slides', open());
    const leaving = new AbortController();
    const left = queue.request('handout', leaving.signal);
    const staying = queue.request('handout', open());
    leaving.abort();
    expect(await left).toEqual({ kind: 'gone' });
    await runs.releaseNext();
    await runs.releaseNext();
    expect(await staying).toEqual({ kind: 'done', result: 'handout#2' });
  });

  it('answers "full" beyond the bound, with a time to come back from the last export', async () => {
    let clock = 0;
    const runs = controlledRuns();
    const queue = createJobQueue({ run: runs.run, maxWaiting: 3, now: () => clock });
    const accepted = [queue.request('slides', open()), queue.request('slides', open()), queue.request('handout', open())];
    expect(await queue.request('slides', open())).toEqual({ kind: 'full', retryAfterSeconds: 9 }); // 3 s guessed × 3 ahead
    clock = 5_000; // the first export took 5 s
    await runs.releaseNext();
    await accepted[0];
    const fourth = queue.request('slides', open()); // room again: two wait
    expect(queue.waiting).toBe(3);
    expect(await queue.request('handout', open())).toEqual({ kind: 'full', retryAfterSeconds: 15 }); // 5 s × 3 ahead
    for (let i = 0; i < 3; i++) await runs.releaseNext();
    expect((await fourth).kind).toBe('done');
  });
});
