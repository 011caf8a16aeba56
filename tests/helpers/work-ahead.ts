/**
 * A file's slow work started ahead, a few jobs at a time, each test awaiting its own job's result: the browser
 * works on the next decks while a test checks the last one. Each test still fails on its own job's error alone,
 * and its time limit covers only what is left of its job when it starts (vitest's concurrent tests would start
 * every test's clock at once).
 */
export interface WorkAhead<T, R> {
  /** The result of `item`'s job (started by start()). */
  of(item: T): Promise<R>;
  /** Start the jobs, at most `limit` at once, in the order of the items: call in beforeAll. */
  start(): void;
}

export function workAhead<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): WorkAhead<T, R> {
  const results = new Map<T, { promise: Promise<R>; resolve: (value: R) => void; reject: (error: unknown) => void }>();
  for (const item of items) {
    let resolve!: (value: R) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<R>((done, fail) => {
      resolve = done;
      reject = fail;
    });
    // A job may fail before its test awaits it; the test still sees the failure.
    promise.catch(() => undefined);
    results.set(item, { promise, resolve, reject });
  }
  return {
    of(item) {
      const result = results.get(item);
      if (!result) throw new Error('workAhead: an item it was not given');
      return result.promise;
    },
    start() {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < items.length) {
          const item = items[next++]!;
          const result = results.get(item)!;
          await job(item).then(result.resolve, result.reject);
        }
      };
      for (let i = 0; i < Math.min(limit, items.length); i++) void worker();
    },
  };
}
