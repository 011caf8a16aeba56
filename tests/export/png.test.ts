import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDeckError, ErrorCode } from '../../src/core/errors.js';
import { exportPng, imageName, type ExportPngResult } from '../../src/export/png/export.js';
import { type CliResult, runCli } from '../cli/run.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { defaultDeckPdf } from '../helpers/default-deck-pdf.js';
import { imageSize } from '../helpers/image-size.js';
import { TALK_SAMPLE_OPENING, writeTalkSample } from '../helpers/talk-sample.js';

let browser: Browser;
let work: string;
let main: ExportPngResult;

/** A new deck folder in this file's work folder holding talk.md (and `files`). */
function deckWith(talk: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(work, 'deck-'));
  writeFileSync(join(dir, 'talk.md'), talk);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** An export, then one with --fragments --scale 2 --jpeg into the same folder: what the folder held after each. */
async function exportTwice(): Promise<{ out: string; first: string[]; second: ExportPngResult }> {
  const dir = deckWith(
    '# Title\n\n---\n\n## Steps\n\n- one <!-- .element: class="fragment" -->\n- two <!-- .element: class="fragment" -->\n',
  );
  const out = join(dir, 'out');
  await exportPng(dir, { outDir: out, browser });
  const first = readdirSync(out).sort();
  return { out, first, second: await exportPng(dir, { outDir: out, browser, fragments: true, scale: 2, jpeg: true }) };
}

/** A deck with an image that is not one: the folder and the export's error. */
async function exportUnreadable(): Promise<{ dir: string; error: unknown }> {
  const dir = deckWith('# Title\n\n---\n\n## Picture\n\n![a chart](chart.png)\n', { 'chart.png': 'this is not a PNG' });
  const error = await exportPng(dir, { outDir: join(dir, 'out'), browser }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { dir, error };
}

/** `deck build` of a deck with a url, then `deck png`, then `deck build` again: what each build printed or wrote. */
async function buildPngBuild(): Promise<{ before: CliResult; htmlBefore: string; after: CliResult; htmlAfter: string }> {
  const dir = deckWith('---\ntitle: 分享\nurl: https://example.org/talks/share\n---\n\n# 分享\n');
  const out = join(dir, 'out');
  const before = await runCli(['build', dir, '-o', out]);
  const htmlBefore = readFileSync(join(out, 'index.html'), 'utf8');
  await exportPng(dir, { outDir: out, browser });
  const after = await runCli(['build', dir, '-o', out]);
  return { before, htmlBefore, after, htmlAfter: readFileSync(join(out, 'index.html'), 'utf8') };
}

/** The sequences above, started together from beforeAll (each test awaits its own). */
let exportedTwice: ReturnType<typeof exportTwice>;
let unreadable: ReturnType<typeof exportUnreadable>;
let builtAround: ReturnType<typeof buildPngBuild>;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'deck-png-test-'));
  browser = await startChromium();
  exportedTwice = exportTwice();
  unreadable = exportUnreadable();
  builtAround = buildPngBuild();
  for (const started of [exportedTwice, unreadable, builtAround]) started.catch(() => undefined);
  // A short copy of the talk: an image per slide is the same promise on 12 slides as on 32.
  const talk = mkdtempSync(join(work, 'talk-'));
  writeTalkSample(talk);
  main = await exportPng(talk, { outDir: join(work, 'main'), browser });
});

afterAll(async () => {
  await closeBrowser(browser);
  rmSync(work, { recursive: true, force: true });
});

