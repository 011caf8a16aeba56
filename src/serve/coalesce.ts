/**
 * Run `task` with every path reported since it last started, never two at once: changes reported while it runs
 * are batched for one more run right after. The first run waits only for the current tick's events to arrive
 * (setImmediate), not for a fixed delay.
 */
export interface Coalescer {
  add(path: string): void;
  /** Resolves when nothing is pending or running. */
  idle(): Promise<void>;
  /** Stop taking work and wait for the running task. */
  close(): Promise<void>;
}

export function createCoalescer(task: (batch: ReadonlySet<string>) => Promise<void>, onError: (error: unknown) => void): Coalescer {
  let pending = new Set<string>();
  let scheduled = false;
  let running: Promise<void> | undefined;
  let closed = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    if (scheduled || running || pending.size > 0) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };
  const start = () => {
    scheduled = false;
    if (closed || pending.size === 0) return settle();
    const batch = pending;
    pending = new Set();
    running = task(batch)
      .catch(onError)
      .finally(() => {
        running = undefined;
        kick();
        settle();
      });
  };
  const kick = () => {
    if (scheduled || running || closed || pending.size === 0) return;
    scheduled = true;
    setImmediate(start);
  };
  return {
    add(path) {
      if (closed) return;
      pending.add(path);
      kick();
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      }),
    async close() {
      closed = true;
      pending.clear();
      await running;
      settle();
    },
  };
}
