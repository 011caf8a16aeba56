/**
 * Vitest global setup: one Chromium for the whole run. Test files connect to it over its DevTools WebSocket
 * (tests/helpers/chromium.ts) and each works in a browser context of its own, instead of each launching a
 * Chromium of its own (18 launches a run, a second or more of two busy cores each).
 *
 * It is launched as the export launches it (src/browser/launch.ts: same flags, pipe connection kept by this
 * process, profile removed after) and, besides, listens on a port chosen by Chromium (port 0), which it writes to
 * DevToolsActivePort in its profile. Tests about launching, crashing or killing a browser still launch their own.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { closeBrowser, findBrowser, launchBrowser } from '../../src/browser/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's shared Chromium: its DevTools WebSocket URL. */
    chromiumEndpoint: string;
  }
}

/** How long Chromium may take to write its port after the pipe connected (it writes it while starting). */
const PORT_FILE_TIMEOUT_MS = 30_000;

/** ws://127.0.0.1:<port><path> from the profile's DevToolsActivePort (first line the port, second the path). */
async function readEndpoint(profile: string): Promise<string> {
  const file = join(profile, 'DevToolsActivePort');
  const deadline = Date.now() + PORT_FILE_TIMEOUT_MS;
  for (;;) {
    const [port, path] = await readFile(file, 'utf8').then(
      (text) => text.split('\n').map((line) => line.trim()),
      () => [],
    );
    if (port && path) return `ws://127.0.0.1:${port}${path}`;
    if (Date.now() > deadline) throw new Error(`the shared Chromium wrote no ${file} within ${PORT_FILE_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const found = await findBrowser({});
  const browser = await launchBrowser({
    executablePath: found.path,
    timeoutMs: 120_000,
    extraArgs: ['--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1'],
  });
  try {
    const profile = browser
      .process()
      ?.spawnargs.find((arg) => arg.startsWith('--user-data-dir='))
      ?.slice('--user-data-dir='.length);
    if (!profile) throw new Error('the shared Chromium was launched without a --user-data-dir');
    project.provide('chromiumEndpoint', await readEndpoint(profile));
  } catch (error) {
    await closeBrowser(browser);
    throw error;
  }
  return () => closeBrowser(browser);
}
