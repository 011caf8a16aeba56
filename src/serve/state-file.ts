/**
 * The serve state file: the token, the port, the talk clock, the slide and the screen of one deck, so a restarted
 * `deck serve` of the same deck takes up the talk where it was and every open presenter/remote URL keeps working.
 * One file per deck under the user's state folder, readable by the user only (0600 in a 0700 folder).
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../core/log.js';
import { SCREEN_MODES } from './protocol.js';
import type { TalkState } from './hub.js';

export interface SavedServe {
  readonly deck: string;
  readonly token: string;
  readonly port: number;
  readonly talk: TalkState;
}

const epoch = z.number().finite().nonnegative();
const savedSchema = z.object({
  version: z.literal(1),
  deck: z.string(),
  token: z.string().min(8).max(256),
  port: z.number().int().min(0).max(65535),
  talk: z.object({
    slide: z
      .object({ h: z.number().int().min(0), v: z.number().int().min(0), f: z.number().int().min(-1), at: epoch, clockAt: epoch })
      .nullable(),
    clock: z.object({ startedAt: epoch.nullable(), pausedAt: epoch.nullable(), pausedMs: epoch }),
    screen: z.enum(SCREEN_MODES),
  }),
});

/** The state file of a deck: $XDG_STATE_HOME/gpt-deck (else ~/.local/state/gpt-deck)/serve-<name>-<hash>.json. */
export function stateFileFor(deck: string, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const stateHome = env.XDG_STATE_HOME;
  const root = stateHome?.startsWith('/') ? stateHome : join(home, '.local', 'state');
  const absolute = resolve(deck);
  const hash = createHash('sha256').update(absolute).digest('hex').slice(0, 16);
  const name =
    basename(absolute)
      .replace(/[^\w.-]+/g, '_')
      .slice(0, 40) || 'deck';
  return join(root, 'gpt-deck', `serve-${name}-${hash}.json`);
}

/** The saved state for this deck, or undefined (none yet, another deck's, or unreadable: said at debug level). */
export async function loadServeState(file: string, deck: string, logger: Logger): Promise<SavedServe | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = savedSchema.parse(JSON.parse(text));
    if (parsed.deck !== resolve(deck)) return undefined;
    return { deck: parsed.deck, token: parsed.token, port: parsed.port, talk: parsed.talk };
  } catch (error) {
    logger.warn(`ignoring the unreadable serve state ${file}: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/** Writes the state, the latest first: a write asked for while one runs is merged into the next one. */
export interface StateWriter {
  save(state: SavedServe): void;
  /** Resolves when everything asked for is written. */
  flush(): Promise<void>;
}

export function createStateWriter(file: string, logger: Logger): StateWriter {
  let pending: SavedServe | undefined;
  let running: Promise<void> | undefined;
  const write = async (state: SavedServe) => {
    const dir = dirname(file);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
    const temp = join(dir, `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      const handle = await open(temp, 'w', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify({ version: 1, ...state }, null, 2)}\n`);
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  };
  const drain = async () => {
    while (pending) {
      const next = pending;
      pending = undefined;
      try {
        await write(next);
      } catch (error) {
        logger.warn(`cannot save the serve state to ${file}: ${(error as Error).message}`);
      }
    }
    running = undefined;
  };
  return {
    save(state) {
      pending = state;
      running ??= drain();
    },
    flush: async () => {
      while (running) await running;
    },
  };
}
