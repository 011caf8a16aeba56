/**
 * Starting the Chromium process with its temporary profile, before anything connects to it (launch.ts connects).
 * `deck pdf` starts it first thing in its action, before the export, the renderer and puppeteer-core load, so
 * Chromium's own start-up runs while they load (docs/speed.md). Nothing of puppeteer-core is loaded here.
 *
 * The profile is a fresh temporary `--user-data-dir`, marked with our pid and start time (src/core/owned-temp.ts)
 * so that the next start clears it if we are killed outright, and removed once Chromium has exited, whether it
 * was closed, crashed or never connected to (`discard`).
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../core/log.js';
import { clearStaleTempDirs, markOwned } from '../core/owned-temp.js';
import { findBrowser, type FindBrowserOptions } from './find.js';
import { chromiumArgs } from './flags.js';
import { spawnChromium, type ChromiumProcess } from './spawn.js';

/** The prefix of our Chromium profile folders in the temporary folder (the one puppeteer-core uses). */
export const PROFILE_PREFIX = 'puppeteer_dev_chrome_profile-';

/** A Chromium spawned with our flags and its own profile, not yet (or no longer) connected to. */
export interface StartedChromium {
  readonly executablePath: string;
  readonly chromium: ChromiumProcess;
  /** `performance.now()` when it was spawned. */
  readonly spawnedAt: number;
  /** The profile marked as ours and the profiles of killed runs cleared (never rejects). */
  readonly housekeeping: Promise<void>;
  /** Chromium has exited and its profile is removed (never rejects). */
  readonly removed: Promise<void>;
  /**
   * Kill Chromium if it still runs, and resolve once its profile is removed. For a start nobody connected to (the
   * command failed before its export began); harmless after a connected browser was closed, and when repeated.
   */
  discard(): Promise<void>;
}

export interface StartChromiumOptions {
  executablePath: string;
  /** More command-line flags, appended after ours. */
  extraArgs?: string[];
  logger?: Logger;
}

export function startChromium(options: StartChromiumOptions): StartedChromium {
  const { executablePath, logger } = options;
  const profile = mkdtempSync(join(tmpdir(), PROFILE_PREFIX));
  const args = chromiumArgs({ profile, root: process.getuid?.() === 0, extraArgs: options.extraArgs });
  logger?.debug(`launching ${executablePath} ${args.join(' ')}`);
  const spawnedAt = performance.now();
  const chromium = spawnChromium(executablePath, args);
  // While Chromium starts: mark the profile ours and clear those of killed runs.
  const marked = markOwned(profile).catch((error: Error) => logger?.debug(`cannot mark the profile ${profile}: ${error.message}`));
  const housekeeping = Promise.all([
    marked,
    clearStaleTempDirs(PROFILE_PREFIX).then((stale) => {
      if (stale.length > 0) logger?.debug(`removed ${stale.length} Chromium profile(s) left by killed runs`);
    }),
  ]).then(() => undefined);
  // Whatever happens from here on, the profile goes once Chromium has exited (and the mark is written, so that
  // writing it cannot leave a folder behind).
  const removed = Promise.all([chromium.exited, marked]).then(() =>
    rm(profile, { recursive: true, force: true, maxRetries: 5 }).catch(() => {}),
  );
  return {
    executablePath,
    chromium,
    spawnedAt,
    housekeeping,
    removed,
    async discard() {
      chromium.kill();
      await Promise.all([removed, housekeeping]);
    },
  };
}

/**
 * Find the browser as `withBrowser` would and start it, for a command that will certainly need it. Undefined when
 * none is found or it cannot be started: the export's own launch then reports that, with the same error and exit
 * status as without this early start.
 */
export async function startFoundChromium(find: FindBrowserOptions, logger?: Logger): Promise<StartedChromium | undefined> {
  try {
    const found = await findBrowser(find);
    logger?.debug(`using ${found.path} (found via ${found.source})`);
    return startChromium({ executablePath: found.path, logger });
  } catch {
    return undefined;
  }
}
