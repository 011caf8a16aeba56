/**
 * A test file's Chromium: the vitest worker's browser, lent to one file at a time and handed back in its afterAll.
 *
 * vitest runs two workers (vitest.config.ts: maxWorkers 2, isolate false), each running file after file in one
 * process, so each worker keeps one Chromium for its life instead of one launch per file: a launch costs its own
 * CPU, and a fresh profile loads reveal.js's scripts cold (V8's code cache is warm only in a browser that has
 * loaded them before). The browser dies with the worker: it is on the DevTools pipe, which closes when the
 * worker's process ends (src/browser/launch.ts; tests/browser/kill.test.ts), and the run's temporary folder with
 * its profile is removed after it has gone (tests/helpers/temp-root.setup.ts). (One Chromium for the whole run,
 * used by both workers at once, was tried and taken out: two files' pages contended in one browser under load.)
 *
 * Handing it back closes every page and browser context the file left open and clears the storage (cookies,
 * localStorage) of every origin its pages visited, so the next file finds the browser as a fresh launch leaves
 * it, its caches aside. A file that asks for a second browser while it holds the worker's gets one of its own.
 * The `deck` runs a test spawns use the worker's browser too, each in a browser context of its own (workerBrowserUrl).
 */
import { expect } from 'vitest';
import { closeBrowser as closeOwnBrowser, findBrowser, launchBrowser, type Browser } from '../../src/browser/index.js';
import { closePage } from '../../src/browser/close-page.js';
import { devToolsUrl, launchWithDevToolsPort } from './devtools-url.js';

/** The worker's Chromium and who holds it. */
interface WorkerChromium {
  launching?: Promise<Browser>;
  lease?: Lease;
}

/** One file's use of the worker's browser. */
interface Lease {
  /** Unset while the worker's browser is being launched. */
  browser?: Browser;
  file: string | undefined;
  /** Origins the file's pages visited, whose storage is cleared when the browser is handed back. */
  origins: Set<string>;
  stopWatching: () => void;
}

/** How long handing the browser back may take before the worker's browser is given up and closed, ms. */
const RELEASE_MS = 20_000;

/** The worker process's one slot (a test file's own module state does not outlive the file under isolate false). */
function workerChromium(): WorkerChromium {
  const holder = globalThis as { [WORKER_CHROMIUM]?: WorkerChromium };
  holder[WORKER_CHROMIUM] ??= {};
  return holder[WORKER_CHROMIUM];
}
const WORKER_CHROMIUM = Symbol.for('gpt-deck.tests.worker-chromium');

async function launchOwn(): Promise<Browser> {
  const found = await findBrowser({});
  return launchBrowser({ executablePath: found.path });
}

/**
 * The worker's browser also listens for DevTools on a free loopback port: the CLI runs the tests spawn connect to
 * it (`DECK_BROWSER_URL`, tests/cli/run.ts) instead of each launching a Chromium of their own.
 */
function launchWorker(): Promise<Browser> {
  return launchWithDevToolsPort();
}

/** The worker's browser, launched on first use, or again if it has gone. */
async function workerBrowser(worker: WorkerChromium): Promise<Browser> {
  const browser = await (worker.launching ??= launchWorker());
  if (browser.connected) return browser;
  worker.launching = launchWorker();
  return worker.launching;
}

/**
 * The DevTools URL of the worker's browser, for the `deck` runs a test spawns (tests/cli/run.ts passes it as
 * DECK_BROWSER_URL). It is not leased: each run works in a browser context of its own and closes it when done
 * (src/browser/connect.ts), beside the pages of whichever file holds the browser.
 */
export async function workerBrowserUrl(): Promise<string> {
  return devToolsUrl(await workerBrowser(workerChromium()));
}

/**
 * The origin whose storage Storage.clearDataForOrigin clears for a page at this URL: http(s) only (the pages the
 * test servers serve, where the presenter view keeps its settings; Chromium answers `file://` with an internal
 * error, and no page of ours keeps anything there).
 */
export function storageOrigin(url: string): string | undefined {
  if (!/^https?:/.test(url)) return undefined;
  return new URL(url).origin;
}

function watchOrigins(browser: Browser, origins: Set<string>): () => void {
  const note = (target: { url(): string }): void => {
    const origin = storageOrigin(target.url());
    if (origin) origins.add(origin);
  };
  browser.on('targetcreated', note);
  browser.on('targetchanged', note);
  return () => {
    browser.off('targetcreated', note);
    browser.off('targetchanged', note);
  };
}

function currentTestFile(): string | undefined {
  try {
    return expect.getState().testPath;
  } catch {
    return undefined;
  }
}

/**
 * The file's browser: the worker's (launched on first use), or a browser of its own when the file already holds
 * the worker's. Hand it back with closeBrowser in afterAll.
 */
export async function startChromium(): Promise<Browser> {
  const worker = workerChromium();
  const file = currentTestFile();
  // A file that ended without handing the browser back: its pages go now, before the next file uses it.
  if (worker.lease && worker.lease.file !== file) await release(worker);
  if (worker.lease) return launchOwn();
  const lease: Lease = { file, origins: new Set(), stopWatching: () => {} };
  worker.lease = lease;
  try {
    const browser = await workerBrowser(worker);
    lease.browser = browser;
    lease.stopWatching = watchOrigins(browser, lease.origins);
    return browser;
  } catch (error) {
    worker.lease = undefined;
    worker.launching = undefined;
    throw error;
  }
}

/** Closes what the file left open in the worker's browser and clears its storage; gives the browser up if that fails. */
async function release(worker: WorkerChromium): Promise<void> {
  const lease = worker.lease;
  worker.lease = undefined;
  if (!lease?.browser) return;
  const { browser } = lease;
  lease.stopWatching();
  if (!browser.connected) {
    worker.launching = undefined;
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), RELEASE_MS);
  });
  const cleaning = (async () => {
    const contexts = browser.browserContexts().filter((context) => context !== browser.defaultBrowserContext());
    await Promise.all(contexts.map((context) => context.close()));
    const browserSession = await browser.target().createCDPSession();
    await browserSession.send('Storage.clearCookies', {}).finally(() => browserSession.detach().catch(() => {}));
    const pages = await browser.pages();
    for (const page of pages) {
      const origin = storageOrigin(page.url());
      if (origin) lease.origins.add(origin);
    }
    if (lease.origins.size > 0) {
      // Chromium clears an origin's storage from a page's session only (the browser's answers "Internal error").
      const blank = await browser.newPage();
      pages.push(blank);
      const session = await blank.createCDPSession();
      const storageTypes = 'local_storage,indexeddb,service_workers,cache_storage,websql,file_systems';
      await Promise.all([...lease.origins].map((origin) => session.send('Storage.clearDataForOrigin', { origin, storageTypes })));
    }
    await Promise.all(pages.map((page) => closePage(browser, page)));
    return 'clean' as const;
  })().catch(() => 'failed' as const);
  const outcome = await Promise.race([cleaning, timedOut]);
  clearTimeout(timer);
  if (outcome !== 'clean') {
    worker.launching = undefined;
    await closeOwnBrowser(browser);
  }
}

/** Hands the worker's browser back (see release), or closes a browser of the file's own. */
export async function closeBrowser(browser: Browser): Promise<void> {
  const worker = workerChromium();
  if (worker.lease?.browser === browser) return release(worker);
  if (browser !== (await worker.launching?.catch(() => undefined))) await closeOwnBrowser(browser);
}

export type { Browser };
