/**
 * Starting a headless Chromium and connecting puppeteer-core to it. This is on the hot path of every PDF export,
 * so the process is spawned first, synchronously, and puppeteer-core (about half a second of module loading) is
 * loaded while Chromium starts; `puppeteer.launch` would load it all before spawning anything.
 *
 * Chromium talks to us over a pipe (`--remote-debugging-pipe`), not a port: when our process dies, even by
 * `kill -9`, the pipe closes and Chromium with all its helper processes quits (tests/browser/kill.test.ts counts
 * them). The profile is a fresh temporary `--user-data-dir`, marked with our pid and start time
 * (src/core/owned-temp.ts) so that the next launch clears it if we are killed outright, and removed once the
 * browser process has exited, whether it was closed or crashed; `browser.close()` resolves only after that
 * removal (tests/browser/session.test.ts). No signal handlers are installed here: `withBrowser` handles
 * signals without exiting for the program.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { clearStaleTempDirs, markOwned } from '../core/owned-temp.js';
import { mergeFeatureSwitches } from './features.js';
import { pipeTransport } from './pipe-transport.js';
import { spawnChromium, type ChromiumProcess } from './spawn.js';
import { withTimeout } from './timeout.js';

/** The prefix of our Chromium profile folders in the temporary folder (the one puppeteer-core uses). */
export const PROFILE_PREFIX = 'puppeteer_dev_chrome_profile-';

export interface LaunchBrowserOptions {
  executablePath: string;
  /** How long the browser may take to start, in ms. Default 30 000. */
  timeoutMs?: number;
  logger?: Logger;
  /** More command-line flags, appended after ours. */
  extraArgs?: string[];
  /**
   * The longest one DevTools command may take, in ms (printing a 1000-slide deck is one command). Default
   * Puppeteer's 180 000; an export with a longer --timeout raises it to that.
   */
  protocolTimeoutMs?: number;
}

/**
 * The flags `puppeteer.launch({ headless: true })` of puppeteer-core 24 passes (ChromeLauncher.defaultArgs), so
 * the browser behaves as it did when Puppeteer launched it: no background work, tagged PDFs with an outline, sRGB.
 */
export const AUTOMATION_FLAGS: readonly string[] = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--headless=new',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
];

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

/**
 * Browser-window features that Chromium 156 starts with even headless: the omnibox's WebUI popups, preloaded
 * into a renderer of their own (`--top-chrome-webui`, about 150 MB, a few hundred JavaScript modules parsed)
 * while our page loads on the same cores. A headless export has no omnibox. Turning both off took that renderer
 * away and cut Chromium's CPU time for a 9-slide export to 0.60x (8 alternating rounds; README "Speed");
 * tests/browser/session.test.ts checks that no such renderer starts.
 */
export const IDLE_UI_FEATURES: readonly string[] = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** The flags to launch with. The sandbox cannot run as root, so only then is it turned off. */
export function browserArgs(options: { root: boolean; extraArgs?: string[] }): string[] {
  return [...(options.root ? ['--no-sandbox'] : []), ...BROWSER_FLAGS, ...(options.extraArgs ?? [])];
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
 * puppeteer-core's browser entry: the same `connect` as its Node entry without the launcher and its
 * dependencies (@puppeteer/browsers, proxy-agent, …), which nothing here needs. The Node entry also tells
 * Puppeteer's `environment` to use node:fs, for `page.screenshot({ path })` and `page.pdf({ path })`: done
 * here too (tests/browser/session.test.ts writes a screenshot by path).
 */
async function loadPuppeteer() {
  const [puppeteer, { environment }, fs, path] = await Promise.all([
    import('puppeteer-core/internal/puppeteer-core-browser.js'),
    import('puppeteer-core/internal/environment.js'),
    import('node:fs'),
    import('node:path'),
  ]);
  const browserOnly = environment.value;
  environment.value = {
    fs,
    path,
    get ScreenRecorder() {
      return browserOnly.ScreenRecorder; // page.screencast is not used; this throws as the browser entry's does
    },
  } as typeof environment.value;
  return puppeteer.default;
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

export async function launchBrowser(options: LaunchBrowserOptions): Promise<Browser> {
  const { executablePath, logger } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const profile = mkdtempSync(join(tmpdir(), PROFILE_PREFIX));
  const args = mergeFeatureSwitches([
    ...AUTOMATION_FLAGS,
    `--disable-features=${IDLE_UI_FEATURES.join(',')}`,
    ...browserArgs({ root: process.getuid?.() === 0, extraArgs: options.extraArgs }),
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    'about:blank',
  ]);
  logger?.debug(`launching ${executablePath} ${args.join(' ')}`);
  const started = Date.now();
  const chromium = spawnChromium(executablePath, args);
  // While Chromium starts: mark the profile ours, clear those of killed runs, load puppeteer-core.
  const marked = markOwned(profile).catch((error: Error) => logger?.debug(`cannot mark the profile ${profile}: ${error.message}`));
  const housekeeping = Promise.all([
    marked,
    clearStaleTempDirs(PROFILE_PREFIX).then((stale) => {
      if (stale.length > 0) logger?.debug(`removed ${stale.length} Chromium profile(s) left by killed runs`);
    }),
  ]);
  // Whatever happens from here on, the profile goes once Chromium has exited (and the mark is written, so that
  // writing it cannot leave a folder behind).
  const removed = Promise.all([chromium.exited, marked]).then(() =>
    rm(profile, { recursive: true, force: true, maxRetries: 5 }).catch(() => {}),
  );
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
    await housekeeping;
    logger?.debug(`Chromium started in ${Date.now() - started} ms (pid ${chromium.child.pid ?? '?'})`);
    return adopt(browser, chromium, removed);
  } catch (error) {
    chromium.kill();
    await Promise.all([removed, housekeeping]);
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
