/**
 * The committed images of the visual regression tests (tests/visual/baseline/*.png) and the comparison with them:
 * tolerant of anti-aliasing, not of a changed slide. A baseline is read as git has it at HEAD, so one just
 * rewritten in the work tree (node scripts/update-visual-baselines.mjs) is never compared with itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { decodePng, diffImages } from './png.js';

const ROOT = join(import.meta.dirname, '..', '..');
export const BASELINES = join(import.meta.dirname, 'baseline');
const ACTUAL = join(import.meta.dirname, '..', '.out', 'visual');
/** Set by scripts/update-visual-baselines.mjs: the tests write their images and compare nothing. */
export const UPDATE = process.env.DECK_UPDATE_VISUAL_BASELINES === '1';
/** Share of pixels allowed to differ (anti-aliasing), and how far a channel may move before a pixel counts. */
export const TOLERANCE = 0.004;
export const THRESHOLD = 48;

/** The baseline as committed (git show HEAD:path), or undefined when git has none. */
export function committedBaseline(file: string): Buffer | undefined {
  const path = relative(ROOT, file).split('\\').join('/');
  try {
    return execFileSync('git', ['show', `HEAD:${path}`], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** How much an image differs from a committed baseline; the image is kept in tests/.out/visual/ when too much. */
export function compareWithBaseline(
  image: Uint8Array,
  file: string,
  keepAs: string,
  size = { width: 640, height: 360 },
): { differing: number; ratio: number } {
  const baseline = committedBaseline(file);
  expect(baseline, `no committed baseline ${file}: run node scripts/update-visual-baselines.mjs, look, commit`).toBeDefined();
  const actual = decodePng(image);
  expect([actual.width, actual.height]).toEqual([size.width, size.height]);
  const difference = diffImages(actual, decodePng(baseline!), THRESHOLD);
  if (difference.ratio > TOLERANCE) {
    mkdirSync(ACTUAL, { recursive: true });
    writeFileSync(join(ACTUAL, keepAs), image);
  }
  return difference;
}