describe('deck png', () => {
  it('writes one 1280×720 PNG per slide, 001.png onwards, and thumbnail.png of the title slide', () => {
    const names = readdirSync(join(work, 'main')).sort();
    const expected = main.deck.slides.map((_, i) => imageName(i + 1, undefined, 'png'));
    expect(names).toEqual([...expected, 'thumbnail.png'].sort());
    for (const name of names) expect(imageSize(readFileSync(join(work, 'main', name))), name).toEqual({ width: 1280, height: 720 });
    expect(readFileSync(main.thumbnail).equals(readFileSync(join(work, 'main', '001.png')))).toBe(true);
  });

  it('draws each slide as the PDF page shows it', async () => {
    const pdf = await defaultDeckPdf('gpt', browser);
    // A slide the copy of the talk has as the talk does, word for word; its neighbour two on (the timeline) for a different one.
    const page = 3;
    expect(page + 2).toBeLessThanOrEqual(TALK_SAMPLE_OPENING);
    expect(main.deck.slides[page - 1]!.title).toBe(pdf.deck.slides[page - 1]!.title);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '72',
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      pdf.slides!.path,
      join(work, 'page'),
    ]);
    // pdftoppm at 72 dpi gives the 960×540 pt page as 960×540 px; scale our 1280×720 image by the same ratio in Chromium.
    const compare = await browser.newPage();
    try {
      const png = (file: string) => `data:image/png;base64,${readFileSync(file).toString('base64')}`;
      const difference = (a: string, b: string) =>
        compare.evaluate(
          async (a, b) => {
            const load = (src: string) =>
              new Promise<HTMLImageElement>((resolve, reject) => {
                const image = new Image();
                image.onload = () => resolve(image);
                image.onerror = reject;
                image.src = src;
              });
            const [ours, pdf] = await Promise.all([load(a), load(b)]);
            const pixels = (image: HTMLImageElement) => {
              const canvas = document.createElement('canvas');
              canvas.width = 160;
              canvas.height = 90;
              const context = canvas.getContext('2d')!;
              context.drawImage(image, 0, 0, 160, 90);
              return context.getImageData(0, 0, 160, 90).data;
            };
            const x = pixels(ours);
            const y = pixels(pdf);
            // The share of pixels that differ clearly (by more than a quarter of the range in some channel).
            let differing = 0;
            for (let i = 0; i < x.length; i += 4) {
              const most = Math.max(Math.abs(x[i]! - y[i]!), Math.abs(x[i + 1]! - y[i + 1]!), Math.abs(x[i + 2]! - y[i + 2]!));
              if (most > 64) differing++;
            }
            return differing / (160 * 90);
          },
          a,
          b,
        );
      const pdfPage = png(join(work, 'page.png'));
      const same = await difference(png(join(work, 'main', imageName(page, undefined, 'png'))), pdfPage);
      const other = await difference(png(join(work, 'main', imageName(page + 2, undefined, 'png'))), pdfPage);
      // Measured: 0.06–0.10 % of pixels for the same slide (anti-aliasing); 1.7 % for the talk's text slides 8 and
      // 10, 8.3 % for slides 3 and 5.
      expect(same).toBeLessThan(0.004);
      expect(other).toBeGreaterThan(0.008);
    } finally {
      await compare.close();
    }
  });

  it('--fragments --scale 2 --jpeg gives a 2560×1440 JPEG per fragment step and removes images of the earlier export', async () => {
    const { out, first: firstNames, second: result } = await exportedTwice;
    expect(firstNames).toEqual(['001.png', '002.png', 'thumbnail.png']);
    expect(readdirSync(out).sort()).toEqual(['001-0.jpg', '002-0.jpg', '002-1.jpg', '002-2.jpg', 'thumbnail.png']);
    expect(result.files).toHaveLength(4);
    const first = readFileSync(join(out, '002-0.jpg'));
    const last = readFileSync(join(out, '002-2.jpg'));
    expect(imageSize(first)).toEqual({ width: 2560, height: 1440 });
    expect(first.equals(last)).toBe(false);
    expect(imageSize(readFileSync(result.thumbnail))).toEqual({ width: 1280, height: 720 });
  });

  it('fails on an image that cannot be read and writes nothing', async () => {
    const { dir, error } = await unreadable;
    expect(isDeckError(error) && error.code).toBe(ErrorCode.ExportFailed);
    expect((error as Error).message).toMatch(/talk\.md:7: slide 2 “Picture”: the image “chart\.png” cannot be read/);
    expect(readdirSync(dir)).not.toContain('out');
  });

  it('gives deck build the thumbnail for og:image when the deck has a url', async () => {
    const { before, htmlBefore, after, htmlAfter: html } = await builtAround;
    expect(before.code).toBe(0);
    expect(htmlBefore).not.toContain('og:image');
    expect(before.stdout + before.stderr).toContain('deck png');
    expect(after.code).toBe(0);
    expect(html).toContain('<meta property="og:image" content="https://example.org/talks/share/thumbnail.png">');
    expect(html).toContain('<meta property="og:title" content="分享">');
  });
});
