import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { DeckError, ErrorCode } from '../core/errors.js';
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

type VendorUrl = 'resetCss' | 'revealCss' | 'revealJs' | 'notesJs' | 'highlightJs' | 'highlightCss';

export interface VendorAssets {
  readonly files: OutputFile[];
  /** URLs (relative to index.html) the page template links; `katexCss` only when the deck uses math. */
  readonly urls: Record<VendorUrl, string> & { katexCss?: string };
}

export interface VendorOptions {
  /** The deck renders TeX (config `math: true`): copy KaTeX's stylesheet and fonts. */
  math?: boolean;
}

/** Where KaTeX's CSS goes in the output; its fonts go in assets/katex/fonts/, as the CSS expects. */
export const KATEX_CSS = 'assets/katex/katex.min.css';

/** Code highlighting themes shipped with reveal.js's highlight plugin. */
export function highlightThemes(dist = revealDistDir()): string[] {
  const dir = join(dist, 'plugin', 'highlight');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.css'))
        .map((f) => basename(f, '.css'))
        .sort()
    : [];
}

/**
 * KaTeX's stylesheet and its fonts. Only the .woff2 fonts are copied: every browser that runs reveal.js reads
 * them, and the stylesheet lists woff2 first, so the .woff/.ttf fallbacks are never requested.
 */
export function katexAssets(): OutputFile[] {
  const dist = dirname(createRequire(import.meta.url).resolve('katex'));
  const fonts = readdirSync(join(dist, 'fonts'))
    .filter((f) => f.endsWith('.woff2'))
    .sort();
  return [
    { source: join(dist, 'katex.min.css'), target: KATEX_CSS },
    ...fonts.map((font) => ({ source: join(dist, 'fonts', font), target: `assets/katex/fonts/${font}` })),
  ];
}

export function vendorAssets(highlightTheme: string, options: VendorOptions = {}): VendorAssets {
  const dist = revealDistDir();
  const files: OutputFile[] = REVEAL_FILES.map(([from, target]) => ({ source: join(dist, from), target }));
  const highlightSource = join(dist, 'plugin', 'highlight', `${highlightTheme}.css`);
  if (!/^[\w.-]+$/.test(highlightTheme) || !existsSync(highlightSource)) {
    throw new DeckError(ErrorCode.BadConfig, `unknown highlightTheme "${highlightTheme}"`, {
      hint: `choose one of: ${highlightThemes(dist).join(', ')}`,
    });
  }
  const highlightCss = `assets/reveal/plugin/highlight/${highlightTheme}.css`;
  files.push({ source: highlightSource, target: highlightCss });
  if (options.math) files.push(...katexAssets());
  return {
    files,
    urls: {
      resetCss: REVEAL_FILES[0][1],
      revealCss: REVEAL_FILES[1][1],
      revealJs: REVEAL_FILES[2][1],
      notesJs: REVEAL_FILES[3][1],
      highlightJs: REVEAL_FILES[4][1],
      highlightCss,
      ...(options.math ? { katexCss: KATEX_CSS } : {}),
    },
  };
}
