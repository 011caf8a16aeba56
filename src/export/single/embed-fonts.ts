/**
 * The @font-face rules that carry the deck's installed fonts inside the single file: each font Chromium drew
 * text with, cut down to the characters it drew (plus printable ASCII, for text the page makes itself such as
 * slide numbers), as WOFF2 data URIs under the family name the deck's CSS asks for.
 */
import { readFile } from 'node:fs/promises';
import subsetFont from 'subset-font';
import { DeckError, ErrorCode } from '../../core/errors.js';
import type { UsedFont } from './fonts-used.js';
import { installHint } from '../fonts/missing.js';
import type { FontSource, SystemFont } from '../fonts/system-fonts.js';
import { extractFace } from './ttc.js';
import { toWoff2 } from './woff2.js';

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

export interface EmbeddedFont {
  family: string;
  postScriptName: string;
  weight: number;
  style: 'normal' | 'italic';
  /** Characters kept, and the WOFF2's size in bytes. */
  chars: number;
  bytes: number;
  css: string;
}

/** A family name as a CSS string. */
const quoted = (family: string) => `'${family.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Each used font's face, subset and as WOFF2: one at a time would wait on each subset in turn. */
export async function embedFonts(used: Iterable<UsedFont>, system: readonly SystemFont[], source: FontSource): Promise<EmbeddedFont[]> {
  const byName = new Map(system.map((font) => [font.postScriptName, font]));
  // Regular and Bold faces of one collection share a file: read it once.
  const files = new Map<string, Promise<Uint8Array>>();
  const read = (file: string) => {
    let bytes = files.get(file);
    if (!bytes) {
      bytes = readFile(file).then((buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
      files.set(file, bytes);
    }
    return bytes;
  };
  const found = [...used].map((font) => {
    const file = byName.get(font.postScriptName);
    if (!file) {
      throw new DeckError(
        ErrorCode.BadInput,
        `the font “${font.familyName}” (${font.postScriptName}) that draws the deck's text has no file in the ${source} (${system.length} fonts found)`,
        { hint: `${installHint(font.familyName, process.platform, source)}, or use a theme whose fonts are installed` },
      );
    }
    return { font, file };
  });
  return Promise.all(
    found.map(async ({ font, file }) => {
      const text = [...new Set([...font.chars, ...ASCII])].join('');
      const face = extractFace(await read(file.file), file.index);
      const subset = await subsetFont(Buffer.from(face.buffer, face.byteOffset, face.byteLength), text, { targetFormat: 'sfnt' });
      const woff2 = await toWoff2(subset);
      return {
        family: font.familyName,
        postScriptName: font.postScriptName,
        weight: file.weight,
        style: file.style,
        chars: font.chars.size,
        bytes: woff2.length,
        css: `@font-face{font-family:${quoted(font.familyName)};src:url(data:font/woff2;base64,${woff2.toString('base64')}) format('woff2');font-weight:${file.weight};font-style:${file.style};font-display:block}`,
      };
    }),
  );
}
