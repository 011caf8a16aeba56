/** The "where are we" strip: every generation (model) of the talk in order, the current one marked. */
import { translate } from '../helpers.js';
import type { ChartOptions } from './options.js';
import { byX, type Point } from './series.js';
import { attrs, esc, n, svgFrame, textWidth } from './svg.js';

export interface StripOptions extends ChartOptions {
  /** Label of the current point. */
  current?: string;
  /** Labels of the points already covered. */
  done?: ReadonlySet<string>;
}

const NAME = 28;

/**
 * Points on a line in x order (years under names), evenly spaced so long names never collide: done points
 * filled, the current one large with a "現在 / now" tag, the rest hollow; the line is filled up to the last
 * covered point.
 */
export function generationsSvg(input: readonly Point[], options: StripOptions): string {
  const points = byX(input);
  const width = options.width ?? 1184;
  const height = options.height ?? 150;
  const currentIndex = options.current === undefined ? -1 : points.findIndex((p) => p.label === options.current);
  const widest = Math.max(0, ...points.map((p) => textWidth(p.label, NAME)));
  const edge = Math.max(widest / 2 + 8, 40);
  const step = points.length > 1 ? (width - 2 * edge) / (points.length - 1) : 0;
  const cx = (i: number) => (points.length > 1 ? edge + i * step : width / 2);
  const lineY = 62;
  const parts: string[] = [];
  if (points.length > 1) {
    parts.push(`<line class="track" x1="${n(cx(0))}" x2="${n(cx(points.length - 1))}" y1="${lineY}" y2="${lineY}"/>`);
    const covered = points.map((p, i) => (options.done?.has(p.label) || i === currentIndex ? i : -1));
    const doneTo = Math.max(...covered);
    if (doneTo > 0) parts.push(`<line class="track done" x1="${n(cx(0))}" x2="${n(cx(doneTo))}" y1="${lineY}" y2="${lineY}"/>`);
  }
  points.forEach((point, i) => {
    const state = i === currentIndex ? 'current' : options.done?.has(point.label) ? 'done' : 'todo';
    const x = cx(i);
    parts.push(
      `<g class="point ${state}"${attrs({ 'data-label': point.label, 'data-x': point.x, 'data-state': state })}>` +
        (state === 'current'
          ? `<circle class="halo" cx="${n(x)}" cy="${lineY}" r="24"/><text class="tag" x="${n(x)}" y="${lineY - 36}" text-anchor="middle">${esc(translate('current', options.lang))}</text>`
          : '') +
        `<circle class="dot" cx="${n(x)}" cy="${lineY}" r="${state === 'current' ? 15 : 11}"/>` +
        `<text class="name" x="${n(x)}" y="${lineY + 52}" text-anchor="middle">${esc(point.label)}</text>` +
        (point.x !== undefined ? `<text class="year" x="${n(x)}" y="${lineY + 84}" text-anchor="middle">${esc(point.x)}</text>` : '') +
        '</g>',
    );
  });
  const desc = points
    .map(
      (p, i) => `${p.label}${p.x !== undefined ? ` ${p.x}` : ''}${i === currentIndex ? `（${translate('current', options.lang)}）` : ''}`,
    )
    .join('；');
  return svgFrame({
    id: options.id,
    title: options.title,
    desc,
    kind: 'generations',
    width,
    height: Math.max(height, lineY + 92),
    body: parts.join(''),
  });
}
