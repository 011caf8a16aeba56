import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readFontNames } from '../../../src/export/fonts/font-names.js';
import { parseFcList } from '../../../src/export/fonts/system-fonts.js';

/** fontconfig's view of the installed fonts: what the folder scan must agree with where fc-list is missing. */
const fcList = parseFcList(
  execFileSync('fc-list', ['-f', '%{file}|%{index}|%{postscriptname}|%{weight}|%{slant}|%{family}\n'], { encoding: 'utf8' }),
);

describe('readFontNames: names, weight and style from a font file’s own tables', () => {
  it('reads every face of a collection, Traditional Chinese included', async () => {
    const faces = await readFontNames('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
    const tc = faces.find((face) => face.postScriptName === 'NotoSansCJKtc-Regular');
    expect(tc).toMatchObject({ index: 3, weight: 400, style: 'normal' });
    expect(tc!.families).toContain('Noto Sans CJK TC');
    expect(faces.length).toBeGreaterThanOrEqual(5);
  });

  it('agrees with fontconfig on every installed font file: face numbers, PostScript names, families, style', async () => {
    const files = [...new Set(fcList.map((font) => font.file))];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const ours = await readFontNames(file);
      for (const theirs of fcList.filter((font) => font.file === file)) {
        const face = ours.find((candidate) => candidate.index === theirs.index);
        expect(face, `${file}#${theirs.index}`).toBeDefined();
        expect(face!.postScriptName, file).toBe(theirs.postScriptName);
        expect(face!.families, file).toContain(theirs.families[0]);
        expect(face!.style, file).toBe(theirs.style);
        // fontconfig maps weights through its own scale; the CSS weight is within one step of ours.
        expect(Math.abs(face!.weight - theirs.weight), file).toBeLessThanOrEqual(100);
      }
    }
  });

  it('gives nothing for a file that is not a font or cannot be read', async () => {
    expect(await readFontNames('/etc/hostname')).toEqual([]);
    expect(await readFontNames('/no/such/font.ttf')).toEqual([]);
  });
});
