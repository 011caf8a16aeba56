import type { ChartOptions } from './options.js';
import { linearScale } from './scale.js';
import { byX, type Point } from './series.js';
import { attrs, esc, multilineText, n, svgFrame, textWidth, wrapText } from './svg.js';

const NAME = 34;
const TEXT = 28;
const LINE = 38;

/**
 * A horizontal timeline: one mark per point at its year (x), every year of the span ticked, labels (name and
 * wrapped caption) alternating above and below the axis so neighbours never collide.
 */
export function timelineSvg(input: readonly Point[], options: ChartOptions): string {
  const width = options.width ?? 1184;
  const height = options.height ?? 480;
  const points = byX(input).filter((p) => p.x !== undefined);
  const axisY = height / 2;
  const years = points.map((p) => p.x!);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const pad = Math.min(170, width / 6);
  const x = linearScale([first, last], [pad, width - pad]);
  const step = last > first ? x(first + 1) - x(first) : width;
  const labelWidth = Math.max(200, Math.min(2 * step - 24, 340));
  const parts: string[] = [`<line class="axis" x1="${n(8)}" x2="${n(width - 8)}" y1="${n(axisY)}" y2="${n(axisY)}"/>`];
  const marked = new Set(years);
  for (let year = first; year <= last && points.length; year++) {
    if (marked.has(year)) continue;
    parts.push(
      `<g class="tick">` +
        `<line x1="${n(x(year))}" x2="${n(x(year))}" y1="${n(axisY - 10)}" y2="${n(axisY + 10)}"/>` +
        `<text class="tick-label" x="${n(x(year))}" y="${n(axisY + 44)}" text-anchor="middle">${year}</text></g>`,
    );
  }
  points.forEach((point, i) => {
    const above = i % 2 === 0;
    const cx = x(point.x!);
    const caption = point.caption ? wrapText(point.caption, labelWidth, TEXT) : [];
    const blockWidth = Math.max(textWidth(point.label, NAME), ...caption.map((line) => textWidth(line, TEXT)));
    // Keep the label inside the chart: shift its centre inwards near the edges.
    const lx = Math.min(Math.max(cx, blockWidth / 2 + 4), width - blockWidth / 2 - 4);
    const lines = 1 + caption.length;
    const nameY = above ? axisY - 62 - (lines - 1) * LINE : axisY + 92;
    const yearY = above ? axisY + 44 : axisY - 24;
    parts.push(
      `<g class="point"` +
        attrs({
          'data-label': point.label,
          'data-x': point.x,
          'data-caption': point.caption,
        }) +
        '>' +
        `<line class="stem" x1="${n(cx)}" x2="${n(cx)}" y1="${n(axisY)}" y2="${n(above ? axisY - 44 : axisY + 50)}"/>` +
        `<circle class="dot" cx="${n(cx)}" cy="${n(axisY)}" r="12"/>` +
        `<text class="year" x="${n(cx)}" y="${n(yearY)}" text-anchor="middle">${esc(point.x)}</text>` +
        `<text class="name" x="${n(lx)}" y="${n(nameY)}" text-anchor="middle">${esc(point.label)}</text>` +
        (caption.length ? multilineText(caption, lx, nameY + LINE, LINE, ' class="caption" text-anchor="middle"') : '') +
        '</g>',
    );
  });
  const desc = points.map((p) => `${p.x} ${p.label}${p.caption ? `：${p.caption}` : ''}`).join('；');
  return svgFrame({ id: options.id, title: options.title, desc, kind: 'timeline', width, height, body: parts.join('') });
}
