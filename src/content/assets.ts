import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep, posix, basename } from 'node:path';
import { createHash } from 'node:crypto';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { DeckWarning } from '../core/warnings.js';
import { lineMatching } from './lines.js';
import type { Asset } from './types.js';

/**
 * Attributes that point at a file the slide needs: media sources (`src`, and `data-src`, which reveal.js loads
 * lazily), posters, and the slide backgrounds and previews reveal.js reads from `data-*` attributes. Double or
 * single quotes.
 */
const REFERENCE =
  /(<(?:img|source|video|audio|iframe|track|embed)\b[^>]*?\s(?:src|data-src|poster|data-poster)=|\sdata-(?:background(?:-image|-video|-iframe)?|preview-(?:image|video|link))=)(?:"([^"]+)"|'([^']+)')/g;

/** Links (`<a href>`): a local file they name is copied too, so the link works beside index.html and the PDFs. */
const LINK = /(<a\b[^>]*?\shref=)(?:"([^"]+)"|'([^']+)')/g;

/** Slide attributes (from `<!-- .slide: -->`) that name a file; data-background-video may list several. */
export const SLIDE_FILE_ATTRIBUTE = /^data-(background(-image|-video|-iframe)?|preview-(image|video|link))$/;

function isLocal(url: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(url) && !/^(#|rgba?\(|hsla?\(|[a-z]+$)/i.test(url) && !/^\s*[\w-]+\(/.test(url);
}

export interface AssetContext {
  root: string;
  /** Absolute path of the source file the slide comes from. */
  file: string;
  /** The file name as shown to the user. */
  fileName: string;
  /** The file's text and the line its slide starts on, to find the line of a reference. */
  text: string;
  line: number;
  /** Every missing file goes here, so one build reports them all. */
  problems: DeckError[];
  /** A link to a local file that is not there is a warning (the link is kept, as reveal.js keeps it). */
  warnings?: DeckWarning[];
}

function lineOf(ctx: AssetContext, url: string): number {
  // Only on the error path: find the reference at or after the slide's first line.
  return lineMatching(ctx.text, ctx.line, url) ?? ctx.line;
}

/** One local reference: checked, recorded, and rewritten to where the build copies it. */
function collectOne(raw: string, ctx: AssetContext, assets: Map<string, Asset>, kind: 'media' | 'link' = 'media'): string {
  const url = raw.trim().replace(/&amp;/g, '&');
  if (!isLocal(url)) return raw;
  let clean: string;
  try {
    clean = decodeURI(url.split(/[?#]/)[0]!);
  } catch {
    clean = url.split(/[?#]/)[0]!;
  }
  const source = isAbsolute(clean) ? clean : resolve(dirname(ctx.file), clean);
  if (kind === 'link') {
    if (existsSync(source) && statSync(source).isFile()) return rewritten(source, url, ctx, assets);
    if (!existsSync(source)) {
      ctx.warnings?.push({ file: ctx.fileName, line: lineOf(ctx, raw.trim()), message: `linked file not found: ${url}; the link is kept` });
    }
    return raw;
  }
  if (!existsSync(source) || !statSync(source).isFile()) {
    ctx.problems.push(
      new DeckError(ErrorCode.BadInput, `image or media file not found: ${url}`, {
        file: ctx.fileName,
        line: lineOf(ctx, raw.trim()),
        hint: `looked for ${source}`,
      }),
    );
    return raw;
  }
  return rewritten(source, url, ctx, assets);
}

/** Record a file to copy; the reference to where the build puts it (its query or #fragment kept). */
function rewritten(source: string, url: string, ctx: AssetContext, assets: Map<string, Asset>): string {
  const inside = relative(ctx.root, source);
  const target =
    inside.startsWith('..') || isAbsolute(inside)
      ? posix.join('_assets', `${createHash('sha1').update(source).digest('hex').slice(0, 8)}-${basename(source)}`)
      : inside.split(sep).join('/');
  assets.set(target, { source, target });
  return encodeURI(target) + url.slice(url.split(/[?#]/)[0]!.length);
}

/**
 * Find the local files a slide's HTML refers to (media, and files it links to), check they exist (missing media
 * is added to ctx.problems, a missing link target to ctx.warnings), and
 * rewrite each reference to where the build copies it: the same path relative to the deck root, or
 * `_assets/<hash>-<name>` for a file outside it.
 */
export function collectAssets(html: string, ctx: AssetContext, assets: Map<string, Asset>): string {
  const replace = (kind: 'media' | 'link') => (_whole: string, prefix: string, double: string | undefined, single: string | undefined) => {
    const raw = double ?? single!;
    const quote = double === undefined ? "'" : '"';
    return `${prefix}${quote}${collectOne(raw, ctx, assets, kind)}${quote}`;
  };
  return html.replace(REFERENCE, replace('media')).replace(LINK, replace('link'));
}

/** The value of a slide attribute that names files (SLIDE_FILE_ATTRIBUTE), each checked and rewritten. */
export function collectAttributeAssets(name: string, value: string, ctx: AssetContext, assets: Map<string, Asset>): string {
  const parts = name === 'data-background-video' ? value.split(',') : [value];
  return parts.map((part) => collectOne(part, ctx, assets)).join(',');
}

/**
 * A stylesheet or script the settings name (`css:`, `scripts:`): a URL stays as it is; a path (relative to the
 * deck's folder) is checked and copied like an image. Returns the URL index.html uses.
 */
export function includedFile(
  path: string,
  root: string,
  where: { file?: string; line?: number },
  assets: Map<string, Asset>,
  problems: DeckError[],
): string {
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(path)) return path;
  const source = resolve(root, path.split(/[?#]/)[0]!);
  if (!existsSync(source) || !statSync(source).isFile()) {
    problems.push(
      new DeckError(ErrorCode.BadInput, `file not found: ${path}`, { file: where.file, line: where.line, hint: `looked for ${source}` }),
    );
    return path;
  }
  const inside = relative(root, source);
  const target =
    inside.startsWith('..') || isAbsolute(inside)
      ? posix.join('_assets', `${createHash('sha1').update(source).digest('hex').slice(0, 8)}-${basename(source)}`)
      : inside.split(sep).join('/');
  assets.set(target, { source, target });
  return encodeURI(target);
}
