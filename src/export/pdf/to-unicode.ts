/**
 * Chromium maps a CJK glyph back to the lowest code point the font gives it, and Noto CJK gives many common
 * ideographs a Kangxi radical too: "一" (U+4E00) comes out of the PDF as "⼀" (U+2F00), "大" as "⼤". The text
 * looks right but search and copy fail ("第一張" is not found). This rewrites the fonts' ToUnicode maps so that
 * those radicals read as the unified ideographs they are (their NFKC form); nothing else is changed.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { ObjectRef, PdfStructure } from './structure.js';

/** Kangxi Radicals and CJK Radicals Supplement: the code points to replace. */
const RADICAL = /[\u2E80-\u2EFF\u2F00-\u2FDF]/g;
const HAS_RADICAL = /[\u2E80-\u2EFF\u2F00-\u2FDF]/;

const fromHex = (hex: string): string => {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
};
const toHex = (text: string): string =>
  [...text]
    .flatMap((c) => (c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [c.charCodeAt(0)]))
    .map((u) => u.toString(16).toUpperCase().padStart(4, '0'))
    .join('');

const unify = (text: string) => text.replace(RADICAL, (c) => c.normalize('NFKC'));

/** Rewrite one CMap's text; returns undefined when nothing needed changing. */
export function unifyCMap(cmap: string): string | undefined {
  if (!HAS_RADICAL.test(fromHexTokens(cmap))) return undefined;
  const mappings: [string, string][] = [];
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) mappings.push([m[1]!, m[2]!]);
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const width = m[1]!.length;
      const code = (n: number) => n.toString(16).toUpperCase().padStart(width, '0');
      if (m[3]!.startsWith('[')) {
        const dsts = [...m[3]!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((d) => d[1]!);
        dsts.forEach((dst, i) => lo + i <= hi && mappings.push([code(lo + i), dst]));
      } else {
        const start = m[3]!.slice(1, -1);
        const last = parseInt(start.slice(-4), 16);
        for (let n = lo; n <= hi; n++)
          mappings.push([code(n), start.slice(0, -4) + (last + n - lo).toString(16).toUpperCase().padStart(4, '0')]);
      }
    }
  }
  const first = cmap.search(/\d+\s+begin(bfchar|bfrange)/);
  const lastEnd = Math.max(cmap.lastIndexOf('endbfchar') + 9, cmap.lastIndexOf('endbfrange') + 10);
  if (first < 0 || lastEnd < 10) return undefined;
  const blocks: string[] = [];
  for (let i = 0; i < mappings.length; i += 100) {
    const chunk = mappings.slice(i, i + 100);
    blocks.push(
      `${chunk.length} beginbfchar\n${chunk.map(([src, dst]) => `<${src}> <${toHex(unify(fromHex(dst)))}>`).join('\n')}\nendbfchar`,
    );
  }
  return `${cmap.slice(0, first)}${blocks.join('\n')}${cmap.slice(lastEnd)}`;
}

/** The destination strings of a CMap, decoded, to see whether any radical is there at all. */
function fromHexTokens(cmap: string): string {
  return [...cmap.matchAll(/<([0-9A-Fa-f]{4,})>/g)].map((m) => fromHex(m[1]!)).join('');
}

export interface StreamObject {
  ref: ObjectRef;
  /** The complete object body to write (dictionary and stream), as bytes. */
  body: Uint8Array;
}

/** Longest text a reference can take ("/ToUnicode 1234567 65535 R" with generous spacing), kept across chunks. */
const REF_OVERLAP = 64;

/**
 * Finds the fonts' `/ToUnicode n g R` references in a PDF as its bytes go by (page.pdf's stream on its way to
 * disk), so the file need not be read again to find them. A reference cut between two chunks is found
 * through the overlap kept from the previous one (tests/export/pdf-amend.test.ts cuts a PDF at every size).
 */
export function toUnicodeRefScanner(): { push(chunk: Uint8Array): void; refs(): ObjectRef[] } {
  const found = new Map<number, ObjectRef>();
  const latin1 = new TextDecoder('latin1');
  let carried = '';
  return {
    push(chunk) {
      const text = carried + latin1.decode(chunk);
      for (const m of text.matchAll(/\/ToUnicode\s+(\d+)\s+(\d+)\s+R/g)) {
        found.set(Number(m[1]), { num: Number(m[1]), gen: Number(m[2]) });
      }
      carried = text.slice(-REF_OVERLAP);
    },
    refs: () => [...found.values()],
  };
}

/** New versions of the ToUnicode streams `refs` that map glyphs to radicals. */
export async function unifiedToUnicodeStreams(structure: PdfStructure, refs: readonly ObjectRef[]): Promise<StreamObject[]> {
  const encoder = new TextEncoder();
  const latin1 = new TextDecoder('latin1');
  const fixed = await Promise.all(
    refs.map(async (ref): Promise<StreamObject | undefined> => {
      const offset = structure.offsets.get(ref.num);
      if (offset === undefined) return undefined;
      const head = latin1.decode(await structure.source.read(offset, 512));
      const dict = /<<([\s\S]*?)>>\s*stream(\r\n|\n)/.exec(head);
      const length = dict ? /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict[1]!) : null;
      if (!dict || !length) return undefined; // an indirect /Length or an odd layout: leave that map as Chromium wrote it
      const raw = await structure.source.read(offset + dict.index + dict[0].length, Number(length[1]));
      const flate = /\/Filter\s*\/FlateDecode/.test(dict[1]!);
      const cmap = unifyCMap(latin1.decode(flate ? inflateSync(raw) : raw));
      if (cmap === undefined) return undefined;
      const data = deflateSync(encoder.encode(cmap));
      const header = encoder.encode(`<</Filter /FlateDecode\n/Length ${data.length}>>\nstream\n`);
      const footer = encoder.encode('\nendstream');
      const body = new Uint8Array(header.length + data.length + footer.length);
      body.set(header, 0);
      body.set(data, header.length);
      body.set(footer, header.length + data.length);
      return { ref, body };
    }),
  );
  return fixed.filter((stream) => stream !== undefined);
}
