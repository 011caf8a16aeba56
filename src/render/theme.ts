import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, posix, resolve } from 'node:path';
import { REVEAL_THEMES } from '../config/schema.js';
import { DeckError, ErrorCode } from '../core/errors.js';
import { builtinThemesDir, revealDistDir } from './paths.js';
import { localizeThemeFonts } from './theme-fonts.js';

export interface ResolvedTheme {
  /** Name shown to the user and used as the CSS file name in the output. */
  readonly name: string;
  /** Absolute path of the theme's CSS file. */
  readonly source: string;
  /** Path of the CSS in the output folder. */
  readonly target: string;
  /** Whether it is a reveal.js built-in theme (then our base layout CSS goes under it). */
  readonly reveal: boolean;
  /** Local stylesheets the theme @imports (same folder) and its font files, copied beside it. */
  readonly imports: readonly { source: string; target: string }[];
  /** The theme's CSS when the build rewrote it (web fonts made local); else it is copied from `source`. */
  readonly css?: string;
}

const IMPORT = /@import\s+(?:url\(\s*)?["']?([^"')\s]+)["']?\s*\)?[^;]*;/g;

/** The local files a theme CSS @imports, to copy beside it (remote URLs are left alone). */
function importsOf(source: string, target: string): { source: string; target: string }[] {
  const css = readFileSync(source, 'utf8');
  return [...css.matchAll(IMPORT)]
    .map((m) => m[1]!)
    .filter((url) => !/^([a-z]+:|\/)/i.test(url) && !url.includes('..'))
    .map((url) => ({ source: join(dirname(source), url), target: posix.join(posix.dirname(target), url) }))
    .filter((file) => existsSync(file.source));
}

/** Themes made for this tool: themes/<name>.css. */
export function projectThemes(dir = builtinThemesDir()): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith('.css') && !file.startsWith('_'))
        .map((file) => basename(file, '.css'))
        .sort()
    : [];
}

/**
 * A theme by name: one of ours (themes/<name>.css), a reveal.js built-in (`white`, `black`, …), or a path to a
 * CSS file (relative to the deck folder).
 */
export function resolveTheme(name: string, deckRoot: string, themesDir = builtinThemesDir()): ResolvedTheme {
  const ours = join(themesDir, `${name}.css`);
  if (!name.includes('/') && existsSync(ours)) {
    const target = `assets/theme/${name}.css`;
    return { name, source: ours, target, reveal: false, imports: importsOf(ours, target) };
  }
  if ((REVEAL_THEMES as readonly string[]).includes(name)) {
    const source = join(revealDistDir(), 'theme', `${name}.css`);
    const target = `assets/theme/${name}.css`;
    const local = localizeThemeFonts(readFileSync(source, 'utf8'));
    if (!local) return { name, source, target, reveal: true, imports: [] };
    const imports = local.files.map((file) => ({ source: file.source, target: posix.join(posix.dirname(target), file.target) }));
    return { name, source, target, reveal: true, imports, css: local.css };
  }
  if (extname(name) === '.css') {
    const path = resolve(deckRoot, name);
    if (existsSync(path)) {
      const file = basename(path, '.css');
      const target = `assets/theme/custom-${file}.css`;
      return { name: file, source: path, target, reveal: false, imports: importsOf(path, target) };
    }
    throw new DeckError(ErrorCode.BadTemplate, `theme file not found: ${name}`, { hint: `looked for ${path}` });
  }
  throw new DeckError(ErrorCode.BadTemplate, `unknown theme "${name}"`, {
    hint: `choose one of: ${[...projectThemes(themesDir), ...REVEAL_THEMES].join(', ')}, or a path to a .css file`,
  });
}
