import { z } from 'zod';

/** What a page says it is. Only `deck`, `presenter` and `remote` with the right token may drive. */
export const CLIENT_ROLES = ['deck', 'presenter', 'remote', 'receiver', 'audience'] as const;
export type ClientRole = (typeof CLIENT_ROLES)[number];

const index = z.number().int().min(0).max(100_000);

/** Every message a client may send. Anything else is dropped. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), role: z.enum(CLIENT_ROLES), token: z.string().max(512).optional() }).strict(),
  z.object({ type: z.literal('navigate'), h: index, v: index, f: z.number().int().min(-1).max(100_000) }).strict(),
  z.object({ type: z.literal('timer'), action: z.literal('reset') }).strict(),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** Where the presenter is: reveal.js indices (f = -1 when no fragment is shown). */
export interface SlideState {
  readonly h: number;
  readonly v: number;
  readonly f: number;
  /** When the presenter got there, epoch ms. */
  readonly at: number;
}

/** A build error as pages show it. */
export interface BuildErrorInfo {
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly hint?: string;
  /** The whole text as the terminal prints it. */
  readonly text: string;
}

export type ServerMessage =
  | {
      type: 'welcome';
      role: ClientRole;
      presenter: boolean;
      state: SlideState | null;
      startedAt: number | null;
      now: number;
      build: number;
      error: BuildErrorInfo | null;
    }
  | { type: 'state'; h: number; v: number; f: number; at: number; startedAt: number | null; now: number }
  | { type: 'timer'; startedAt: number | null; now: number }
  | { type: 'reload'; build: number; hard: boolean }
  | { type: 'css'; build: number; href: string }
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
