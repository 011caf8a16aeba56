/**
 * Vitest global setup: the run's temporary folder (vitest.config.ts sets TMPDIR for the test files, and so for the
 * CLI runs and Chromium profiles they start) is made first and removed when the run ends, so a run leaves nothing
 * in the system's temporary folder however a test cleans up after itself. The global setups after this one, in
 * this process, use it too.
 */
import { mkdirSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const root = project.config.env.TMPDIR;
  if (!root) throw new Error('vitest.config.ts sets no TMPDIR for the run');
  mkdirSync(root, { recursive: true });
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
