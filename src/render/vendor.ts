import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { OutputFile } from './output.js';
import { revealDistDir } from './paths.js';

/**
 * The reveal.js plugins the page template loads: where each script goes in the output, and the global it
 * defines (the export answers them with empty plugins where they have nothing to do, src/export/idle-plugins.ts).
 */
export const PLUGIN_SCRIPTS = {
  notes: { target: 'assets/reveal/plugin/notes.js', global: 'RevealNotes', id: 'notes' },
  highlight: { target: 'assets/reveal/plugin/highlight.js', global: 'RevealHighlight', id: 'highlight' },
} as const;

/** reveal.js files the page loads, as [path under node_modules/reveal.js/dist, path in the output]. */
const REVEAL_FILES = [
  ['reset.css', 'assets/reveal/reset.css'],
  ['reveal.css', 'assets/reveal/reveal.css'],
  ['reveal.js', 'assets/reveal/reveal.js'],
  ['plugin/notes.js', PLUGIN_SCRIPTS.notes.target],
] as const;

type VendorUrl = 'resetCss' | 'revealCss' | 'revealJs' | 'notesJs';

export interface VendorAssets {
  readonly files: OutputFile[];
  /**
   * URLs (relative to index.html) the page template links; `katexCss` only when the deck uses math,
   * `highlightJs` and `highlightCss` only when it has code blocks.
   */
  readonly urls: Record<VendorUrl, string> & { katexCss?: string; highlightJs?: string; highlightCss?: string };
}

export interface VendorOptions {
  /** The deck renders TeX (config `math: true`): copy KaTeX's stylesheet and fonts. */
  math?: boolean;
  /** Where the highlightTheme setting was written, for the error when it names no theme. */
  origin?: { file?: string; line?: number };
  /** The deck has code blocks (src/render/code-blocks.ts): copy and link the highlight plugin and its theme. */
  highlight?: boolean;
}

/** Where KaTeX's CSS goes in the output; its fonts go in assets/katex/fonts/, as the CSS expects. */
export const KATEX_CSS = 'assets/katex/katex.min.css';

/** highlight.js's folder of styles (node_modules/highlight.js/styles). */
function highlightStylesDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('highlight.js/package.json')), 'styles');
}

/**
 * Code highlighting themes: reveal.js's own (monokai, zenburn) and every highlight.js style, by the name
 * highlight.js gives it (`github`, `atom-one-dark`, `base16/dracula`), served from the package: offline.
 */
export function highlightThemes(dist = revealDistDir()): string[] {
  const reveal = join(dist, 'plugin', 'highlight');
  const names = new Set<string>();
  if (existsSync(reveal)) for (const file of readdirSync(reveal)) if (file.endsWith('.css')) names.add(basename(file, '.css'));
  const styles = highlightStylesDir();
  for (const file of readdirSync(styles, { recursive: true }) as string[]) {
    if (file.endsWith('.css') && !file.endsWith('.min.css'))
      names.add(
        file
          .split(sep)
          .join('/')
          .replace(/\.css$/, ''),
      );
  }
  return [...names].sort();
}

/** The CSS file of a highlight theme, or undefined when there is no such theme. */
function highlightSource(name: string, dist: string): string | undefined {
  if (!/^[\w.-]+(\/[\w.-]+)?$/.test(name) || name.includes('..')) return undefined;
  const reveal = join(dist, 'plugin', 'highlight', `${name}.css`);
  if (existsSync(reveal)) return reveal;
  const styles = highlightStylesDir();
  for (const candidate of [`${name}.min.css`, `${name}.css`]) if (existsSync(join(styles, candidate))) return join(styles, candidate);
  return undefined;
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

/** The highlight.js (or reveal.js) stylesheet of a highlightTheme; an unknown name is a BadConfig error at `origin`. */
export function highlightStylesheet(highlightTheme: string, origin?: { file?: string; line?: number }, dist = revealDistDir()): string {
  const source = highlightSource(highlightTheme, dist);
  if (source) return source;
  const themes = highlightThemes(dist);
  const near = themes.filter((name) =>
    name.includes(
      highlightTheme
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .split('-')[0] ?? '',
    ),
  );
  throw new DeckError(ErrorCode.BadConfig, `unknown highlightTheme "${highlightTheme}"`, {
    ...origin,
    hint: `${near.length > 0 && near.length <= 12 ? `did you mean ${near.join(', ')}? ` : ''}any highlight.js style works (${themes.length} of them, e.g. github, github-dark, atom-one-dark, vs2015, base16/dracula), or monokai, zenburn`,
  });
}

export function vendorAssets(highlightTheme: string, options: VendorOptions = {}): VendorAssets {
  const dist = revealDistDir();
  const files: OutputFile[] = REVEAL_FILES.map(([from, target]) => ({ source: join(dist, from), target }));
  // An unknown highlightTheme is an error whether or not the deck has code yet.
  const source = highlightStylesheet(highlightTheme, options.origin, dist);
  const highlightCss = source.startsWith(dist)
    ? `assets/reveal/plugin/highlight/${highlightTheme}.css`
    : `assets/highlight/${highlightTheme}.css`;
  if (options.highlight) {
    files.push({ source: join(dist, 'plugin/highlight.js'), target: PLUGIN_SCRIPTS.highlight.target }, { source, target: highlightCss });
  }
  if (options.math) files.push(...katexAssets());
  return {
    files,
    urls: {
      resetCss: REVEAL_FILES[0][1],
      revealCss: REVEAL_FILES[1][1],
      revealJs: REVEAL_FILES[2][1],
      notesJs: REVEAL_FILES[3][1],
      ...(options.highlight ? { highlightJs: PLUGIN_SCRIPTS.highlight.target, highlightCss } : {}),
      ...(options.math ? { katexCss: KATEX_CSS } : {}),
    },
  };
}
