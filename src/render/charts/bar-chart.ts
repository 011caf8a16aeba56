import { formatCount, translate } from '../helpers.js';
import type { ChartOptions } from './options.js';
import { niceLinear } from './scale.js';
import type { Point } from './series.js';
import { attrs, esc, n, svgFrame, textWidth } from './svg.js';

export interface BarOptions extends ChartOptions {
  /** Unit printed after each value and in the description (e.g. 毫秒 / ms). */
  unit?: string;
  /** Upper end of the axis; a round number above the largest value otherwise. */
  max?: number;
}

const TEXT = 26;

function valueText(value: number | null, options: BarOptions): string {
  if (value === null) return translate('undisclosed', options.lang);
  const number = formatCount(value, options.lang);
  return options.unit ? `${number} ${options.unit}` : number;
}

/**
 * Horizontal bars from 0 on a linear axis, in the given order, each labelled with its name and value. A missing
 * value gets no bar, only the word 未公開 / "not disclosed".
 */
export function barChartSvg(points: readonly Point[], options: BarOptions): string {
  const width = options.width ?? 720;
  const barHeight = 64;
  const gap = 36;
  const top = 12;
  const height = options.height ?? top + points.length * (barHeight + gap) + 48;
  const labelWidth = Math.max(60, ...points.map((p) => textWidth(p.label, TEXT))) + 20;
  const valueWidth = Math.max(...points.map((p) => textWidth(valueText(p.value, options), TEXT)), 60) + 20;
  const left = labelWidth;
  const right = width - 24;
  const max = options.max ?? Math.max(0, ...points.map((p) => p.value ?? 0));
  // Leave room for the value label after the longest bar.
  const x = niceLinear(max, [left, right - valueWidth]);
  const axisY = top + points.length * (barHeight + gap) - gap / 2;
  const parts: string[] = [];
  for (const tick of x.ticks) {
    parts.push(
      `<g class="grid"><line x1="${n(x(tick))}" x2="${n(x(tick))}" y1="${n(top - 4)}" y2="${n(axisY)}"/>` +
        `<text class="tick-label" x="${n(x(tick))}" y="${n(axisY + 36)}" text-anchor="middle">${esc(formatCount(tick, options.lang))}</text></g>`,
    );
  }
  points.forEach((point, i) => {
    const y = top + i * (barHeight + gap);
    const end = point.value === null ? left : x(point.value);
    parts.push(
      `<g class="bar${point.value === null ? ' undisclosed' : ''}"` +
        attrs({
          'data-label': point.label,
          'data-key': point.key,
          'data-value': point.value ?? '',
          'data-undisclosed': point.value === null,
        }) +
        '>' +
        `<text class="name" x="${n(left - 16)}" y="${n(y + barHeight / 2 + 9)}" text-anchor="end">${esc(point.label)}</text>` +
        (point.value === null
          ? ''
          : `<rect class="fill" x="${n(left)}" y="${n(y)}" width="${n(Math.max(end - left, 0))}" height="${barHeight}" rx="6"/>`) +
        `<text class="value" x="${n(end + 14)}" y="${n(y + barHeight / 2 + 9)}">${esc(valueText(point.value, options))}</text>` +
        '</g>',
    );
  });
  parts.push(`<line class="axis" x1="${n(left)}" x2="${n(left)}" y1="${n(top - 4)}" y2="${n(axisY)}"/>`);
  const desc = points.map((p) => `${p.label} ${valueText(p.value, options)}`).join('；');
  return svgFrame({ id: options.id, title: options.title, desc, kind: 'bar', width, height, body: parts.join('') });
}
