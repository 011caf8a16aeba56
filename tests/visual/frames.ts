/**
 * Slide frames found on a rendered handout page: slides with a pure green background (the frames fixture) are
 * located by their green area, and each frame's outline is checked on all four sides.
 */
import type { Image } from './png.js';

export interface Box {
  left: number;
  top: number;
  /** Exclusive. */
  right: number;
  bottom: number;
}

const pixel = (image: Image, x: number, y: number) => {
  const i = (y * image.width + x) * 4;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!] as const;
};

/** The fixture's slide background, #00c800. */
export function isGreen([r, g, b]: readonly number[]): boolean {
  return g! > 150 && r! < 90 && b! < 90;
}

/**
 * The frame's grey outline (#9a9a9a), anti-aliased with the green or the paper beside it. Green blended with
 * paper alone (the edge of a slide without an outline) keeps its green channel at 200 or more; grey blended with
 * green stays below, and grey blended with paper is neutral and darker than paper.
 */
export function isOutline([r, g, b]: readonly number[]): boolean {
  return !isGreen([r!, g!, b!]) && Math.max(r!, g!, b!) < 225 && g! < 196;
}

/** Runs of indices where `filled(i)` holds, as [start, end) pairs. */
function bands(length: number, filled: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const on = i < length && filled(i);
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      out.push([start, i]);
      start = -1;
    }
  }
  return out;
}

/**
 * Green rectangles on the page: rows holding green form bands, and columns mostly green within a band form boxes
 * (the slides of a handout sit in a grid and never touch). A row counts from `minSize` green pixels, so the odd
 * anti-aliased green pixel at a frame's corner does not widen the box; bands thinner than `minSize` are ignored.
 */
export function greenBoxes(image: Image, minSize = 16): Box[] {
  const rowIsGreen = (y: number) => {
    let count = 0;
    for (let x = 0; x < image.width && count < minSize; x++) if (isGreen(pixel(image, x, y))) count++;
    return count >= minSize;
  };
  const boxes: Box[] = [];
  for (const [top, bottom] of bands(image.height, rowIsGreen)) {
    if (bottom - top < minSize) continue;
    const columnIsGreen = (x: number) => {
      let count = 0;
      for (let y = top; y < bottom; y++) if (isGreen(pixel(image, x, y))) count++;
      return count >= (bottom - top) / 2;
    };
    for (const [left, right] of bands(image.width, columnIsGreen)) if (right - left >= minSize) boxes.push({ left, top, right, bottom });
  }
  return boxes;
}

export type Side = 'left' | 'top' | 'right' | 'bottom';

/**
 * The sides of a green box whose outline is missing: along a side, within `reach` pixels outside the green,
 * fewer than `share` of the positions show the outline's grey.
 */
export function missingSides(image: Image, box: Box, reach = 3, share = 0.9): Side[] {
  const missing: Side[] = [];
  const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < image.width && y < image.height;
  const side = (name: Side, length: number, at: (i: number, d: number) => [number, number]) => {
    let drawn = 0;
    for (let i = 0; i < length; i++) {
      for (let d = 0; d < reach; d++) {
        const [x, y] = at(i, d);
        if (inside(x, y) && isOutline(pixel(image, x, y))) {
          drawn++;
          break;
        }
      }
    }
    if (drawn < share * length) missing.push(name);
  };
  const width = box.right - box.left;
  const height = box.bottom - box.top;
  side('left', height, (i, d) => [box.left - 1 - d, box.top + i]);
  side('right', height, (i, d) => [box.right + d, box.top + i]);
  side('top', width, (i, d) => [box.left + i, box.top - 1 - d]);
  side('bottom', width, (i, d) => [box.left + i, box.bottom + d]);
  return missing;
}

/** The lowest row above `limit` holding anything but paper white (to see how far down a sheet is used). */
export function lowestInk(image: Image, limit: number): number {
  for (let y = Math.min(limit, image.height) - 1; y >= 0; y--) {
    for (let x = 0; x < image.width; x++) if (Math.min(...pixel(image, x, y)) < 235) return y;
  }
  return -1;
}
