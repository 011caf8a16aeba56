/**
 * `deck png` and `deck pptx` as the user runs them: `deck png`'s `--scale`, `--jpeg` and `--fragments` flags, and
 * `deck pptx -o DIR` writing DIR/deck.pptx with a slide per slide, its exit 4 on an unreadable image (file and line
 * named, nothing written), `--no-strict` and exit 6 on an output folder it cannot write; `deck png` on the same
 * unreadable image. Their exports are tested in depth in-process (tests/export/png.test.ts,
 * tests/export/pptx.test.ts); here, that the command line reaches them. They all run at once, each with a
 * generous limit (six exports at once on a loaded machine).
 *
 * Each export costs a Chromium and a page load, so `deck pptx`'s good export and its `--no-strict` are one run:
 * the small deck with one more slide whose image cannot be read (every slide written, the image warned about).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, ensureCompiled, OUT, ROOT, runCli } from './run.js';
import { imageSize } from '../helpers/image-size.js';

const WORK = join(OUT, 'share-cli');
const SMALL = join(ROOT, 'tests', 'fixtures', 'export', 'small');

/** A deck whose second slide shows an image that cannot be read. */
const BROKEN = join(WORK, 'broken-image');
/** The small deck and a sixth slide (03-picture.md, its image on line 3) showing an image that cannot be read. */
const SMALL_BROKEN = join(WORK, 'small-broken-image');

let png: CliResult;
let pptx: CliResult;
let brokenImage: CliResult;
let unwritable: CliResult;
let pngBroken: CliResult;
let pngLoose: CliResult;

beforeAll(async () => {
  await ensureCompiled();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(join(BROKEN, 'out'), { recursive: true });
  writeFileSync(join(BROKEN, 'talk.md'), '# Title\n\n---\n\n## Picture\n\n![a chart](chart.png)\n');
  writeFileSync(join(BROKEN, 'chart.png'), 'this is not a PNG');
  writeFileSync(join(BROKEN, 'out', 'keep.txt'), 'the user’s file');
  cpSync(SMALL, SMALL_BROKEN, { recursive: true });
  writeFileSync(join(SMALL_BROKEN, '03-picture.md'), '## Picture\n\n![a chart](chart.png)\n');
  writeFileSync(join(SMALL_BROKEN, 'chart.png'), 'this is not a PNG');
  [png, pptx, brokenImage, unwritable, pngBroken, pngLoose] = await Promise.all([
    runCli(['png', SMALL, '-o', join(WORK, 'png'), '--scale', '2', '--jpeg', '--fragments'], { timeoutMs: 300_000 }),
    runCli(['pptx', SMALL_BROKEN, '-o', join(WORK, 'pptx'), '--no-strict'], { timeoutMs: 300_000 }),
    runCli(['pptx', BROKEN, '-o', join(BROKEN, 'out')], { timeoutMs: 300_000 }),
    // A file where the output folder should be: no one can write there, root included.
    runCli(['pptx', SMALL, '-o', join(BROKEN, 'talk.md', 'out')], { timeoutMs: 300_000 }),
    runCli(['png', BROKEN, '-o', join(WORK, 'png-broken')], { timeoutMs: 300_000 }),
    runCli(['png', BROKEN, '-o', join(WORK, 'png-loose'), '--no-strict'], { timeoutMs: 300_000 }),
  ]);
}, 420_000);

describe('deck png through the CLI', () => {
  it('--scale 2 --jpeg --fragments: a 2560×1440 JPEG per fragment step, and the thumbnail at the slide’s own size', () => {
    expect(png.code, png.stderr).toBe(0);
    expect(png.stdout).toMatch(/exported 11 images \(2560×1440\)/);
    const dir = join(WORK, 'png');
    // The small deck's steps: slide 1 has two fragments (3 images), slide 2 three (4: the PDF's opt-out is the
    // PDF's), slides 3 and 4 none, slide 5 one.
    const steps = { '001': 3, '002': 4, '003': 1, '004': 1, '005': 2 };
    const expected = Object.entries(steps).flatMap(([slide, count]) => Array.from({ length: count }, (_, i) => `${slide}-${i}.jpg`));
    expect(readdirSync(dir).sort()).toEqual([...expected, 'thumbnail.png'].sort());
    for (const name of expected) expect(imageSize(readFileSync(join(dir, name))), name).toEqual({ width: 2560, height: 1440 });
    expect(imageSize(readFileSync(join(dir, 'thumbnail.png')))).toEqual({ width: 1280, height: 720 });
  });
});

describe('deck png through the CLI: an image that cannot be read', () => {
  it('exits 4 naming its file and line and writes nothing; --no-strict writes every slide and warns', () => {
    expect(pngBroken.code, pngBroken.stderr).toBe(4);
    expect(pngBroken.stderr).toMatch(/talk\.md:7: slide 2 “Picture”: the image “chart\.png” cannot be read/);
    expect(existsSync(join(WORK, 'png-broken'))).toBe(false);
    expect(pngLoose.code, pngLoose.stderr).toBe(0);
    expect(pngLoose.stderr).toMatch(/talk\.md:7: .*chart\.png/);
    expect(readdirSync(join(WORK, 'png-loose')).sort()).toEqual(['001.png', '002.png', 'thumbnail.png']);
  });
});

describe('deck pptx through the CLI', () => {
  it('-o DIR --no-strict writes DIR/deck.pptx with one slide per slide of the deck, the one whose image cannot be read too, and warns about the image naming its file and line', async () => {
    expect(pptx.code, pptx.stderr).toBe(0);
    expect(pptx.stderr).toMatch(/03-picture\.md:3: .*chart\.png/);
    const file = join(WORK, 'pptx', 'deck.pptx');
    expect(pptx.stdout).toContain(`exported 6 slides → ${file}`);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides).toHaveLength(6);
  });

  it('exits 4 on an image that cannot be read, naming its file and line, and writes nothing', () => {
    expect(brokenImage.code, brokenImage.stderr).toBe(4);
    expect(brokenImage.stderr).toMatch(/talk\.md:7: slide 2 “Picture”: the image “chart\.png” cannot be read/);
    expect(readdirSync(join(BROKEN, 'out'))).toEqual(['keep.txt']);
  });

  it('exits 6 on an output folder it cannot write, naming it', () => {
    expect(unwritable.code, unwritable.stderr).toBe(6);
    expect(unwritable.stderr).toContain(join(BROKEN, 'talk.md', 'out'));
    expect(readFileSync(join(BROKEN, 'talk.md'), 'utf8')).toContain('## Picture');
  });
});
