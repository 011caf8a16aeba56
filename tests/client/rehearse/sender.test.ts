import { describe, expect, it, vi } from 'vitest';
import { eventOf } from '../../../src/client/rehearse/events.js';
import { createSender } from '../../../src/client/rehearse/sender.js';
import type { ClientEvent } from '../../../src/rehearse/model.js';

const event = (seq: number): ClientEvent => eventOf('slide', { indices: { h: seq } }, 1_750_000_000_000 + seq, 's', seq);

/** A post the test settles by hand, batch by batch. */
function controlledPost() {
  const calls: { batch: number[]; ok: () => void; fail: (message: string) => void }[] = [];
  const post = (batch: ClientEvent[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ batch: batch.map((e) => e.seq), ok: resolve, fail: (m) => reject(new Error(m)) });
    });
  return { calls, post };
}

describe('the recorder’s sender', () => {
  it('keeps one batch in flight and sends what came meanwhile next, in order', async () => {
    const { calls, post } = controlledPost();
    const sender = createSender({ post, onStatus: () => {} });
    sender.add(event(0));
    sender.add(event(1));
    sender.add(event(2));
    expect(calls.map((c) => c.batch)).toEqual([[0]]);
    calls[0]!.ok();
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls.map((c) => c.batch)).toEqual([[0], [1, 2]]);
  });

  it('puts a failed batch back in front of newer events, says so, and sends it again later', async () => {
    const { calls, post } = controlledPost();
    const statuses: string[] = [];
    const retries: (() => void)[] = [];
    const sender = createSender({ post, onStatus: (s) => statuses.push(s), schedule: (run) => retries.push(run) });
    sender.add(event(0));
    sender.add(event(1));
    calls[0]!.fail('the rehearsal server answered 500');
    await sender.flush();
    expect(statuses.at(-1)).toMatch(/not saved yet: .*500.*retrying/);
    expect(retries).toHaveLength(1);
    retries[0]!();
    expect(calls.map((c) => c.batch)).toEqual([[0], [0, 1]]);
    calls[1]!.ok();
    await sender.flush();
    expect(statuses.at(-1)).toBe('');
  });

  it('drain fails while the server cannot be reached; what is left goes to the beacon', async () => {
    const { calls, post } = controlledPost();
    const sender = createSender({ post, onStatus: () => {}, schedule: () => {} });
    sender.add(event(0));
    const drained = sender.drain();
    calls[0]!.fail('offline');
    await expect(drained).rejects.toThrow(/cannot be reached/);
    expect(sender.takeAll().map((e) => e.seq)).toEqual([0]);
    expect(sender.takeAll()).toEqual([]);
  });
});
