/**
 * Vitest global setup: the run's temporary folder (vitest.config.ts sets TMPDIR for the test files, and so for the
 * CLI runs and Chromium profiles they start) is made first and removed when the run ends, so a run leaves nothing
 * in the system's temporary folder however a test cleans up after itself. The global setups after this one, in
 * this process, use it too.
 *
 * Each worker's Chromium (tests/helpers/chromium.ts) lives as long as its worker and quits when the worker's
 * process ends and its DevTools pipe closes, which can be a moment after the workers are gone: the folder, its
 * profile inside, is removed once no process started with a profile in it is left (or after PROFILE_WAIT_MS).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

/** How long the teardown waits for the workers' Chromium to quit, ms. */
const PROFILE_WAIT_MS = 15_000;

/** Ids of the running processes whose command line names a profile under `root` (Linux's /proc; none elsewhere). */
export function processesUsing(root: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(`--user-data-dir=${root}/`)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

async function whenGone(root: string): Promise<void> {
  const deadline = Date.now() + PROFILE_WAIT_MS;
  while (processesUsing(root).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

export default function setup(project: TestProject): () => Promise<void> {
  const root = project.config.env.TMPDIR;
  if (!root) throw new Error('vitest.config.ts sets no TMPDIR for the run');
  mkdirSync(root, { recursive: true });
  process.env.TMPDIR = root;
  return async () => {
    await whenGone(root);
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
