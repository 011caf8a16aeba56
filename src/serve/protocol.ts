import { z } from 'zod';
import type { DeckPacing } from '../core/pacing.js';

/** What a page says it is. Only `deck`, `presenter` and `remote` with the right token may drive. */
export const CLIENT_ROLES = ['deck', 'presenter', 'remote', 'receiver', 'audience'] as const;
export type ClientRole = (typeof CLIENT_ROLES)[number];

/** What the audience sees: the slides, or a black or white screen (the presenter's B and W keys). */
export const SCREEN_MODES = ['slides', 'black', 'white'] as const;
export type ScreenMode = (typeof SCREEN_MODES)[number];

/** What the presenter may do to the talk clock. `reset` stops it at 0:00 (the page asks for a confirmation first). */
export const CLOCK_ACTIONS = ['start', 'pause', 'resume', 'reset'] as const;
export type ClockAction = (typeof CLOCK_ACTIONS)[number];

const index = z.number().int().min(0).max(100_000);

/** Every message a client may send. Anything else is dropped. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), role: z.enum(CLIENT_ROLES), token: z.string().max(512).optional() }).strict(),
  z.object({ type: z.literal('navigate'), h: index, v: index, f: z.number().int().min(-1).max(100_000) }).strict(),
  z.object({ type: z.literal('timer'), action: z.enum(CLOCK_ACTIONS) }).strict(),
  z.object({ type: z.literal('screen'), mode: z.enum(SCREEN_MODES) }).strict(),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;

/**
 * The talk clock, kept by the server so every page shows the same time. Elapsed talk time at server time `now`
 * is `(pausedAt ?? now) - startedAt - pausedMs` (0 before the start).
 */
export interface ClockState {
  /** When the talk started, epoch ms; null before Start (or the first move). */
  readonly startedAt: number | null;
  /** When the clock was paused, epoch ms; null while it runs. */
  readonly pausedAt: number | null;
  /** Total time spent paused before `pausedAt`, ms. */
  readonly pausedMs: number;
}

/** Where the presenter is: reveal.js indices (f = -1 when no fragment is shown). */
export interface SlideState {
  readonly h: number;
  readonly v: number;
  readonly f: number;
  /** When the presenter got there, epoch ms. */
  readonly at: number;
  /** Talk time on the clock when the presenter got there, ms (the slide's own time is elapsed minus this). */
  readonly clockAt: number;
}

/**
 * Where the talk is, as a page is told it: `clockAt` (the talk time when the presenter got there) only for token
 * holders, null for everyone else, as the talk clock itself: the speaker's, not the audience's.
 */
export type SentSlideState = Omit<SlideState, 'clockAt'> & { readonly clockAt: number | null };

/** A build error as the presenter's pages show it (audience pages are never told). */
export interface BuildErrorInfo {
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly hint?: string;
  /** The whole text as the terminal prints it. */
  readonly text: string;
}

/** One slide's speaker part, the slides numbered 1..N in the order they are shown (index 0 = slide 1). */
export interface SlideNotes {
  /** The slide's id attribute ('' without one). */
  readonly id: string;
  /** Notes HTML; notes inside a fragment are wrapped in `<div data-step="k">` (k = the fragment's step, from 1). */
  readonly html: string;
  /** The slide's planned time (its data-timing), seconds; null without one. */
  readonly timing: number | null;
}

/** GET /_deck/notes.json?token=… (src/serve/notes-route.ts): what the audience's page does not carry (src/serve/notes.ts). */
export interface NotesPayload {
  readonly build: number;
  /** Each slide's notes and planned time. */
  readonly slides: readonly SlideNotes[];
  /** The deck's pacing options, as reveal.js would read them from its config. */
  readonly pacing: DeckPacing;
}

export type ServerMessage =
  | {
      type: 'welcome';
      role: ClientRole;
      presenter: boolean;
      state: SentSlideState | null;
      /** The talk clock: only for token holders; null for everyone else. */
      clock: ClockState | null;
      screen: ScreenMode;
      now: number;
      build: number;
      /**
       * The digest of the deck being served (src/serve/builder.ts): a page that reconnects (the server was
       * restarted) and was built from another reloads, since build numbers start again with every run.
       */
      deck: string;
      /** Only for token holders; null for everyone else. */
      error: BuildErrorInfo | null;
    }
  /** `clock` and `clockAt` only for token holders (null for everyone else). */
  | ({ type: 'state'; clock: ClockState | null; now: number } & SentSlideState)
  /** The talk clock changed: sent to token holders only. */
  | { type: 'timer'; clock: ClockState; now: number }
  | { type: 'screen'; mode: ScreenMode }
  | { type: 'reload'; build: number; hard: boolean; deck: string }
  | { type: 'css'; build: number; href: string }
  /**
   * The notes or the timing plan changed and the page did not: token holders fetch /_deck/notes.json again. Never
   * sent to the audience (src/serve/hub.ts).
   */
  | { type: 'notes' }
  | { type: 'error'; error: BuildErrorInfo | null }
  | { type: 'denied'; reason: string };

/** Parse one incoming frame; undefined when it is not a valid message. */
export function parseClientMessage(data: unknown): ClientMessage | undefined {
  if (typeof data !== 'string') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return undefined;
  }
  const parsed = clientMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
