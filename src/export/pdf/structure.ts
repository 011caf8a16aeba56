/**
 * Reading just enough of a PDF that Chromium (Skia) wrote to amend it: the cross-reference table, the trailer,
 * the catalog and the page tree. Content streams and fonts are never parsed, and the file is read where needed,
 * never whole: a streamed 1000-slide deck.pdf is amended on disk without being loaded (pdf-lib would parse
 * and re-serialise every object: ~0.5 s for a 25-slide deck). Anything unexpected (an xref stream, a missing
 * object) throws, so nothing half-understood is ever written.
 */
import type { FileHandle } from 'node:fs/promises';
import { DeckError, ErrorCode } from '../../core/errors.js';

export interface ObjectRef {
  readonly num: number;
  readonly gen: number;
}

/** Random access to a PDF's bytes: a file on disk, or bytes in memory. */
export interface PdfSource {
  readonly length: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface PdfStructure {
  readonly source: PdfSource;
  /** Byte offset of each in-use object, by object number (the newest xref section wins). */
  readonly offsets: ReadonlyMap<number, number>;
  /** Trailer values. */
  readonly size: number;
  readonly root: ObjectRef;
  readonly info?: ObjectRef;
  /** The trailer's /ID array, as written (copied into the update). */
  readonly id?: string;
  /** Offset of the last xref section (the update's /Prev). */
  readonly startxref: number;
  /** Page objects in reading order. */
  readonly pages: readonly ObjectRef[];
  /** Whether the file ends with a line feed (else the update starts with one). */
  readonly endsWithNewline: boolean;
}

export function bytesSource(bytes: Uint8Array): PdfSource {
  return { length: bytes.length, read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)) };
}

export function fileSource(handle: FileHandle, length: number): PdfSource {
  return {
    length,
    async read(offset, wanted) {
      const buffer = Buffer.alloc(Math.max(0, Math.min(wanted, length - offset)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    },
  };
}

const latin1 = new TextDecoder('latin1');

/** The bytes from `offset` as Latin-1 text (one char per byte), read in growing windows until `done` says so. */
async function textFrom(source: PdfSource, offset: number, done: (text: string) => boolean, first = 4096): Promise<string> {
  for (let window = first; ; window *= 4) {
    const text = latin1.decode(await source.read(offset, window));
    if (done(text) || offset + window >= source.length) return text;
  }
}

function malformed(what: string): DeckError {
  return new DeckError(ErrorCode.ExportFailed, `Chromium wrote a PDF this tool cannot amend (${what})`, {
    hint: 'try another Chromium (--browser PATH); please report this with `deck --version` and the browser version',
  });
}

function refAt(text: string, key: string): ObjectRef | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(text);
  return match ? { num: Number(match[1]), gen: Number(match[2]) } : undefined;
}

/** Parse one classic xref section at `offset`; returns the trailer text. */
async function readXrefSection(source: PdfSource, offset: number, offsets: Map<number, number>): Promise<string> {
  const trailerEnd = (text: string) => {
    const at = text.indexOf('trailer');
    return at < 0 ? -1 : text.indexOf('>>', at);
  };
  const text = await textFrom(source, offset, (text) => trailerEnd(text) >= 0, 64 * 1024);
  if (text.slice(0, 4) !== 'xref') throw malformed('no classic cross-reference table');
  const trailerAt = text.indexOf('trailer');
  if (trailerAt < 0 || trailerEnd(text) < 0) throw malformed('no trailer');
  const lines = text
    .slice(4, trailerAt)
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean);
  let next = 0;
  for (const line of lines) {
    const parts = line.split(/\s+/);
    if (parts.length === 2) {
      next = Number(parts[0]);
    } else if (parts.length === 3) {
      if (parts[2] === 'n' && !offsets.has(next)) offsets.set(next, Number(parts[0]));
      next++;
    } else {
      throw malformed(`bad xref line "${line}"`);
    }
  }
  return text.slice(trailerAt, trailerEnd(text) + 2);
}

/** The text of object `ref`'s dictionary (between "obj" and "endobj", or up to "stream"). */
export async function objectText(structure: Pick<PdfStructure, 'source' | 'offsets'>, ref: ObjectRef): Promise<string> {
  const offset = structure.offsets.get(ref.num);
  if (offset === undefined) throw malformed(`object ${ref.num} missing`);
  const text = await textFrom(structure.source, offset, (text) => text.includes('endobj') || text.includes('stream'), 1024);
  const header = new RegExp(`^${ref.num}\\s+${ref.gen}\\s+obj`).exec(text.slice(0, 32));
  if (!header) throw malformed(`object ${ref.num} not where the xref says`);
  const end = text.indexOf('endobj');
  const body = text.slice(header[0].length, end < 0 ? undefined : end);
  const stream = body.indexOf('stream');
  return (stream >= 0 ? body.slice(0, stream) : body).trim();
}

async function collectPages(structure: Pick<PdfStructure, 'source' | 'offsets'>, ref: ObjectRef, depth: number): Promise<ObjectRef[]> {
  if (depth > 64) throw malformed('page tree too deep');
  const dict = await objectText(structure, ref);
  if (/\/Type\s*\/Pages\b/.test(dict)) {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict);
    if (!kids) throw malformed(`page tree node ${ref.num} has no /Kids`);
    const refs = [...kids[1]!.matchAll(/(\d+)\s+(\d+)\s+R/g)].map((match) => ({ num: Number(match[1]), gen: Number(match[2]) }));
    // Read side by side; the order of the kids is the order of the pages.
    return (await Promise.all(refs.map((kid) => collectPages(structure, kid, depth + 1)))).flat();
  }
  if (/\/Type\s*\/Page\b/.test(dict)) return [ref];
  throw malformed(`object ${ref.num} in the page tree is not a page`);
}

/** Read the structure of a PDF written by Chromium. */
export async function readPdfStructure(source: PdfSource): Promise<PdfStructure> {
  const tailStart = Math.max(0, source.length - 1024);
  const tail = latin1.decode(await source.read(tailStart, 1024));
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) throw malformed('no startxref at the end');
  const startxref = Number(start[1]);
  const offsets = new Map<number, number>();
  let trailer = await readXrefSection(source, startxref, offsets);
  const newest = trailer;
  for (let prev = /\/Prev\s+(\d+)/.exec(trailer), hops = 0; prev && hops < 100; prev = /\/Prev\s+(\d+)/.exec(trailer), hops++) {
    trailer = await readXrefSection(source, Number(prev[1]), offsets);
  }
  const size = Number(/\/Size\s+(\d+)/.exec(newest)?.[1]);
  const root = refAt(newest, 'Root');
  if (!root || !Number.isFinite(size)) throw malformed('trailer without /Root or /Size');
  const partial = { source, offsets };
  const catalog = await objectText(partial, root);
  const pagesRef = refAt(catalog, 'Pages');
  if (!pagesRef) throw malformed('catalog without /Pages');
  return {
    source,
    offsets,
    size,
    root,
    info: refAt(newest, 'Info'),
    id: /\/ID\s*(\[[^\]]*\])/.exec(newest)?.[1],
    startxref,
    pages: await collectPages(partial, pagesRef, 0),
    endsWithNewline: tail.endsWith('\n'),
  };
}
