/**
 * Sending the recorded events: one batch in flight at a time (so they arrive in order); a batch that fails goes
 * back in front of newer events and is sent again after a pause; what is left when the page goes away leaves in a
 * beacon.
 */
import type { ClientEvent } from '../../rehearse/model.js';
import { retryDelayMs } from './events.js';

export interface SenderOptions {
  /** Post a batch; resolves on success (or 409: the rehearsal is over), rejects otherwise. */
  readonly post: (batch: ClientEvent[]) => Promise<unknown>;
  /** A sending problem to show ('' when all is sent). */
  readonly onStatus: (text: string) => void;
  readonly schedule?: (run: () => void, ms: number) => void;
}

export interface Sender {
  add(event: ClientEvent): void;
  /** Send what is queued; resolves when the batch in flight (if any) is settled. */
  flush(): Promise<void>;
  /** Send everything; rejects when the server cannot be reached. */
  drain(): Promise<void>;
  /** Take what is still queued (for the beacon). */
  takeAll(): ClientEvent[];
}

export function createSender(options: SenderOptions): Sender {
  const schedule = options.schedule ?? ((run, ms) => void setTimeout(run, ms));
  let queue: ClientEvent[] = [];
  let inflight: Promise<void> | null = null;
  let failures = 0;

  const flush = (): Promise<void> => {
    if (inflight) return inflight;
    if (queue.length === 0) return Promise.resolve();
    const batch = queue.splice(0, queue.length);
    inflight = options
      .post(batch)
      .then(
        () => {
          failures = 0;
          options.onStatus('');
        },
        (error: unknown) => {
          queue = batch.concat(queue);
          failures += 1;
          options.onStatus(`not saved yet: ${(error as Error).message} (retrying)`);
          schedule(() => void flush(), retryDelayMs(failures));
        },
      )
      .then(() => {
        inflight = null;
        if (failures === 0) return flush();
      });
    return inflight;
  };

  const drain = async (): Promise<void> => {
    await flush();
    if (failures > 0) throw new Error('the rehearsal server cannot be reached');
    if (queue.length > 0) return drain();
  };

  return {
    add(event) {
      queue.push(event);
      void flush();
    },
    flush,
    drain,
    takeAll: () => queue.splice(0, queue.length),
  };
}
