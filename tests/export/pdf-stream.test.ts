import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendPdf, amendPdfFile, type OutlineEntry } from '../../src/export/pdf/amend.js';
import { relativizeLocalLinks } from '../../src/export/pdf/local-links.js';
import { linkRewriter, streamPdf } from '../../src/export/pdf/stream.js';
import { toUnicodeRefScanner } from '../../src/export/pdf/to-unicode.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';

let browser: Browser;
let dir: string;
/** A three-page Chromium PDF streamed to disk, with the ToUnicode references noted on the way. */
let streamedPath: string;
let streamedRefs: { num: number; gen: number }[];
let streamedBytes: number;
/** The same page from page.pdf, whole, as Chromium wrote it (links absolute). */
let raw: Uint8Array;
let linkBase: string;

const PAGES = ['第一張：一大早', '第二張：大模型', '第三張：結語'];
const META = { title: '串流測試', author: '測試者', lang: 'zh-Hant', creator: 'gpt-deck test', producer: 'Chromium' };
const OUTLINE: OutlineEntry[] = [
  { title: '開場', page: 0, children: [{ title: PAGES[1]!, page: 1 }] },
  { title: PAGES[2]!, page: 2 },
];
const NOW = new Date(Date.UTC(2024, 4, 13, 12, 0, 0));

async function outlinePages(data: Uint8Array): Promise<[string, number][]> {
  const doc = await getDocument({ data, verbosity: 0 }).promise;
  const found: [string, number][] = [];
  const walk = async (items: Awaited<ReturnType<typeof doc.getOutline>>) => {
    for (const item of items ?? []) {
      const dest = Array.isArray(item.dest) ? item.dest : await doc.getDestination(String(item.dest));
      found.push([item.title, await doc.getPageIndex(dest![0] as { num: number; gen: number })]);
      await walk(item.items);
    }
  };
  await walk(await doc.getOutline());
  await doc.destroy();
  return found;
}

async function pageTexts(data: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data, verbosity: 0 }).promise;
  const texts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return texts;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'deck-pdf-stream-'));
  browser = await startChromium();
  const page = await browser.newPage();
  try {
    linkBase = `${pathToFileURL(dir).href}/`;
    const links = `<a href="${linkBase}files/table.csv">表格</a> <a href="${linkBase}files/read%20me%20(1).txt">說明</a>`;
    await page.setContent(
      `<html lang="zh-Hant"><style>@page { size: 640px 360px; margin: 0 } body { margin: 0 } section { height: 360px; font: 40px sans-serif } section + section { break-before: page }</style>${PAGES.map(
        (text) => `<section>${text} ${links}</section>`,
      ).join('')}</html>`,
    );
    streamedPath = join(dir, 'streamed.pdf');
    const pdfOptions = { preferCSSPageSize: true, tagged: true, outline: false };
    raw = new Uint8Array(await page.pdf(pdfOptions));
    const streamed = await streamPdf(page, pdfOptions, streamedPath, { linkBase });
    streamedRefs = streamed.toUnicode;
    streamedBytes = streamed.bytes;
  } finally {
    await page.close();
  }
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  rmSync(dir, { recursive: true, force: true });
});

describe('streamPdf', () => {
  it('writes the whole PDF to disk, and notes every ToUnicode map as it passes', () => {
    const bytes = readFileSync(streamedPath);
    expect(bytes.length).toBe(streamedBytes);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const whole = [...bytes.toString('latin1').matchAll(/\/ToUnicode\s+(\d+)\s+(\d+)\s+R/g)].map((m) => Number(m[1]));
    expect(whole.length).toBeGreaterThan(0);
    expect(streamedRefs.map((ref) => ref.num).sort()).toEqual([...new Set(whole)].sort());
  });
});

describe('linkRewriter', () => {
  it('makes links to the deck’s files relative as the PDF streams to disk', () => {
    const text = readFileSync(streamedPath).toString('latin1');
    expect(text).toContain('/URI (files/table.csv)');
    expect(text).not.toContain(linkBase);
  });

  it('rewrites the same bytes however the PDF is cut into chunks, as the whole-file rewrite does', () => {
    const whole = raw.slice();
    expect(relativizeLocalLinks(whole, linkBase)).toBeGreaterThanOrEqual(PAGES.length * 2);
    for (const size of [1, 3, 7, 50, 64, 1000, 4096, raw.length]) {
      const rewriter = linkRewriter(linkBase);
      const parts: Uint8Array[] = [];
      const input = raw.slice();
      for (let at = 0; at < input.length; at += size) parts.push(rewriter.push(input.slice(at, at + size)));
      parts.push(rewriter.flush());
      expect(Buffer.concat(parts).equals(Buffer.from(whole)), `chunks of ${size}`).toBe(true);
    }
  });
});

describe('toUnicodeRefScanner', () => {
  it('finds the same references however the PDF is cut into chunks', () => {
    const bytes = new Uint8Array(readFileSync(streamedPath));
    const expected = streamedRefs.map((ref) => ref.num).sort();
    for (const size of [1, 2, 3, 7, 13, 64, 65, 1000, 4096]) {
      const scanner = toUnicodeRefScanner();
      for (let at = 0; at < bytes.length; at += size) scanner.push(bytes.subarray(at, at + size));
      expect(
        scanner
          .refs()
          .map((ref) => ref.num)
          .sort(),
        `chunks of ${size}`,
      ).toEqual(expected);
    }
  });
});

describe('amendPdfFile', () => {
  it('appends the same update on disk as amendPdf does in memory, leaving the streamed bytes untouched', async () => {
    const original = new Uint8Array(readFileSync(streamedPath));
    const onDisk = join(dir, 'amended.pdf');
    copyFileSync(streamedPath, onDisk);
    const result = await amendPdfFile(onDisk, META, OUTLINE, streamedRefs, NOW);
    const inMemory = await amendPdf(original, META, OUTLINE, NOW);
    const amended = new Uint8Array(readFileSync(onDisk));
    expect(result.pageCount).toBe(3);
    expect(result.bytes).toBe(amended.length);
    expect(amended.length).toBeGreaterThan(original.length);
    expect(Buffer.from(amended.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    expect(Buffer.from(amended).equals(Buffer.from(inMemory.bytes))).toBe(true);
  });

  it('gives the streamed PDF its bookmarks on the right pages, its metadata and searchable ideographs', async () => {
    const onDisk = join(dir, 'checked.pdf');
    copyFileSync(streamedPath, onDisk);
    await amendPdfFile(onDisk, META, OUTLINE, streamedRefs, NOW);
    const data = new Uint8Array(readFileSync(onDisk));
    expect(await outlinePages(data.slice())).toEqual([
      ['開場', 0],
      [PAGES[1], 1],
      [PAGES[2], 2],
    ]);
    const doc = await getDocument({ data: data.slice(), verbosity: 0 }).promise;
    expect(doc.numPages).toBe(3);
    expect((await doc.getMetadata()).info).toMatchObject({ Title: META.title, Author: META.author, Language: 'zh-Hant' });
    await doc.destroy();
    // "一" and "大" read as the ideographs, not as the Kangxi radicals ⼀ and ⼤ Chromium maps them to.
    const unamended = (await pageTexts(new Uint8Array(readFileSync(streamedPath)))).join('');
    expect(unamended).toMatch(/[\u2F00-\u2FDF]/);
    const texts = (await pageTexts(data.slice())).map((text) => text.replace(/\s+/g, ''));
    expect(texts).toEqual(PAGES.map((text) => `${text}表格說明`));
  });
});
