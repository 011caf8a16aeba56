/**
 * Amend a Chromium PDF with an incremental update (PDF 1.7 §7.5.6): new objects and a new cross-reference
 * section are appended, the original bytes stay as they are. That sets the document information (title,
 * author, subject, keywords, creator, producer), the catalog's /Lang, and replaces Chromium's heading-based
 * outline with ours, and fixes the fonts' ToUnicode maps where Chromium reads CJK ideographs as radicals (see
 * to-unicode.ts). Pages, drawing, fonts' glyphs, links and the structure tree (tagged PDF) are untouched.
 */
import { open } from 'node:fs/promises';
import { ioError } from '../../core/fs.js';
import { bytesSource, fileSource, objectText, readPdfStructure, type ObjectRef, type PdfStructure } from './structure.js';
import { toUnicodeRefScanner, unifiedToUnicodeStreams } from './to-unicode.js';

export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords?: readonly string[];
  /** BCP 47 language, e.g. "zh-Hant". */
  lang?: string;
  creator?: string;
  producer?: string;
}

export interface OutlineEntry {
  title: string;
  /** 0-based page index the entry opens. */
  page: number;
  children?: readonly OutlineEntry[];
}

/** A PDF text string: UTF-16BE with a byte-order mark, as hex, so any script (CJK included) survives. */
export function pdfText(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `(D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(
    date.getUTCMinutes(),
  )}${pad(date.getUTCSeconds())}Z)`;
}

/** A PDF name from ASCII letters, digits and hyphens (a language tag), as a literal string. */
function pdfAsciiString(value: string): string {
  return `(${value.replace(/[^A-Za-z0-9-]/g, '')})`;
}

const ref = (r: ObjectRef) => `${r.num} ${r.gen} R`;

interface NewObject {
  num: number;
  body: string;
}

function countVisible(entries: readonly OutlineEntry[]): number {
  return entries.reduce((n, entry) => n + 1 + countVisible(entry.children ?? []), 0);
}

/** Outline objects for `entries` under `parent`; returns the first and last item numbers. */
function outlineObjects(
  entries: readonly OutlineEntry[],
  parent: number,
  pages: readonly ObjectRef[],
  allocate: () => number,
  out: NewObject[],
): { first: number; last: number } | undefined {
  const usable = entries.filter((entry) => pages[entry.page] !== undefined);
  if (usable.length === 0) return undefined;
  const nums = usable.map(() => allocate());
  usable.forEach((entry, i) => {
    const num = nums[i]!;
    const fields = [`/Title ${pdfText(entry.title)}`, `/Parent ${parent} 0 R`, `/Dest [${ref(pages[entry.page]!)} /Fit]`];
    if (i > 0) fields.push(`/Prev ${nums[i - 1]} 0 R`);
    if (i < nums.length - 1) fields.push(`/Next ${nums[i + 1]} 0 R`);
    const kids = outlineObjects(entry.children ?? [], num, pages, allocate, out);
    if (kids) fields.push(`/First ${kids.first} 0 R`, `/Last ${kids.last} 0 R`, `/Count ${countVisible(entry.children ?? [])}`);
    out.push({ num, body: `<<${fields.join('\n')}>>` });
  });
  return { first: nums[0]!, last: nums[nums.length - 1]! };
}

/** The catalog with our /Outlines, /PageMode and /Lang in place of Chromium's. */
function amendedCatalog(catalog: string, outlines: number | undefined, lang: string | undefined): string {
  let dict = catalog.trim();
  if (!dict.startsWith('<<') || !dict.endsWith('>>')) throw new Error('catalog is not a dictionary');
  dict = dict
    .slice(2, -2)
    .replace(/\/Outlines\s+\d+\s+\d+\s+R/, '')
    .replace(/\/PageMode\s*\/[A-Za-z]+/, '')
    .replace(/\/Lang\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/, '');
  const extra = [
    ...(outlines !== undefined ? [`/Outlines ${outlines} 0 R`, '/PageMode /UseOutlines'] : []),
    ...(lang ? [`/Lang ${pdfAsciiString(lang)}`] : []),
  ];
  return `<<${dict.trim()}\n${extra.join('\n')}>>`;
}

function infoDict(meta: PdfMetadata, old: string | undefined, now: Date): string {
  const created = old ? /\/CreationDate\s*(\([^)]*\))/.exec(old)?.[1] : undefined;
  const fields = [`/Title ${pdfText(meta.title)}`];
  if (meta.author) fields.push(`/Author ${pdfText(meta.author)}`);
  if (meta.subject) fields.push(`/Subject ${pdfText(meta.subject)}`);
  if (meta.keywords?.length) fields.push(`/Keywords ${pdfText(meta.keywords.join(', '))}`);
  if (meta.creator) fields.push(`/Creator ${pdfText(meta.creator)}`);
  if (meta.producer) fields.push(`/Producer ${pdfText(meta.producer)}`);
  fields.push(`/CreationDate ${created ?? pdfDate(now)}`, `/ModDate ${pdfDate(now)}`);
  return `<<${fields.join('\n')}>>`;
}

