/**
 * scripts/contact-sheet.mjs, the README's picture of the talk: run as the README shows it on the default deck, it
 * draws every slide of the deck (all 32) in a grid of the committed picture's size, each cell a different slide
 * with something on it (no blank or repeated screenshot). It draws in the vitest worker's Chromium through
 * DECK_BROWSER_URL, as the deck runs of tests/cli do; tests/scripts/dev-tools.test.ts runs a script that launches
 * its own.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { cliBrowserEnv, ROOT } from '../cli/run.js';
import { buildDefaultDeck } from '../visual/deck-page.js';
import { decodePng, type Image } from '../visual/png.js';

const SLIDES = 32;
/** The script's defaults: 4 columns of 320 px slides, 16 px apart. */
const COLUMNS = 4;
const CELL = { width: 320, height: 180, gap: 16 };

const out = mkdtempSync(join(tmpdir(), 'deck-contact-sheet-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** A cell's pixels, as a hash (which slide it shows) and the number of distinct colours in it (blank or not). */
function cell(sheet: Image, index: number): { hash: string; colours: number } {
  const left = CELL.gap + (index % COLUMNS) * (CELL.width + CELL.gap);
  const top = CELL.gap + Math.floor(index / COLUMNS) * (CELL.height + CELL.gap);
  const hash = createHash('sha256');
  const colours = new Set<number>();
  for (let y = top; y < top + CELL.height; y++) {
    const row = sheet.data.subarray((y * sheet.width + left) * 4, (y * sheet.width + left + CELL.width) * 4);
    hash.update(row);
    for (let x = 0; x < row.length; x += 4) colours.add((row[x]! << 16) | (row[x + 1]! << 8) | row[x + 2]!);
  }
  return { hash: hash.digest('hex'), colours: colours.size };
}

describe('node scripts/contact-sheet.mjs dist/index.html docs/contact-sheet.png', () => {
  it('draws all 32 slides of the default deck, each once, at the size of the committed picture', async () => {
    const index = await buildDefaultDeck('gpt');
    const file = join(out, 'sheet.png');
    // In the worker's Chromium (DECK_BROWSER_URL), not one launched for the script.
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'contact-sheet.mjs'), index, file], {
      cwd: ROOT,
      env: { ...process.env, ...(await cliBrowserEnv()) },
      timeout: 180_000,
    });
    expect(stdout.trim()).toBe(`${SLIDES} slides → ${file}`);
    const sheet = decodePng(readFileSync(file));
    const committed = decodePng(readFileSync(join(ROOT, 'docs', 'contact-sheet.png')));
    const rows = Math.ceil(SLIDES / COLUMNS);
    expect({ width: sheet.width, height: sheet.height }).toEqual({
      width: COLUMNS * CELL.width + (COLUMNS + 1) * CELL.gap,
      height: rows * CELL.height + (rows + 1) * CELL.gap,
    });
    expect({ width: committed.width, height: committed.height }).toEqual({ width: sheet.width, height: sheet.height });
    const cells = Array.from({ length: SLIDES }, (_, i) => cell(sheet, i));
    for (const [i, { colours }] of cells.entries()) expect(colours, `slide ${i + 1} looks blank`).toBeGreaterThan(20);
    expect(new Set(cells.map(({ hash }) => hash)).size).toBe(SLIDES);
  }, 240_000);
});
