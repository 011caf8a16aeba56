/**
 * The rehearsal's data: what the page reports, what the journal holds line by line, and the saved rehearsal.
 * Times from the page are epoch milliseconds with sub-millisecond precision (performance.timeOrigin +
 * performance.now()), so they stay on one monotonic clock across reloads of the page on the same device.
 */
import { z } from 'zod';

const index = z.number().int().min(0).max(100_000);
/**
 * A moment, epoch ms, between 2000 and 2200: wide for any clock, narrow enough that sums and offsets of two of
 * them stay inside what `Date` can show (a time like 1e300 made the report throw "Invalid time value").
 */
const moment = z.number().finite().min(946_684_800_000).max(7_258_118_400_000);

export const EVENT_TYPES = ['ready', 'slide', 'fragment', 'paused', 'resumed', 'hidden'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One event from the in-page client: where the deck is, and when. */
export const clientEventSchema = z
  .object({
    type: z.enum(EVENT_TYPES),
    /** Page time, epoch ms. */
    t: moment,
    h: index,
    v: index,
    /** Fragment index shown, -1 for none. */
    f: z.number().int().min(-1).max(100_000),
    /** The <section>'s id ("slide-3", "slide-12-2"). */
    id: z.string().max(200),
    /** Which page sent it (a random id per page load) and its sequence number there. */
    session: z.string().max(64),
    seq: z.number().int().min(0),
  })
  .strict();

export type ClientEvent = z.infer<typeof clientEventSchema>;

/** A batch as the page posts it. */
export const clientBatchSchema = z.array(clientEventSchema).min(1).max(500);

export const finishSchema = z.object({ t: moment.optional() }).strict();

/** What the page is told after its Finish: the saved file (relative to where `deck rehearse` runs), a summary, the report. */
export interface FinishAnswer {
  readonly file?: string;
  readonly summary: string;
  /** The report's file, and where the page opens it (add the token): `/_rehearse/report`, src/rehearse/routes.ts. */
  readonly reportFile?: string;
  readonly report?: string;
}

/** A recorded event: the client's, plus when the server received it (epoch ms, server clock). */
export interface RecordedEvent extends ClientEvent {
  readonly at: number;
}

export interface PlannedSlideInfo {
  readonly id: string;
  readonly title: string;
  readonly index: number;
  readonly h: number;
  readonly v: number;
  /** Planned seconds and where the plan came from. */
  readonly planned: number;
  readonly source: string;
}

/** The first line of a journal: which deck, and the plan at the start. */
export interface JournalHeader {
  readonly kind: 'header';
  readonly version: 1;
  /** The deck's name (folder or file name without .md) and its input path as given. */
  readonly deck: string;
  readonly input: string;
  /** Server time the rehearsal started, epoch ms; the recording process's pid (a live one is not recovered). */
  readonly startedAt: number;
  readonly pid: number;
  /** When that process started (src/core/process-identity.ts), so that its pid reused by another is not taken for it. */
  readonly pidStart?: string;
  readonly plan: readonly PlannedSlideInfo[];
}

export type EndedBy = 'button' | 'signal' | 'interrupted';

export interface JournalFinish {
  readonly kind: 'finish';
  readonly by: EndedBy;
  /** End on the page's clock when the page said so (the button); else undefined. */
  readonly t?: number;
  /** Server time. */
  readonly at: number;
}

export type JournalLine = JournalHeader | ({ readonly kind: 'event' } & RecordedEvent) | JournalFinish;

const plannedSlideSchema = z.object({
  id: z.string().max(200),
  title: z.string().max(10_000),
  index: z.number().int().min(0),
  h: index,
  v: index,
  planned: z.number().finite().min(0).max(1_000_000),
  source: z.string().max(100),
});

/** Every line of a journal is checked against these when it is read back (a file on disk is outside input too). */
export const journalHeaderSchema = z.object({
  kind: z.literal('header'),
  version: z.literal(1),
  deck: z.string(),
  input: z.string(),
  startedAt: z.number().finite().min(0).max(8.64e15),
  pid: z.number().int().positive(),
  pidStart: z.string().max(200).optional(),
  plan: z.array(plannedSlideSchema).max(100_000),
});

export const journalEventSchema = clientEventSchema.extend({ kind: z.literal('event'), at: moment });

export const journalFinishSchema = z.object({
  kind: z.literal('finish'),
  by: z.enum(['button', 'signal', 'interrupted']),
  t: moment.optional(),
  at: moment,
});

export interface RehearsedSlide extends PlannedSlideInfo {
  /** Seconds spent on the slide (all visits), and how many visits. */
  readonly actual: number;
  readonly visits: number;
  /** Seconds after entering the slide (first visit) at which each fragment step was shown. */
  readonly fragments: readonly number[];
}

/** A saved rehearsal: `rehearsals/<deck>-<timestamp>.json`. */
export interface Rehearsal {
  readonly version: 1;
  readonly deck: string;
  readonly input: string;
  /** ISO times of the first recorded event and of the end. */
  readonly startedAt: string;
  readonly finishedAt: string;
  /** False when the rehearsal was interrupted (crash, closed tab) and recovered from its journal. */
  readonly complete: boolean;
  readonly endedBy: EndedBy;
  /** Seconds: the plan's total, and the time from the first event to the end (pauses excluded). */
  readonly planned: number;
  readonly actual: number;
  /** Seconds spent paused (reveal.js's pause, key B), not counted in `actual`. */
  readonly paused: number;
  readonly slides: readonly RehearsedSlide[];
  readonly events: readonly RecordedEvent[];
}

const rehearsedSlideSchema = z.object({
  id: z.string(),
  title: z.string(),
  index: z.number(),
  h: z.number(),
  v: z.number(),
  planned: z.number(),
  source: z.string(),
  actual: z.number(),
  visits: z.number(),
  fragments: z.array(z.number()),
});

/** For reading saved rehearsals back (the report's trend, --apply). */
export const rehearsalSchema = z.object({
  version: z.literal(1),
  deck: z.string(),
  input: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  complete: z.boolean(),
  endedBy: z.enum(['button', 'signal', 'interrupted']),
  planned: z.number(),
  actual: z.number(),
  paused: z.number(),
  slides: z.array(rehearsedSlideSchema),
  events: z.array(z.any()),
});
