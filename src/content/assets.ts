import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep, posix, basename } from 'node:path';
import { createHash } from 'node:crypto';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { Asset } from './types.js';

/** Attributes that point at a file the slide needs. */
const REFERENCE = /(<(?:img|source|video|audio)\b[^>]*?\s(?:src|poster)=|\sdata-background(?:-image|-video)?=)"([^"]+)"/g;

function isLocal(url: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(url) && !/^(#|rgba?\(|hsla?\(|[a-z]+$)/i.test(url);
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
}

function lineOf(ctx: AssetContext, url: string): number {
  // Only on the error path: find the reference at or after the slide's first line.
  let offset = 0;
  for (let line = 1; line < ctx.line && offset !== -1; line++) offset = ctx.text.indexOf('\n', offset) + 1 || -1;
  const found = offset === -1 ? -1 : ctx.text.indexOf(url, offset);
  return found === -1 ? ctx.line : ctx.line + (ctx.text.slice(offset, found).match(/\n/g)?.length ?? 0);
}

/**
 * Find the local files a slide's HTML refers to, check they exist, and rewrite each reference to where the build
 * copies it: the same path relative to the deck root, or `_assets/<hash>-<name>` for a file outside it.
 */
export function collectAssets(html: string, ctx: AssetContext, assets: Map<string, Asset>): string {
  return html.replace(REFERENCE, (whole, prefix: string, raw: string) => {
    const url = raw.replace(/&amp;/g, '&');
    if (!isLocal(url)) return whole;
    const clean = decodeURI(url.split(/[?#]/)[0]!);
    const source = isAbsolute(clean) ? clean : resolve(dirname(ctx.file), clean);
    if (!existsSync(source) || !statSync(source).isFile()) {
      throw new DeckError(ErrorCode.BadInput, `image or media file not found: ${url}`, {
        file: ctx.fileName,
        line: lineOf(ctx, raw),
        hint: `looked for ${source}`,
      });
    }
    const inside = relative(ctx.root, source);
    const target =
      inside.startsWith('..') || isAbsolute(inside)
        ? posix.join('_assets', `${createHash('sha1').update(source).digest('hex').slice(0, 8)}-${basename(source)}`)
        : inside.split(sep).join('/');
    assets.set(target, { source, target });
    return `${prefix}"${encodeURI(target)}"`;
  });
}
