/**
 * The @font-face rules that carry the deck's installed fonts inside the single file: each font Chromium drew
 * text with, cut down to the characters it drew (plus printable ASCII, for text the page makes itself such as
 * slide numbers), as WOFF2 data URIs under the family name the deck's CSS asks for.
 */
import { readFile } from 'node:fs/promises';
import subsetFont from 'subset-font';
import { DeckError, ErrorCode } from '../../core/errors.js';
import type { UsedFont } from './fonts-used.js';
import type { SystemFont } from './system-fonts.js';
import { extractFace } from './ttc.js';

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

export async function embedFonts(used: Iterable<UsedFont>, system: readonly SystemFont[]): Promise<EmbeddedFont[]> {
  const byName = new Map(system.map((font) => [font.postScriptName, font]));
  const embedded: EmbeddedFont[] = [];
  for (const font of used) {
    const found = byName.get(font.postScriptName);
    if (!found) {
      throw new DeckError(
        ErrorCode.BadInput,
        `the font “${font.familyName}” (${font.postScriptName}) that draws the deck's text has no file fontconfig knows of`,
        {
          hint: 'install the font (fc-list should list it), or use a theme whose fonts are installed',
        },
      );
    }
    const text = [...new Set([...font.chars, ...ASCII])].join('');
    const face = extractFace(new Uint8Array(await readFile(found.file)), found.index);
    const woff2 = await subsetFont(Buffer.from(face.buffer, face.byteOffset, face.byteLength), text, { targetFormat: 'woff2' });
    const family = font.familyName;
    embedded.push({
      family,
      postScriptName: font.postScriptName,
      weight: found.weight,
      style: found.style,
      chars: font.chars.size,
      bytes: woff2.length,
      css: `@font-face{font-family:${quoted(family)};src:url(data:font/woff2;base64,${woff2.toString('base64')}) format('woff2');font-weight:${found.weight};font-style:${found.style};font-display:block}`,
    });
  }
  return embedded;
}
