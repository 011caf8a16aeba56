import { join } from 'node:path';
import type { OutputFile } from './output.js';
import { revealDistDir } from './paths.js';

/** reveal.js files the page loads, as [path under node_modules/reveal.js/dist, path in the output]. */
const REVEAL_FILES = [
  ['reset.css', 'assets/reveal/reset.css'],
  ['reveal.css', 'assets/reveal/reveal.css'],
  ['reveal.js', 'assets/reveal/reveal.js'],
  ['plugin/notes.js', 'assets/reveal/plugin/notes.js'],
  ['plugin/highlight.js', 'assets/reveal/plugin/highlight.js'],
] as const;

export interface VendorAssets {
  readonly files: OutputFile[];
  /** URLs (relative to index.html) the page template links. */
  readonly urls: Record<'resetCss' | 'revealCss' | 'revealJs' | 'notesJs' | 'highlightJs' | 'highlightCss', string>;
}

export function vendorAssets(highlightTheme: string): VendorAssets {
  const dist = revealDistDir();
  const files: OutputFile[] = REVEAL_FILES.map(([from, target]) => ({ source: join(dist, from), target }));
  const highlightCss = `assets/reveal/plugin/highlight/${highlightTheme}.css`;
  files.push({ source: join(dist, 'plugin', 'highlight', `${highlightTheme}.css`), target: highlightCss });
  return {
    files,
    urls: {
      resetCss: REVEAL_FILES[0][1],
      revealCss: REVEAL_FILES[1][1],
      revealJs: REVEAL_FILES[2][1],
      notesJs: REVEAL_FILES[3][1],
      highlightJs: REVEAL_FILES[4][1],
      highlightCss,
    },
  };
}
