/**
 * Connecting puppeteer-core to a Chromium we started (start.ts), and launching one (start, then connect). This is
 * on the hot path of every PDF export, so the process is spawned first, synchronously, and puppeteer-core (about
 * half a second of module loading) is loaded while Chromium starts; `puppeteer.launch` would load it all before
 * spawning anything. `deck pdf` starts Chromium even earlier, first thing in its action, and connects here later.
 *
 * Chromium talks to us over a pipe (`--remote-debugging-pipe`), not a port: when our process dies, even by
 * `kill -9`, the pipe closes and Chromium with all its helper processes quits (tests/browser/kill.test.ts counts
 * them). Its temporary profile is removed once the browser process has exited, whether it was closed or crashed;
 * `browser.close()` resolves only after that removal (tests/browser/session.test.ts). No signal handlers are
 * installed here: `withBrowser` handles signals without exiting for the program.
 */
import type { Browser } from 'puppeteer-core';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { loadPuppeteer } from './puppeteer.js';
import { pipeTransport } from './pipe-transport.js';
import { matchFullChromiumFonts, NO_FONTCONFIG_WARNING } from './shell-fonts.js';
import type { ChromiumProcess } from './spawn.js';
import { startChromium, type StartedChromium } from './start.js';
import { withTimeout } from './timeout.js';

export { AUTOMATION_FLAGS, BROWSER_FLAGS, IDLE_UI_FEATURES, browserArgs } from './flags.js';
export { PROFILE_PREFIX } from './start.js';

export interface ConnectBrowserOptions {
  /** How long the browser may take to start, in ms. Default 30 000. */
  timeoutMs?: number;
  logger?: Logger;
  /**
   * The longest one DevTools command may take, in ms (printing a 1000-slide deck is one command). Default
   * Puppeteer's 180 000; an export with a longer --timeout raises it to that.
   */
  protocolTimeoutMs?: number;
}

export interface LaunchBrowserOptions extends ConnectBrowserOptions {
  executablePath: string;
  /** More command-line flags, appended after ours. */
  extraArgs?: string[];
}

/**
 * What the user reads when Chromium does not start: what it wrote to stderr if it ended (a missing library, a
 * bad flag; a running Chromium's stderr is only noise), else how the start failed.
 */
function launchFailureReason(chromium: ChromiumProcess, error: unknown, timeoutMs: number): string {
  const ended = chromium.child.exitCode !== null || chromium.child.signalCode !== null;
  const stderr = chromium.stderrTail();
  if (ended && stderr) return stderr;
  if (error instanceof DeckError && error.code === ErrorCode.Timeout) return `it did not start within ${timeoutMs} ms`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'unknown error';
}

/** Rejects when Chromium ends before the connection is made (it could not start). */
async function failedStart(chromium: ChromiumProcess): Promise<never> {
  const exit = await chromium.exited;
  throw exit.error ?? new Error(`it exited with ${exit.signal ?? `code ${exit.code}`} while starting`);
}

/**
 * A browser reached through `connect` closes only its connection and knows no process. Make it behave as a
 * launched one, as every caller expects: `process()` is the Chromium we spawned, and `close()` ends that process
 * and resolves once it has exited and its profile is removed. The profile is thrown away, so there is nothing
 * for Chromium to save on the way out: the whole process group is killed at once instead of asking it to shut
 * down, which on a loaded machine took a second of every export.
 */
function adopt(browser: Browser, chromium: ChromiumProcess, removed: Promise<void>): Browser {
  const closeConnection = browser.disconnect.bind(browser);
  browser.process = () => chromium.child;
  browser.close = async () => {
    chromium.kill();
    await Promise.all([closeConnection().catch(() => {}), removed]);
  };
  return browser;
}

/**
 * Connect to a Chromium started by `startChromium`. From then on the returned browser owns it: `close()` ends it
 * and removes its profile. When it cannot be reached (it exited, or did not answer in time), it is discarded and
 * the error is `DeckError(BrowserNotFound)` with the reason Chromium gave.
 */
export async function connectChromium(started: StartedChromium, options: ConnectBrowserOptions = {}): Promise<Browser> {
  const { executablePath, chromium } = started;
  const logger = options.logger;
  const timeoutMs = options.timeoutMs ?? 30_000;
  try {
    const puppeteer = await loadPuppeteer();
    const connecting = puppeteer.connect({
      transport: pipeTransport(chromium.toBrowser, chromium.fromBrowser),
      protocolTimeout: options.protocolTimeoutMs ?? 180_000,
    });
    connecting.catch(() => {}); // a failed start is reported by the race below
    // The browser entry's declarations are the same classes as the package's bundled types, declared twice.
    const browser = (await withTimeout(
      Promise.race([connecting, failedStart(chromium)]),
      timeoutMs,
      'starting Chromium',
    )) as unknown as Browser;
    await started.housekeeping;
    if ((await matchFullChromiumFonts(browser)) === 'no-fontconfig') logger?.warn(NO_FONTCONFIG_WARNING);
    logger?.debug(`Chromium started in ${Math.round(performance.now() - started.spawnedAt)} ms (pid ${chromium.child.pid ?? '?'})`);
    return adopt(browser, chromium, started.removed);
  } catch (error) {
    await started.discard();
    throw new DeckError(
      ErrorCode.BrowserNotFound,
      `Chromium at ${executablePath} would not start: ${launchFailureReason(chromium, error, timeoutMs)}`,
      {
        cause: error,
        hint: 'check that it runs (`<path> --headless --version`), or pass --browser PATH / set CHROME_PATH to another Chromium or Chrome',
      },
    );
  }
}

export async function launchBrowser(options: LaunchBrowserOptions): Promise<Browser> {
  return connectChromium(startChromium(options), options);
}