export interface AmendResult {
  bytes: Uint8Array;
  /** Number of pages in the PDF. */
  pageCount: number;
}

/**
 * The incremental update for a Chromium PDF: the bytes to append to it. `toUnicode` are the fonts' ToUnicode
 * streams (found by `toUnicodeRefScanner` as the PDF was written).
 */
export async function pdfUpdate(
  structure: PdfStructure,
  meta: PdfMetadata,
  outline: readonly OutlineEntry[],
  toUnicode: readonly ObjectRef[],
  now = new Date(),
): Promise<Uint8Array> {
  let nextNum = structure.size;
  const allocate = () => nextNum++;
  const objects: NewObject[] = [];

  const infoNum = allocate();
  const oldInfo = structure.info ? await objectText(structure, structure.info) : undefined;
  objects.push({ num: infoNum, body: infoDict(meta, oldInfo, now) });

  let outlinesNum: number | undefined;
  if (outline.length > 0) {
    outlinesNum = allocate();
    const top = outlineObjects(outline, outlinesNum, structure.pages, allocate, objects);
    objects.push({
      num: outlinesNum,
      body: top
        ? `<</Type /Outlines\n/First ${top.first} 0 R\n/Last ${top.last} 0 R\n/Count ${countVisible(outline)}>>`
        : '<</Type /Outlines\n/Count 0>>',
    });
  }
  const catalog = await objectText(structure, structure.root);
  const rootObject = { num: structure.root.num, body: amendedCatalog(catalog, outlinesNum, meta.lang) };
  const streams = await unifiedToUnicodeStreams(structure, toUnicode);

  // Serialise: objects, then one xref subsection per run of consecutive numbers, then the trailer.
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let length = structure.source.length;
  const push = (chunk: Uint8Array | string) => {
    const data = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    chunks.push(data);
    length += data.length;
  };
  if (!structure.endsWithNewline) push('\n');
  const offsets = new Map<number, { offset: number; gen: number }>();
  const write = (num: number, gen: number, body: string | Uint8Array) => {
    offsets.set(num, { offset: length, gen });
    push(`${num} ${gen} obj\n`);
    push(body);
    push('\nendobj\n');
  };
  write(rootObject.num, structure.root.gen, rootObject.body);
  for (const object of objects) write(object.num, 0, object.body);
  for (const stream of streams) write(stream.ref.num, stream.ref.gen, stream.body);
  const xrefOffset = length;
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    xref += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const entry = offsets.get(numbers[k]!)!;
      xref += `${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  const trailer = [`/Size ${nextNum}`, `/Root ${ref(structure.root)}`, `/Info ${infoNum} 0 R`, `/Prev ${structure.startxref}`];
  if (structure.id) trailer.push(`/ID ${structure.id}`);
  push(`${xref}trailer\n<<${trailer.join('\n')}>>\nstartxref\n${xrefOffset}\n%%EOF\n`);

  const update = new Uint8Array(length - structure.source.length);
  let at = 0;
  for (const chunk of chunks) {
    update.set(chunk, at);
    at += chunk.length;
  }
  return update;
}

/** A Chromium PDF in memory with the metadata and outline appended. */
export async function amendPdf(
  bytes: Uint8Array,
  meta: PdfMetadata,
  outline: readonly OutlineEntry[],
  now = new Date(),
): Promise<AmendResult> {
  const structure = await readPdfStructure(bytesSource(bytes));
  const scanner = toUnicodeRefScanner();
  scanner.push(bytes);
  const update = await pdfUpdate(structure, meta, outline, scanner.refs(), now);
  const result = new Uint8Array(bytes.length + update.length);
  result.set(bytes, 0);
  result.set(update, bytes.length);
  return { bytes: result, pageCount: structure.pages.length };
}

/**
 * Append the metadata and outline to a Chromium PDF on disk, in place: only its cross-reference table, trailer,
 * catalog, page tree and ToUnicode maps are read, so the file is never held in memory whole.
 */
export async function amendPdfFile(
  path: string,
  meta: PdfMetadata,
  outline: readonly OutlineEntry[],
  toUnicode: readonly ObjectRef[],
  now = new Date(),
): Promise<{ pageCount: number; bytes: number }> {
  const handle = await open(path, 'r+').catch((error: unknown) => Promise.reject(ioError('open', path, error)));
  try {
    const { size } = await handle.stat();
    const structure = await readPdfStructure(fileSource(handle, size));
    const update = await pdfUpdate(structure, meta, outline, toUnicode, now);
    await handle.write(update, 0, update.length, size).catch((error: unknown) => Promise.reject(ioError('write', path, error)));
    return { pageCount: structure.pages.length, bytes: size + update.length };
  } finally {
    await handle.close();
  }
}
