import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageName } from '../../src/export/png/export.js';
import { pptColor, powerPointLang, titleBlock } from '../../src/export/pptx/write.js';
import { cssWeight, parseFcList } from '../../src/export/fonts/system-fonts.js';
import { extractFace } from '../../src/export/single/ttc.js';

describe('PPTX helpers', () => {
  it('tags Chinese text with the region PowerPoint picks glyphs by', () => {
    expect(powerPointLang('zh-Hant')).toBe('zh-TW');
    expect(powerPointLang('zh-Hans')).toBe('zh-CN');
    expect(powerPointLang('ja')).toBe('ja-JP');
    expect(powerPointLang('pt-BR')).toBe('pt-BR');
  });

  it('turns computed colours into hex and transparency', () => {
    expect(pptColor('rgb(22, 32, 42)')).toEqual({ color: '16202A', transparency: 0 });
    expect(pptColor('rgba(255, 0, 0, 0.25)')).toEqual({ color: 'FF0000', transparency: 75 });
  });

  it('titles a slide with its highest heading', () => {
    const text = (heading: number) => ({
      kind: 'text' as const,
      box: { x: 0, y: 0, w: 1, h: 1 },
      heading,
      paragraphs: [],
      preformatted: false,
    });
    expect(titleBlock([text(0), text(3), text(2), text(2)])).toBe(2);
    expect(titleBlock([text(0)])).toBe(-1);
  });
});

describe('PNG names', () => {
  it('numbers slides with three digits, and steps after a dash', () => {
    expect(imageName(7, undefined, 'png')).toBe('007.png');
    expect(imageName(12, 2, 'jpg')).toBe('012-2.jpg');
  });
});

describe('single-file fonts', () => {
  it('reads fontconfig’s list, weights as CSS weights', () => {
    const fonts = parseFcList('/f/NotoSansCJK-Bold.ttc|3|NotoSansCJKtc-Bold|200|0|Noto Sans CJK TC,Noto Sans CJK TC Bold\n\n');
    expect(fonts).toEqual([
      {
        file: '/f/NotoSansCJK-Bold.ttc',
        index: 3,
        postScriptName: 'NotoSansCJKtc-Bold',
        families: ['Noto Sans CJK TC', 'Noto Sans CJK TC Bold'],
        weight: 700,
        style: 'normal',
      },
    ]);
    expect(cssWeight(80)).toBe(400);
    expect(cssWeight(210)).toBe(900);
  });

  it('takes the Traditional Chinese face out of the Noto Sans CJK collection', () => {
    const collection = new Uint8Array(readFileSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'));
    const face = extractFace(collection, 3);
    expect(String.fromCharCode(...face.subarray(0, 4))).toBe('OTTO');
    // A standalone font: its table records point inside it, and it is not the collection's first (Japanese) face.
    const view = new DataView(face.buffer);
    const tables = view.getUint16(4);
    for (let i = 0; i < tables; i++) {
      const record = 12 + 16 * i;
      expect(view.getUint32(record + 8) + view.getUint32(record + 12)).toBeLessThanOrEqual(face.length);
    }
    const japanese = extractFace(collection, 0);
    expect(Buffer.from(face.subarray(0, 12 + 16 * tables)).equals(Buffer.from(japanese.subarray(0, 12 + 16 * tables)))).toBe(false);
    expect(() => extractFace(collection, 99)).toThrow(RangeError);
  });
});
