/**
 * Vitest global setup: the default deck built once per run, in each theme, for every test file that opens it in
 * Chromium (tests/visual/*): a build per file and theme took a few seconds each on two busy cores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDeck } from '../../src/render/build.js';
import { writeRendered } from '../../src/render/write.js';

const DEFAULT_DECK_THEMES = ['gpt', 'gpt-dark'] as const;

declare module 'vitest' {
  export interface ProvidedContext {
    /** index.html of the default deck built in each theme, by theme name. */
    defaultDeck: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const out = mkdtempSync(join(tmpdir(), 'deck-default-build-'));
  const slides = join(import.meta.dirname, '..', '..', 'slides');
  const built: Record<string, string> = {};
  for (const theme of DEFAULT_DECK_THEMES) {
    const { rendered } = await buildDeck(slides, { flags: { theme } });
    built[theme] = await writeRendered(join(out, theme), rendered);
  }
  project.provide('defaultDeck', built);
  return () => rmSync(out, { recursive: true, force: true });
}
