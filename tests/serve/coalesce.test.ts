/** Rebuild batching: file events that arrive together make one rebuild. */
import { describe, expect, it } from 'vitest';
import { createCoalescer } from '../../src/serve/coalesce.js';

describe('createCoalescer', () => {
  it('batches events that arrive together and runs one more time for events during a run', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const coalescer = createCoalescer(
      async (batch) => {
        batches.push([...batch].sort());
        if (batches.length === 1) await gate;
      },
      (error) => {
        throw error;
      },
    );
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
});
