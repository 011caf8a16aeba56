import { formatCount, translate } from '../helpers.js';
import type { ChartOptions } from './options.js';
import { logScale } from './scale.js';
import { byX, type Point } from './series.js';
import { attrs, esc, n, svgFrame } from './svg.js';

/**
 * Values on a logarithmic y axis (one gridline per decade), one column per point in x order, known values joined
 * by a line. A point without a value is drawn as undisclosed: a dashed hollow marker on the bottom edge with the
 * word 未公開 / "not disclosed" in the middle of a dashed guide up the column; no value is ever made up for it.
 */
export function logChartSvg(input: readonly Point[], options: ChartOptions): string {
  const width = options.width ?? 1184;
  const height = options.height ?? 470;
  const points = byX(input);
  const known = points.filter((p) => p.value !== null && p.value > 0);
  const left = 150;
  const right = 30;
  const top = 56;
  const bottom = height - 92;
  // The x axis sits below the lowest decade: a log scale has no zero, and an undisclosed marker on the axis must
  // not read as a value.
  const floor = bottom - 52;
  const y = logScale(
    known.map((p) => p.value!),
    [floor, top],
  );
  const column = (width - left - right) / Math.max(points.length, 1);
  const cx = (i: number) => left + column * (i + 0.5);
  const undisclosed = translate('undisclosed', options.lang);
  const parts: string[] = [];
  for (const tick of y.ticks) {
    parts.push(
      `<g class="grid"><line x1="${n(left)}" x2="${n(width - right)}" y1="${n(y(tick))}" y2="${n(y(tick))}"/>` +
        `<text class="tick-label" x="${n(left - 16)}" y="${n(y(tick) + 9)}" text-anchor="end">${esc(formatCount(tick, options.lang))}</text></g>`,
    );
  }
  parts.push(`<line class="axis" x1="${n(left)}" x2="${n(width - right)}" y1="${n(bottom)}" y2="${n(bottom)}"/>`);
  const path = points
    .map((p, i) => (p.value !== null && p.value > 0 ? `${n(cx(i))},${n(y(p.value))}` : undefined))
    .filter((p): p is string => p !== undefined);
  if (path.length > 1) parts.push(`<polyline class="trend" points="${path.join(' ')}"/>`);
  points.forEach((point, i) => {
    const x = cx(i);
    const disclosed = point.value !== null && point.value > 0;
    const labels =
      `<text class="name" x="${n(x)}" y="${n(bottom + 40)}" text-anchor="middle">${esc(point.label)}</text>` +
      (point.x !== undefined ? `<text class="year" x="${n(x)}" y="${n(bottom + 76)}" text-anchor="middle">${esc(point.x)}</text>` : '');
    const mark = disclosed
      ? `<circle class="dot" cx="${n(x)}" cy="${n(y(point.value!))}" r="13"/>` +
        `<text class="value" x="${n(x)}" y="${n(y(point.value!) - 26)}" text-anchor="middle">${esc(formatCount(point.value, options.lang))}</text>`
      : `<line class="guide" x1="${n(x)}" x2="${n(x)}" y1="${n(top)}" y2="${n(bottom - 14)}"/>` +
        `<circle class="dot hollow" cx="${n(x)}" cy="${n(bottom)}" r="13"/>` +
        `<text class="value" x="${n(x)}" y="${n((top + floor) / 2 + 9)}" text-anchor="middle">${esc(undisclosed)}</text>`;
    parts.push(
      `<g class="point${disclosed ? '' : ' undisclosed'}"` +
        attrs({
          'data-label': point.label,
          'data-x': point.x,
          'data-value': disclosed ? point.value! : '',
          'data-undisclosed': !disclosed,
        }) +
        `>${mark}${labels}</g>`,
    );
  });
  const desc = points.map((p) => `${p.label}${p.x !== undefined ? `（${p.x}）` : ''} ${formatCount(p.value, options.lang)}`).join('；');
  return svgFrame({ id: options.id, title: options.title, desc, kind: 'log', width, height, body: parts.join('') });
}
