/**
 * Folding a built deck into its index.html: stylesheets (and what they @import) become <style>, scripts are
 * inlined, and every local file the page or its CSS refers to (images, media, fonts) becomes a data: URI.
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { DeckError, ErrorCode } from '../../core/errors.js';

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** URLs that already hold their content or are not files of the deck. */
const NOT_LOCAL = /^(data:|blob:|about:|javascript:|mailto:|tel:|#|[a-z][a-z0-9+.-]*:\/\/|\/\/)/i;

/** Attributes holding the URL of a file the page loads. */
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['img[src]', 'src'],
  ['video[src]', 'src'],
  ['audio[src]', 'src'],
  ['source[src]', 'src'],
  ['track[src]', 'src'],
  ['video[poster]', 'poster'],
  ['[data-src]', 'data-src'],
  ['[data-background-image]', 'data-background-image'],
  ['[data-background-video]', 'data-background-video'],
  ['link[rel~="icon"][href]', 'href'],
];

export interface InlineContext {
  /** The folder the deck was built into. */
  dir: string;
  /** Output path → the deck's own file, to name in errors. */
  sources: ReadonlyMap<string, string>;
}

function mimeOf(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

async function dataUri(path: string, context: InlineContext): Promise<string> {
  try {
    return `data:${mimeOf(path)};base64,${(await readFile(path)).toString('base64')}`;
  } catch (cause) {
    const target = relative(context.dir, path);
    throw new DeckError(ErrorCode.BadInput, `cannot read ${target} to put it into the single file`, {
      file: context.sources.get(target) ?? target,
      cause,
      hint: 'check that the file exists and can be read',
    });
  }
}

const decode = (url: string) => {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
};

/** A URL relative to `base` as a path in the build, or undefined when it is not a local file. */
function localPath(url: string, base: string): string | undefined {
  const clean = url.trim().replace(/[?#].*$/, '');
  if (!clean || NOT_LOCAL.test(url.trim())) return undefined;
  return resolve(base, decode(clean));
}

/** CSS with its local @imports inlined and its url()s as data URIs. */
export async function inlineCss(css: string, cssFile: string, context: InlineContext, seen = new Set<string>()): Promise<string> {
  const base = dirname(cssFile);
  let out = '';
  let last = 0;
  const IMPORT = /@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?\s*\)?([^;]*);/g;
  for (const match of css.matchAll(IMPORT)) {
    const path = localPath(match[1]!, base);
    out += css.slice(last, match.index);
    last = match.index + match[0].length;
    if (!path || seen.has(path)) {
      out += path ? '' : match[0];
      continue;
    }
    seen.add(path);
    const imported = await inlineCss(await readFile(path, 'utf8'), path, context, seen);
    const media = match[2]!.trim();
    out += media ? `@media ${media}{${imported}}` : imported;
  }
  out += css.slice(last);
  const URL = /url\(\s*(["']?)([^"')]+)\1\s*\)/g;
  const parts: string[] = [];
  last = 0;
  for (const match of out.matchAll(URL)) {
    const path = localPath(match[2]!, base);
    parts.push(out.slice(last, match.index));
    last = match.index + match[0].length;
    parts.push(path ? `url("${await dataUri(path, context)}")` : match[0]);
  }
  parts.push(out.slice(last));
  return parts.join('');
}

/** Text for inside <script>: a literal "</script" would end the element early. */
const scriptText = (code: string) => code.replace(/<\/script/gi, '<\\/script');

export async function inlineDeck(html: string, context: InlineContext): Promise<string> {
  const root = parse(html, { comment: true });
  const index = join(context.dir, 'index.html');
  for (const link of root.querySelectorAll('link[rel="stylesheet"][href]')) {
    const path = localPath(link.getAttribute('href')!, context.dir);
    if (!path) continue;
    const css = await inlineCss(await readFile(path, 'utf8'), path, context);
    const id = link.getAttribute('id');
    link.replaceWith(`<style${id ? ` id="${id}"` : ''}>${css.replace(/<\/style/gi, '<\\/style')}</style>`);
  }
  for (const script of root.querySelectorAll('script[src]')) {
    const path = localPath(script.getAttribute('src')!, context.dir);
    if (!path) continue;
    // Whole elements as text: node-html-parser keeps a <script>'s or <style>'s content raw when it parses one.
    script.replaceWith(`<script>${scriptText(await readFile(path, 'utf8'))}</script>`);
  }
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const element of root.querySelectorAll(selector)) {
      const path = localPath(element.getAttribute(attribute)!, context.dir);
      if (path) element.setAttribute(attribute, await dataUri(path, context));
    }
  }
  for (const element of root.querySelectorAll('[style*="url("]')) {
    element.setAttribute('style', await inlineCss(element.getAttribute('style')!, index, context));
  }
  for (const style of root.querySelectorAll('style')) {
    if (style.textContent.includes('url(') || style.textContent.includes('@import')) {
      const id = style.getAttribute('id');
      style.replaceWith(`<style${id ? ` id="${id}"` : ''}>${await inlineCss(style.textContent, index, context)}</style>`);
    }
  }
  return root.toString();
}

/** Put HTML at the start of <head> and at the end of <body>. */
export function addToPage(html: string, headStart: string, bodyEnd: string): string {
  const root = parse(html, { comment: true });
  const head = root.querySelector('head') as HTMLElement | null;
  const body = root.querySelector('body') as HTMLElement | null;
  if (!head || !body) throw new DeckError(ErrorCode.BadTemplate, 'the page template has no <head> or <body>', { file: 'page.hbs' });
  head.insertAdjacentHTML('afterbegin', headStart);
  body.insertAdjacentHTML('beforeend', bodyEnd);
  return root.toString();
}
