/**
 * page.pdf streamed to a file: Chromium hands the PDF over in chunks (`page.createPDFStream`), each written to
 * disk as it comes, so Node never holds the whole PDF (a 1000-slide deck.pdf is tens of megabytes). On the way,
 * links to the deck's own files are made relative (local-links.ts) and the fonts' ToUnicode references are
 * noted for the amend step (amend.ts), which then reads only what it needs of the file.
 */
import { open } from 'node:fs/promises';
import type { Page, PDFOptions } from 'puppeteer-core';
import { ioError } from '../../core/fs.js';
import { relativizeLocalLinks } from './local-links.js';
import type { ObjectRef } from './structure.js';
import { toUnicodeRefScanner } from './to-unicode.js';

export interface StreamPdfOptions {
  /** The folder URL the page was printed from: links into it become relative to the PDF. */
  linkBase?: string;
}

export interface StreamedPdf {
  /** Bytes written. */
  bytes: number;
  /** The fonts' ToUnicode streams, for `amendPdfFile`. */
  toUnicode: ObjectRef[];
}

const URI_START = '/URI (';

/**
 * How much of `data` is final: everything before a link string whose closing parenthesis has not arrived yet,
 * and before the last few bytes, which may be the start of one. The rest waits for the next chunk, so a link
 * cut between two chunks is rewritten whole (tests/export/pdf-stream.test.ts cuts a PDF at every size).
 */
export function finalLength(data: Uint8Array): number {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  const partialStart = Math.max(0, data.length - (URI_START.length - 1));
  const start = text.lastIndexOf(URI_START);
  if (start < 0) return partialStart;
  let end = start + URI_START.length;
  while (end < text.length && text[end] !== ')') end += text[end] === '\\' ? 2 : 1;
  if (end >= text.length) return start;
  return Math.max(end + 1, partialStart);
}

/**
 * The link rewrite applied to a PDF arriving in chunks: `push` returns the bytes that are final (rewritten),
 * `flush` the rest at the end. Without a base, bytes pass through as they come.
 */
export function linkRewriter(linkBase: string | undefined): { push(chunk: Uint8Array): Uint8Array; flush(): Uint8Array } {
  let held: Uint8Array = new Uint8Array(0);
  const rewrite = (data: Uint8Array) => {
    if (linkBase) relativizeLocalLinks(data, linkBase);
    return data;
  };
  return {
    push(chunk) {
      if (!linkBase) return chunk;
      const data = held.length > 0 ? Buffer.concat([held, chunk]) : chunk;
      const ready = finalLength(data);
      held = data.slice(ready);
      return rewrite(data.subarray(0, ready));
    },
    flush() {
      const rest = held;
      held = new Uint8Array(0);
      return rewrite(rest);
    },
  };
}

export async function streamPdf(page: Page, pdfOptions: PDFOptions, path: string, options: StreamPdfOptions = {}): Promise<StreamedPdf> {
  const stream = await page.createPDFStream(pdfOptions);
  const handle = await open(path, 'w').catch((error: unknown) => Promise.reject(ioError('write', path, error)));
  const scanner = toUnicodeRefScanner();
  const links = linkRewriter(options.linkBase);
  const reader = stream.getReader();
  let bytes = 0;
  const write = async (data: Uint8Array) => {
    if (data.length === 0) return;
    scanner.push(data);
    await handle.write(data).catch((error: unknown) => Promise.reject(ioError('write', path, error)));
    bytes += data.length;
  };
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) await write(links.push(next.value));
    await write(links.flush());
  } finally {
    await reader.cancel().catch(() => {});
    await handle.close();
  }
  return { bytes, toUnicode: scanner.refs() };
}
