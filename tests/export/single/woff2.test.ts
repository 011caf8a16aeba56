import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFace } from '../../../src/export/single/ttc.js';
import { base128, toWoff2 } from '../../../src/export/single/woff2.js';
import { closeBrowser, startChromium, type Browser } from '../../helpers/chromium.js';

/** Google's reference WOFF2 decoder (compiled to WebAssembly), which subset-font depends on. */
const wawoff2 = createRequire(import.meta.url)('wawoff2') as { decompress(font: Uint8Array): Promise<Uint8Array> };

const TEXT = '技術的飛躍：GPT-1 至 GPT-4o 的演變 Hello, world! 0123456789';
const FONTS = {
  'CFF (Noto Sans CJK TC, out of its collection)': () =>
    extractFace(new Uint8Array(readFileSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')), 3),
  'TrueType glyf (DejaVu Sans)': () => new Uint8Array(readFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')),
};

/** Tag → table bytes of an sfnt font. */
function tables(font: Uint8Array): Map<string, string> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const out = new Map<string, string>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    const bytes = font.slice(offset, offset + view.getUint32(record + 12));
    // The decoder rewrites head's checkSumAdjustment (bytes 8–11) for the font it rebuilds.
    if (tag === 'head') bytes.fill(0, 8, 12);
    out.set(tag, Buffer.from(bytes).toString('hex'));
  }
  return out;
}

let browser: Browser;
const subsets = new Map<string, Buffer>();

beforeAll(async () => {
  browser = await startChromium();
  for (const [name, font] of Object.entries(FONTS)) {
    const face = font();
    subsets.set(name, await subsetFont(Buffer.from(face.buffer, face.byteOffset, face.byteLength), TEXT, { targetFormat: 'sfnt' }));
  }
});

afterAll(async () => {
  await closeBrowser(browser);
});

describe('WOFF2 with Node’s Brotli', () => {
  it('writes UIntBase128 as the spec does: 7 bits a byte, high bit on all but the last, no leading zero bytes', () => {
    expect(base128(0)).toEqual([0]);
    expect(base128(127)).toEqual([127]);
    expect(base128(128)).toEqual([0x81, 0x00]);
    expect(base128(16_383)).toEqual([0xff, 0x7f]);
    expect(base128(16_384)).toEqual([0x81, 0x80, 0x00]);
    expect(base128(275_036)).toEqual([0x90, 0xe4, 0x5c]);
  });

  for (const name of Object.keys(FONTS)) {
    it(`${name}: the reference decoder gives back every table byte for byte, and the file is smaller`, async () => {
      const sfnt = subsets.get(name)!;
      const woff2 = await toWoff2(sfnt);
      expect(woff2.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(woff2.readUInt32BE(8)).toBe(woff2.length);
      expect(woff2.length).toBeLessThan(sfnt.length);
      const decoded = await wawoff2.decompress(woff2);
      expect(tables(decoded)).toEqual(tables(sfnt));
    });

    it(`${name}: Chromium loads it as a web font and draws text with it`, async () => {
      const woff2 = await toWoff2(subsets.get(name)!);
      const page = await browser.newPage();
      try {
        const result = await page.evaluate(async (base64) => {
          const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
          const face = new FontFace('Embedded', bytes.buffer);
          try {
            await face.load();
          } catch (error) {
            return { status: 'error', message: String(error), width: 0, fallbackWidth: 0 };
          }
          document.fonts.add(face);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = '40px Embedded, monospace';
          const width = context.measureText('Hello 技術').width;
          context.font = '40px monospace';
          return { status: face.status, message: '', width, fallbackWidth: context.measureText('Hello 技術').width };
        }, woff2.toString('base64'));
        expect(result.message).toBe('');
        expect(result.status).toBe('loaded');
        expect(result.width).not.toBe(result.fallbackWidth);
      } finally {
        await page.close();
      }
    });
  }
});
