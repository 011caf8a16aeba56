/**
 * The names, weight and style of the fonts in a font file (.ttf, .otf, .ttc, .otc), read from its `name` and
 * `OS/2` tables only: where fontconfig is missing (macOS, Windows) the font folders are scanned with this, and
 * reading whole CJK collections (20 MB each) to learn their names would take seconds.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { SystemFont } from './system-fonts.js';

/** name IDs (OpenType `name` table): family, PostScript name, typographic family. */
const FAMILY = 1;
const POSTSCRIPT = 6;
const TYPOGRAPHIC_FAMILY = 16;
/** Enough for any table directory: 12 bytes and 16 per table, fonts have a few dozen tables. */
const DIRECTORY_BYTES = 12 + 16 * 64;

async function bytesAt(handle: FileHandle, offset: number, length: number): Promise<DataView> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset);
  return new DataView(buffer.buffer, buffer.byteOffset, bytesRead);
}

const tagAt = (view: DataView, at: number) => String.fromCharCode(...Array.from({ length: 4 }, (_, i) => view.getUint8(at + i)));

function decodeName(view: DataView, at: number, length: number, platform: number): string {
  const bytes = new Uint8Array(view.buffer, view.byteOffset + at, Math.min(length, view.byteLength - at));
  if (platform === 1) return new TextDecoder('latin1').decode(bytes);
  // Windows and Unicode platform names are UTF-16BE.
  return new TextDecoder('utf-16be').decode(bytes);
}

/** Names by ID from a `name` table; English (Windows 0x409 or Mac 0) first, then the others. */
export function namesOf(view: DataView): Map<number, string[]> {
  const count = view.getUint16(2);
  const strings = view.getUint16(4);
  const found: { id: number; english: boolean; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const record = 6 + 12 * i;
    if (record + 12 > view.byteLength) break;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const language = view.getUint16(record + 4);
    const id = view.getUint16(record + 6);
    if (id !== FAMILY && id !== POSTSCRIPT && id !== TYPOGRAPHIC_FAMILY) continue;
    // Mac names other than Roman, and symbol encodings, are not text we can decode here.
    if ((platform === 1 && encoding !== 0) || platform > 3) continue;
    const text = decodeName(view, strings + view.getUint16(record + 10), view.getUint16(record + 8), platform).trim();
    if (text) found.push({ id, english: (platform === 3 && language === 0x409) || (platform === 1 && language === 0), text });
  }
  const names = new Map<number, string[]>();
  for (const entry of [...found.filter((f) => f.english), ...found.filter((f) => !f.english)]) {
    const list = names.get(entry.id) ?? [];
    if (!list.includes(entry.text)) list.push(entry.text);
    names.set(entry.id, list);
  }
  return names;
}

async function faceAt(handle: FileHandle, file: string, index: number, offset: number): Promise<SystemFont | undefined> {
  const directory = await bytesAt(handle, offset, DIRECTORY_BYTES);
  if (directory.byteLength < 12) return undefined;
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < directory.getUint16(4) && 12 + 16 * i + 16 <= directory.byteLength; i++) {
    const record = 12 + 16 * i;
    tables.set(tagAt(directory, record), { offset: directory.getUint32(record + 8), length: directory.getUint32(record + 12) });
  }
  const name = tables.get('name');
  if (!name) return undefined;
  const names = namesOf(await bytesAt(handle, name.offset, name.length));
  const postScriptName = names.get(POSTSCRIPT)?.[0];
  const families = [...(names.get(TYPOGRAPHIC_FAMILY) ?? []), ...(names.get(FAMILY) ?? [])].filter((f, i, all) => all.indexOf(f) === i);
  if (!postScriptName || families.length === 0) return undefined;
  const os2 = tables.get('OS/2');
  const metrics = os2 ? await bytesAt(handle, os2.offset, 64) : undefined;
  const weight = metrics && metrics.byteLength >= 6 ? metrics.getUint16(4) : 400;
  const italic = metrics && metrics.byteLength >= 64 ? (metrics.getUint16(62) & 1) === 1 : /italic|oblique/i.test(postScriptName);
  return { file, index, postScriptName, families, weight: Math.min(1000, Math.max(1, weight)), style: italic ? 'italic' : 'normal' };
}

/** Every face in a font file; a file that is not a font, or cannot be read, gives none. */
export async function readFontNames(file: string): Promise<SystemFont[]> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const header = await bytesAt(handle, 0, 12);
    if (header.byteLength < 12) return [];
    const offsets: number[] = [];
    if (tagAt(header, 0) === 'ttcf') {
      const count = Math.min(header.getUint32(8), 256);
      const table = await bytesAt(handle, 12, 4 * count);
      for (let i = 0; 4 * i + 4 <= table.byteLength; i++) offsets.push(table.getUint32(4 * i));
    } else offsets.push(0);
    const faces = await Promise.all(offsets.map((offset, index) => faceAt(handle!, file, index, offset)));
    return faces.filter((face): face is SystemFont => face !== undefined);
  } catch {
    return [];
  } finally {
    await handle?.close();
  }
}
