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
  // Both themes at once: the run's files wait for this setup.
  const built = Object.fromEntries(
    await Promise.all(
      DEFAULT_DECK_THEMES.map(async (theme) => {
        const { rendered } = await buildDeck(slides, { flags: { theme } });
        return [theme, await writeRendered(join(out, theme), rendered)] as const;
      }),
    ),
  );
  project.provide('defaultDeck', built);
  return () => rmSync(out, { recursive: true, force: true });
}
