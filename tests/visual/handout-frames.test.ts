/**
 * Handouts on A4 and letter, every layout: each slide frame is drawn whole (outline on all four sides) inside
 * the printable area at the size the layout promises, and a 6-up sheet fills the page (two columns edge to edge,
 * three rows, ruled lines down to the bottom margin). Measured on the real handout.pdf rendered by poppler.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPagePool } from '../../src/browser/index.js';
import { exportPdf } from '../../src/export/export.js';
import {
  expectedSheets,
  HANDOUT_LAYOUTS,
  handoutGeometry,
  MARGIN_MM,
  PAPER_MM,
  type HandoutLayout,
  type Paper,
} from '../../src/export/handout/layout.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { type Box, greenBoxes, lowestInk, missingSides } from './frames.js';
import type { Image } from './png.js';
import { decodePpm } from './ppm.js';

/** Seven slides on a green background, notes on every other one. */
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'export', 'frames');
const SLIDES = 7;
const DPI = 120;
const PX_PER_MM = DPI / 25.4;
const PAPERS: readonly Paper[] = ['A4', 'letter'];

let browser: Browser;
/** The exports' pages, kept between them as `deck pdf a/ b/` keeps them: one page instead of eight. */
const pages = createPagePool();
const sheets = new Map<string, Image[]>();

/** Every page of a PDF as an image, as raw PPM: PNG's deflate in poppler and inflate here cost more than the checks. */
function renderPages(pdf: string): Image[] {
  const dir = mkdtempSync(join(tmpdir(), 'deck-frames-ppm-'));
  execFileSync('pdftoppm', ['-r', String(DPI), pdf, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ppm'))
    .sort()
    .map((name) => decodePpm(readFileSync(join(dir, name))));
}

/** The green boxes of each sheet, found once for the tests that look at them (a scan of every pixel). */
const boxesOnSheet = new WeakMap<Image, Box[]>();
function boxesOf(sheet: Image): Box[] {
  if (!boxesOnSheet.has(sheet)) boxesOnSheet.set(sheet, greenBoxes(sheet));
  return boxesOnSheet.get(sheet)!;
}

beforeAll(async () => {
  browser = await startChromium();
  const out = mkdtempSync(join(tmpdir(), 'deck-frames-'));
  for (const paper of PAPERS) {
    for (const layout of HANDOUT_LAYOUTS) {
      const result = await exportPdf(FIXTURE, {
        outDir: join(out, `${layout}-${paper}`),
        browser,
        pages,
        slides: false,
        handout: layout,
        flags: { pdf: { paper } },
      });
      sheets.set(`${layout}-${paper}`, renderPages(result.handout!.path));
    }
  }
  // Eight exports: on a loaded machine this outlasts the default hook timeout (no test here measures speed).
}, 600_000);

afterAll(async () => {
  await pages.close();
  if (browser) await closeBrowser(browser);
});

const mm = (px: number) => px / PX_PER_MM;

describe.each(PAPERS)('handouts on %s', (paper) => {
  const size = PAPER_MM[paper];
  describe.each(HANDOUT_LAYOUTS)('%s', (layout: HandoutLayout) => {
    const geometry = handoutGeometry(layout, paper, 720 / 1280);

    it('has a sheet of the paper size per page and the slides the layout puts on each', () => {
      const pages = sheets.get(`${layout}-${paper}`)!;
      expect(pages).toHaveLength(expectedSheets(geometry, SLIDES));
      pages.forEach((page, i) => {
        expect(mm(page.width)).toBeCloseTo(size.width, 0);
        expect(mm(page.height)).toBeCloseTo(size.height, 0);
        expect(boxesOf(page)).toHaveLength(Math.min(geometry.perSheet, SLIDES - i * geometry.perSheet));
      });
    });

    it('draws every frame whole, inside the margins, at the layout’s slide size', () => {
      const problems: string[] = [];
      sheets.get(`${layout}-${paper}`)!.forEach((page, i) => {
        for (const box of boxesOf(page)) {
          const where = `sheet ${i + 1} at ${mm(box.left).toFixed(1)},${mm(box.top).toFixed(1)} mm`;
          const missing = missingSides(page, box);
          if (missing.length) problems.push(`${where}: no outline on the ${missing.join(', ')}`);
          // The green is the slide inside its 0.3 mm outline.
          const width = mm(box.right - box.left) + 0.6;
          const height = mm(box.bottom - box.top) + 0.6;
          if (Math.abs(width - geometry.slideWidth) > 1)
            problems.push(`${where}: ${width.toFixed(1)} mm wide, not ${geometry.slideWidth.toFixed(1)}`);
          if (Math.abs(height - geometry.slideHeight) > 1)
            problems.push(`${where}: ${height.toFixed(1)} mm high, not ${geometry.slideHeight.toFixed(1)}`);
          const tolerance = 1;
          if (
            mm(box.left) < MARGIN_MM.side - tolerance ||
            mm(box.right) > size.width - MARGIN_MM.side + tolerance ||
            mm(box.top) < MARGIN_MM.top - tolerance ||
            mm(box.bottom) > size.height - MARGIN_MM.bottom + tolerance
          ) {
            problems.push(`${where}: outside the margins`);
          }
        }
      });
      expect(problems).toEqual([]);
    });
  });

  it('fills a 6-up sheet: two columns from margin to margin, three rows, ruled to the bottom margin', () => {
    const page = sheets.get(`6up-${paper}`)![0]!;
    const boxes = boxesOf(page);
    const lefts = [...new Set(boxes.map((box) => box.left))];
    const tops = [...new Set(boxes.map((box) => box.top))];
    expect([lefts.length, tops.length]).toEqual([2, 3]);
    expect(mm(Math.min(...boxes.map((box) => box.left)))).toBeCloseTo(MARGIN_MM.side, -0.3);
    expect(mm(Math.max(...boxes.map((box) => box.right)))).toBeCloseTo(size.width - MARGIN_MM.side, -0.3);
    // Rows are a third of the sheet each, and the last row's ruled lines end near the bottom margin.
    const rowStep = mm(tops[1]! - tops[0]!);
    expect(rowStep).toBeCloseTo((size.height - MARGIN_MM.top - MARGIN_MM.bottom) / 3, 0);
    const bottomMargin = Math.round((size.height - MARGIN_MM.bottom) * PX_PER_MM);
    expect(size.height - MARGIN_MM.bottom - mm(lowestInk(page, bottomMargin))).toBeLessThan(10);
  });
});

describe('the frame measure', () => {
  it('sees a frame whose right edge is clipped', () => {
    const page = sheets.get('2up-A4')![0]!;
    const box: Box = boxesOf(page)[0]!;
    expect(missingSides(page, box)).toEqual([]);
    // Paint paper over the outline on the right, as a frame clipped by its sheet would print.
    const clipped = { ...page, data: page.data.slice() };
    for (let y = box.top - 4; y < box.bottom + 4; y++) {
      for (let x = box.right; x < box.right + 4; x++) clipped.data.fill(255, (y * page.width + x) * 4, (y * page.width + x) * 4 + 3);
    }
    expect(missingSides(clipped, box)).toEqual(['right']);
  });
});
