/**
 * Starting a headless Chromium with puppeteer-core. Nothing here waits beyond what the start itself needs:
 * this is on the hot path of every PDF export.
 *
 * Chromium talks to us over a pipe (`pipe: true`), not a port: when our process dies, even by `kill -9`, the
 * pipe closes and Chromium with all its helper processes quits (tests/browser/kill.test.ts counts them).
 * The profile is a fresh temporary `--user-data-dir` that Puppeteer creates (we pass none of our own), and
 * Puppeteer removes it once the browser process has exited, whether it was closed or crashed; `browser.close()`
 * resolves only after that removal. A process killed outright cannot remove it, so each profile is marked with
 * our pid and start time (src/core/owned-temp.ts) and the next launch clears those whose owner is dead.
 * Puppeteer's own SIGINT/SIGTERM/SIGHUP handlers (which would call `process.exit`) are turned off:
 * `withBrowser` handles signals without exiting for the program.
 */
import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { clearStaleTempDirs, markOwned } from '../core/owned-temp.js';

/** The prefix of the profile folders Puppeteer makes in the temporary folder (puppeteer-core's BrowserLauncher). */
export const PROFILE_PREFIX = 'puppeteer_dev_chrome_profile-';

export interface LaunchBrowserOptions {
  executablePath: string;
  /** How long the browser may take to start, in ms. Default 30 000. */
  timeoutMs?: number;
  logger?: Logger;
  /** More command-line flags, appended after ours. */
  extraArgs?: string[];
}

/** Flags for every launch, besides Puppeteer's own defaults (which already include some of these). */
export const BROWSER_FLAGS: readonly string[] = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-extensions',
  '--mute-audio',
  '--font-render-hinting=none',
  '--hide-scrollbars',
];

/** The flags to launch with. The sandbox cannot run as root, so only then is it turned off. */
export function browserArgs(options: { root: boolean; extraArgs?: string[] }): string[] {
  return [...(options.root ? ['--no-sandbox'] : []), ...BROWSER_FLAGS, ...(options.extraArgs ?? [])];
}

/** The useful part of a launch error: Chromium's stderr if Puppeteer captured it, else the first line. */
export function launchFailureReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `it did not start within ${timeoutMs} ms`;
  const message = error instanceof Error ? error.message : String(error);
  const stderr = /\nstderr:\n([\s\S]*?)(?:\nTROUBLESHOOTING:|$)/.exec(message)?.[1];
  const lines = (stderr ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > 0) return lines.slice(-8).join('\n');
  return message.split('\n')[0]?.trim() || 'unknown error';
}

/** The last lines `<browser> --version` writes to stderr (empty when it prints none or runs fine). */
function versionStderr(executablePath: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(executablePath, ['--version'], { timeout: 5_000 }, (_error, _stdout, stderr) => {
      resolve(
        String(stderr)
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .slice(-8)
          .join('\n'),
      );
    });
  });
}

export async function launchBrowser(options: LaunchBrowserOptions): Promise<Browser> {
  const { executablePath, logger } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const args = browserArgs({ root: process.getuid?.() === 0, extraArgs: options.extraArgs });
  logger?.debug(`launching ${executablePath} ${args.join(' ')}`);
  const stale = await clearStaleTempDirs(PROFILE_PREFIX);
  if (stale.length > 0) logger?.debug(`removed ${stale.length} Chromium profile(s) left by killed runs`);
  const started = Date.now();
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      args,
      timeout: timeoutMs,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      waitForInitialPage: false,
    });
    logger?.debug(`Chromium started in ${Date.now() - started} ms (pid ${browser.process()?.pid ?? '?'})`);
    const profile = browser
      .process()
      ?.spawnargs.find((arg) => arg.startsWith('--user-data-dir='))
      ?.slice('--user-data-dir='.length);
    if (profile && basename(profile).startsWith(PROFILE_PREFIX))
      await markOwned(profile).catch((error: Error) => logger?.debug(`cannot mark the profile ${profile}: ${error.message}`));
    return browser;
  } catch (error) {
    // Over a pipe Puppeteer does not read Chromium's stderr, where the reason is (a missing library, a bad flag):
    // ask the executable for its version to get it.
    const reason = launchFailureReason(error, timeoutMs);
    const stderr = /^Protocol error|Target closed/.test(reason) ? await versionStderr(executablePath) : '';
    throw new DeckError(ErrorCode.BrowserNotFound, `Chromium at ${executablePath} would not start: ${stderr || reason}`, {
      cause: error,
      hint: 'check that it runs (`<path> --headless --version`), or pass --browser PATH / set CHROME_PATH to another Chromium or Chrome',
    });
  }
}
