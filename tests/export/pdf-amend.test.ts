import { describe, expect, it } from 'vitest';
import { pdfText } from '../../src/export/pdf/amend.js';
import { unifyCMap } from '../../src/export/pdf/to-unicode.js';

const cmap = (body: string) =>
  `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n${body}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;

describe('unifyCMap', () => {
  it('maps Kangxi radicals back to the ideographs the text had, in bfchar and bfrange entries', () => {
    const fixed = unifyCMap(cmap('2 beginbfchar\n<01> <2F00>\n<02> <FF1A>\nendbfchar\n1 beginbfrange\n<03> <04> <2F24>\nendbfrange'))!;
    expect(fixed).toContain('<01> <4E00>'); // ⼀ → 一
    expect(fixed).toContain('<02> <FF1A>'); // full-width colon untouched (NFKC would have made it ":")
    expect(fixed).toContain('<03> <5927>'); // ⼤ → 大
    expect(fixed).toContain('<04> <5973>'); // ⼥ → 女
    expect(fixed).toMatch(/^\/CIDInit[\s\S]*begincmap\n4 beginbfchar[\s\S]*endbfchar\nendcmap/);
  });

  it('leaves a map without radicals alone', () => {
    expect(unifyCMap(cmap('1 beginbfchar\n<01> <4E00>\nendbfchar'))).toBeUndefined();
  });
});

describe('pdfText', () => {
  it('encodes any text as UTF-16BE hex with a byte-order mark', () => {
    expect(pdfText('A一')).toBe('<FEFF00414E00>');
    expect(pdfText('𐘀')).toBe('<FEFFD801DE00>');
  });
});
