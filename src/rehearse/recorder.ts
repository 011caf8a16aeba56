/**
 * The recorder: takes the page's events, stamps them with the server's time, appends them to the journal, and
 * on finish turns them into a rehearsal. The clock and the journal are given, so it can be driven in tests.
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

export interface RecorderOptions {
  readonly header: JournalHeader;
  readonly journal: { append(line: JournalLine): Promise<void> };
  /** Server time, epoch ms. */
  readonly clock?: () => number;
}

export interface Recorder {
  readonly header: JournalHeader;
  /** Record a batch as posted by the page (validated here). Returns how many new events were recorded. */
  record(batch: unknown): Promise<number>;
  /** End the rehearsal (once; later calls return the same result). */
  finish(by: EndedBy, t?: number): Promise<Rehearsal>;
  readonly events: readonly RecordedEvent[];
  readonly finished: boolean;
}

export function createRecorder(options: RecorderOptions): Recorder {
  const clock = options.clock ?? Date.now;
  const events: RecordedEvent[] = [];
  const seen = new Set<string>();
  let result: Promise<Rehearsal> | undefined;
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
      if (result) return 0;
      const at = clock();
      const fresh = parsed.data.filter((event: ClientEvent) => {
        const key = `${event.session}:${event.seq}`;
        if (seen.has(key)) return false; // a retry of a batch that did arrive
        seen.add(key);
        return true;
      });
      for (const event of fresh) {
        const recorded: RecordedEvent = { ...event, at };
        events.push(recorded);
        await options.journal.append({ kind: 'event', ...recorded });
      }
      return fresh.length;
    },
    finish(by, t) {
      result ??= (async () => {
        const at = clock();
        await options.journal.append({ kind: 'finish', by, ...(t === undefined ? {} : { t }), at });
        return summarize(options.header, events, { by, t, at });
      })();
      return result;
    },
  };
}
