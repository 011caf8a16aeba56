/**
 * Reading just enough of a PDF that Chromium (Skia) wrote to amend it: the cross-reference table, the trailer,
 * the catalog and the page tree. Content streams and fonts are never parsed, so this costs a few milliseconds
 * however large the file is (pdf-lib would parse and re-serialise every object: ~0.5 s for a 25-slide deck).
 * Anything unexpected (an xref stream, a missing object) throws, so nothing half-understood is ever written.
 */
import { DeckError, ErrorCode } from '../../core/errors.js';

export interface ObjectRef {
  readonly num: number;
  readonly gen: number;
}

export interface PdfStructure {
  readonly bytes: Uint8Array;
  /** The bytes as Latin-1 text (one char per byte), for searching. */
  readonly text: string;
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
}

const latin1 = new TextDecoder('latin1');

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
function readXrefSection(text: string, offset: number, offsets: Map<number, number>): string {
  if (text.slice(offset, offset + 4) !== 'xref') throw malformed('no classic cross-reference table');
  const trailerAt = text.indexOf('trailer', offset);
  if (trailerAt < 0) throw malformed('no trailer');
  const lines = text
    .slice(offset + 4, trailerAt)
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
  const end = text.indexOf('>>', trailerAt);
  return text.slice(trailerAt, end + 2);
}

/** The text of object `ref`'s dictionary (between "obj" and "endobj", or up to "stream"). */
export function objectText(structure: Pick<PdfStructure, 'text' | 'offsets'>, ref: ObjectRef): string {
  const offset = structure.offsets.get(ref.num);
  if (offset === undefined) throw malformed(`object ${ref.num} missing`);
  const source = structure.text;
  const header = new RegExp(`^${ref.num}\\s+${ref.gen}\\s+obj`).exec(source.slice(offset, offset + 32));
  if (!header) throw malformed(`object ${ref.num} not where the xref says`);
  const end = source.indexOf('endobj', offset);
  const body = source.slice(offset + header[0].length, end < 0 ? undefined : end);
  const stream = body.indexOf('stream');
  return (stream >= 0 ? body.slice(0, stream) : body).trim();
}

function collectPages(structure: Pick<PdfStructure, 'text' | 'offsets'>, ref: ObjectRef, out: ObjectRef[], depth: number): void {
  if (depth > 64) throw malformed('page tree too deep');
  const dict = objectText(structure, ref);
  if (/\/Type\s*\/Pages\b/.test(dict)) {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict);
    if (!kids) throw malformed(`page tree node ${ref.num} has no /Kids`);
    for (const match of kids[1]!.matchAll(/(\d+)\s+(\d+)\s+R/g)) {
      collectPages(structure, { num: Number(match[1]), gen: Number(match[2]) }, out, depth + 1);
    }
  } else if (/\/Type\s*\/Page\b/.test(dict)) {
    out.push(ref);
  } else {
    throw malformed(`object ${ref.num} in the page tree is not a page`);
  }
}

/** Read the structure of a PDF written by Chromium. */
export function readPdfStructure(bytes: Uint8Array): PdfStructure {
  const text = latin1.decode(bytes);
  const tail = text.slice(-1024);
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) throw malformed('no startxref at the end');
  const startxref = Number(start[1]);
  const offsets = new Map<number, number>();
  let trailer = readXrefSection(text, startxref, offsets);
  const newest = trailer;
  for (let prev = /\/Prev\s+(\d+)/.exec(trailer), hops = 0; prev && hops < 100; prev = /\/Prev\s+(\d+)/.exec(trailer), hops++) {
    trailer = readXrefSection(text, Number(prev[1]), offsets);
  }
  const size = Number(/\/Size\s+(\d+)/.exec(newest)?.[1]);
  const root = refAt(newest, 'Root');
  if (!root || !Number.isFinite(size)) throw malformed('trailer without /Root or /Size');
  const partial = { text, offsets };
  const catalog = objectText(partial, root);
  const pagesRef = refAt(catalog, 'Pages');
  if (!pagesRef) throw malformed('catalog without /Pages');
  const pages: ObjectRef[] = [];
  collectPages(partial, pagesRef, pages, 0);
  return {
    bytes,
    text,
    offsets,
    size,
    root,
    info: refAt(newest, 'Info'),
    id: /\/ID\s*(\[[^\]]*\])/.exec(newest)?.[1],
    startxref,
    pages,
  };
}
