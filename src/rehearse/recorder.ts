/**
 * The recorder: takes the page's events, stamps them with the server's time, appends them to the journal, and
 * on finish turns them into a rehearsal. An event counts as recorded only once its journal line is written, so
 * a batch whose write failed is written again when the page retries it (tests/rehearse/journal-faults.test.ts).
 * The clock and the journal are given, so it can be driven in tests.
 */
import { DeckError, ErrorCode } from '../core/errors.js';
import {
  clientBatchSchema,
  type ClientEvent,
  type EndedBy,
  type JournalHeader,
  type JournalLine,
  type RecordedEvent,
  type Rehearsal,
} from './model.js';
import { summarize } from './summarize.js';

/** How much one rehearsal takes in, so that a runaway page cannot fill the disk. */
export interface RecordLimits {
  /** Events in the whole rehearsal: a two-hour talk with a change every second is 7,200. */
  readonly maxEvents: number;
  /** Events from one page load. */
  readonly maxEventsPerSession: number;
  /** Page loads (each reload of the deck is one). */
  readonly maxSessions: number;
  /** Events at once (the largest batch a page sends after being offline), and sustained per second. */
  readonly burst: number;
  readonly perSecond: number;
}

export const RECORD_LIMITS: Readonly<RecordLimits> = {
  maxEvents: 20_000,
  maxEventsPerSession: 5_000,
  maxSessions: 200,
  burst: 500,
  perSecond: 50,
};

export interface RecorderOptions {
  readonly header: JournalHeader;
  /** Where lines go: resolves once they are written and flushed, in call order. */
  readonly journal: { write(lines: readonly JournalLine[]): Promise<void> };
  /** Server time, epoch ms. */
  readonly clock?: () => number;
  readonly limits?: Partial<RecordLimits>;
}

/** What became of a batch: recorded (`count` new events; retried ones are not counted again), or refused by a limit. */
export type RecordOutcome =
  | { readonly kind: 'recorded'; readonly count: number }
  | { readonly kind: 'refused'; readonly reason: string; readonly retryAfterSeconds?: number };

export interface Recorder {
  readonly header: JournalHeader;
  /** Record a batch as posted by the page (validated here: a malformed one is a BadInput DeckError). */
  record(batch: unknown): Promise<RecordOutcome>;
  /** End the rehearsal (once; later calls return the same result). */
  finish(by: EndedBy, t?: number): Promise<Rehearsal>;
  readonly events: readonly RecordedEvent[];
  readonly finished: boolean;
}

export function createRecorder(options: RecorderOptions): Recorder {
  const clock = options.clock ?? Date.now;
  const limits = { ...RECORD_LIMITS, ...options.limits };
  const events: RecordedEvent[] = [];
  /** Every event written or being written, by `session:seq`: a retry waits for the same write. */
  const writes = new Map<string, Promise<void>>();
  const perSession = new Map<string, number>();
  let budget = limits.burst;
  let budgetAt = clock();
  let result: Promise<Rehearsal> | undefined;

  /** Reserve room for the fresh events, or say which limit they pass. */
  const reserve = (fresh: readonly ClientEvent[]): RecordOutcome | undefined => {
    const now = clock();
    budget = Math.min(limits.burst, budget + ((now - budgetAt) / 1000) * limits.perSecond);
    budgetAt = now;
    if (writes.size + fresh.length > limits.maxEvents)
      return { kind: 'refused', reason: `a rehearsal records at most ${limits.maxEvents} events` };
    const counts = new Map<string, number>();
    for (const event of fresh) counts.set(event.session, (counts.get(event.session) ?? perSession.get(event.session) ?? 0) + 1);
    const newSessions = [...counts.keys()].filter((session) => !perSession.has(session)).length;
    if (perSession.size + newSessions > limits.maxSessions)
      return { kind: 'refused', reason: `a rehearsal records at most ${limits.maxSessions} page loads` };
    if ([...counts.values()].some((count) => count > limits.maxEventsPerSession)) {
      return { kind: 'refused', reason: `a page records at most ${limits.maxEventsPerSession} events` };
    }
    if (fresh.length > budget) {
      return {
        kind: 'refused',
        reason: 'too many events at once',
        retryAfterSeconds: Math.ceil((fresh.length - budget) / limits.perSecond),
      };
    }
    budget -= fresh.length;
    for (const [session, count] of counts) perSession.set(session, count);
    return undefined;
  };
  const release = (fresh: readonly ClientEvent[]) => {
    for (const event of fresh) {
      writes.delete(`${event.session}:${event.seq}`);
      const left = (perSession.get(event.session) ?? 1) - 1;
      if (left > 0) perSession.set(event.session, left);
      else perSession.delete(event.session);
    }
  };

  return {
    header: options.header,
    get events() {
      return events;
    },
    get finished() {
      return result !== undefined;
    },
    async record(batch) {
      const parsed = clientBatchSchema.safeParse(batch);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new DeckError(ErrorCode.BadInput, `bad rehearsal event: "${issue.path.join('.')}": ${issue.message}`);
      }
      if (result) return { kind: 'recorded', count: 0 };
      const earlier: Promise<void>[] = [];
      const fresh: ClientEvent[] = [];
      const inBatch = new Set<string>();
      for (const event of parsed.data) {
        const key = `${event.session}:${event.seq}`;
        const pending = writes.get(key);
        if (pending)
          earlier.push(pending); // a retry of a batch that did arrive (or is being written)
        else if (!inBatch.has(key)) {
          inBatch.add(key);
          fresh.push(event);
        }
      }
      const refused = reserve(fresh);
      if (refused) return refused;
      const at = clock();
      const recorded = fresh.map((event): RecordedEvent => ({ ...event, at }));
      const write = recorded.length > 0 ? options.journal.write(recorded.map((event) => ({ kind: 'event', ...event }))) : Promise.resolve();
      for (const event of fresh) writes.set(`${event.session}:${event.seq}`, write);
      try {
        await write;
      } catch (error) {
        release(fresh);
        throw error;
      }
      events.push(...recorded);
      // The answer to a retry waits until what it repeats is on disk; if that write failed, so does this answer.
      await Promise.all(earlier);
      return { kind: 'recorded', count: fresh.length };
    },
    finish(by, t) {
      result ??= (async () => {
        const at = clock();
        await options.journal.write([{ kind: 'finish', by, ...(t === undefined ? {} : { t }), at }]);
        return summarize(options.header, events, { by, t, at });
      })();
      return result;
    },
  };
}
