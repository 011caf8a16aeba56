/**
 * The queue of PDF exports behind `deck serve`: one export runs at a time; requests for the same PDF that wait
 * together share one export; a request whose client has gone is dropped before its export starts (20 aborted
 * requests once made the next one wait 38 s); and at most `maxWaiting` requests wait, the rest get "full" with
 * a time to come back. Tested in tests/cli/pdf-queue.test.ts.
 */

export type QueueOutcome<R> =
  | { readonly kind: 'done'; readonly result: R }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'full'; readonly retryAfterSeconds: number }
  /** The client went away before the result was there. */
  | { readonly kind: 'gone' };

export interface JobQueue<K, R> {
  /** The result of `run(key)`, from an export that starts after this call. `signal` aborts when the client goes. */
  request(key: K, signal: AbortSignal): Promise<QueueOutcome<R>>;
  /** How many times `run` was called. */
  readonly runs: number;
  /** Requests waiting or being served. */
  readonly waiting: number;
  /** Resolves when nothing runs or waits. */
  idle(): Promise<void>;
}

export interface JobQueueOptions<K, R> {
  run: (key: K) => Promise<R>;
  /** Requests that may wait at once (merged ones count one each: each holds a connection). */
  maxWaiting: number;
  /** A first guess of one run's time, for Retry-After before any run finished. */
  estimateMs?: number;
  now?: () => number;
}

interface Waiter<R> {
  readonly settle: (outcome: QueueOutcome<R>) => void;
}

interface Job<K, R> {
  readonly key: K;
  readonly waiters: Set<Waiter<R>>;
}

export function createJobQueue<K, R>(options: JobQueueOptions<K, R>): JobQueue<K, R> {
  const now = options.now ?? (() => performance.now());
  const pending: Job<K, R>[] = [];
  let running: Job<K, R> | undefined;
  let runs = 0;
  let waiting = 0;
  let lastMs = options.estimateMs ?? 3_000;
  let idleWaiters: (() => void)[] = [];

  const pump = () => {
    if (running) return;
    running = pending.shift();
    if (!running) {
      for (const wake of idleWaiters) wake();
      idleWaiters = [];
      return;
    }
    const job = running;
    runs++;
    const started = now();
    void options.run(job.key).then(
      (result) => finish(job, { kind: 'done', result }, started),
      (error: unknown) => finish(job, { kind: 'failed', error }, started),
    );
  };
  const finish = (job: Job<K, R>, outcome: QueueOutcome<R>, started: number) => {
    lastMs = now() - started;
    for (const waiter of job.waiters) waiter.settle(outcome);
    running = undefined;
    pump();
  };

  return {
    get runs() {
      return runs;
    },
    get waiting() {
      return waiting;
    },
    idle: () => (running || pending.length > 0 ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve()),
    request(key, signal) {
      if (signal.aborted) return Promise.resolve({ kind: 'gone' });
      if (waiting >= options.maxWaiting) {
        const ahead = pending.length + (running ? 1 : 0);
        return Promise.resolve({ kind: 'full', retryAfterSeconds: Math.max(1, Math.ceil((lastMs * ahead) / 1000)) });
      }
      // Only a job that has not started yet is shared: one already running may be of an older build.
      let job = pending.find((candidate) => candidate.key === key);
      if (!job) {
        job = { key, waiters: new Set() };
        pending.push(job);
      }
      const target = job;
      waiting++;
      return new Promise<QueueOutcome<R>>((resolve) => {
        const waiter: Waiter<R> = {
          settle: (outcome) => {
            signal.removeEventListener('abort', onAbort);
            waiting--;
            resolve(outcome);
          },
        };
        const onAbort = () => {
          target.waiters.delete(waiter);
          // Nobody wants this export any more: drop it unless it is already running (it cannot be stopped midway).
          const index = pending.indexOf(target);
          if (target.waiters.size === 0 && index >= 0) pending.splice(index, 1);
          waiter.settle({ kind: 'gone' });
          if (!running) pump();
        };
        target.waiters.add(waiter);
        signal.addEventListener('abort', onAbort, { once: true });
        pump();
      });
    },
  };
}
