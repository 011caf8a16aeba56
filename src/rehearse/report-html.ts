/**
 * The rehearsal report as one self-contained HTML page (no scripts, no external files): a table, an inline
 * SVG chart of planned against actual time per slide, and the trend of the total over the deck's rehearsals.
 */
import { escapeHtml } from '../content/markdown.js';
import { clock, signedClock, verdict } from './format.js';
import type { Rehearsal } from './model.js';

const COLORS = { planned: '#a8b3c0', over: '#d64545', under: '#2e9e6b', 'on time': '#2f6fdf', skipped: '#cccccc' };

function niceStep(max: number): number {
  for (const step of [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600]) if (max / step <= 6) return step;
  return 7200;
}

/** Slides are numbered 1..N in the order they are shown, as in the deck, the presenter view and notes.md. */
function label(slide: Rehearsal['slides'][number]): string {
  return String(slide.index + 1);
}

/** Grouped bars: per slide the planned time (grey) and the actual time (coloured by verdict). */
export function slideChart(rehearsal: Rehearsal): string {
  const slides = rehearsal.slides;
  const group = 34;
  const left = 52;
  const top = 16;
  const plotHeight = 220;
  const width = left + Math.max(1, slides.length) * group + 16;
  const height = top + plotHeight + 44;
  const max = Math.max(1, ...slides.map((s) => Math.max(s.planned, s.actual)));
  const step = niceStep(max);
  const ceiling = Math.ceil(max / step) * step;
  const y = (seconds: number) => top + plotHeight - (seconds / ceiling) * plotHeight;
  const parts: string[] = [];
  for (let s = 0; s <= ceiling; s += step) {
    parts.push(
      `<line x1="${left}" x2="${width - 8}" y1="${y(s).toFixed(1)}" y2="${y(s).toFixed(1)}" class="grid"/>`,
      `<text x="${left - 6}" y="${(y(s) + 4).toFixed(1)}" class="axis" text-anchor="end">${clock(s)}</text>`,
    );
  }
  slides.forEach((slide, i) => {
    const x = left + i * group + 4;
    const v = verdict(slide.planned, slide.actual, slide.visits);
    const tip = `${escapeHtml(slide.title)}: planned ${clock(slide.planned)}, actual ${slide.visits ? clock(slide.actual) : 'not shown'}`;
    parts.push(
      `<g class="slide" data-id="${escapeHtml(slide.id)}"><title>${tip}</title>`,
      `<rect class="planned" x="${x}" y="${y(slide.planned).toFixed(1)}" width="12" height="${(y(0) - y(slide.planned)).toFixed(1)}" fill="${COLORS.planned}" data-seconds="${slide.planned}"/>`,
      `<rect class="actual ${v.replace(' ', '-')}" x="${x + 13}" y="${y(slide.actual).toFixed(1)}" width="12" height="${(y(0) - y(slide.actual)).toFixed(1)}" fill="${COLORS[v]}" data-seconds="${slide.actual}"/>`,
      `<text x="${x + 12.5}" y="${top + plotHeight + 16}" class="axis" text-anchor="middle">${label(slide)}</text></g>`,
    );
  });
  parts.push(`<text x="${left}" y="${height - 6}" class="axis">slide</text>`);
  return `<svg class="chart slides-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Planned and actual time per slide">${parts.join('')}</svg>`;
}

/** Line chart of the total over the rehearsals of the deck (oldest first), with the plan dashed. */
export function trendChart(history: readonly Rehearsal[]): string {
  const left = 52;
  const top = 16;
  const plotHeight = 160;
  const gap = 90;
  const width = left + Math.max(2, history.length) * gap;
  const height = top + plotHeight + 40;
  const max = Math.max(1, ...history.map((r) => Math.max(r.planned, r.actual)));
  const step = niceStep(max);
  const ceiling = Math.ceil(max / step) * step;
  const y = (seconds: number) => top + plotHeight - (seconds / ceiling) * plotHeight;
  const x = (i: number) => left + gap / 2 + i * gap;
  const parts: string[] = [];
  for (let s = 0; s <= ceiling; s += step) {
    parts.push(
      `<line x1="${left}" x2="${width - 8}" y1="${y(s).toFixed(1)}" y2="${y(s).toFixed(1)}" class="grid"/>`,
      `<text x="${left - 6}" y="${(y(s) + 4).toFixed(1)}" class="axis" text-anchor="end">${clock(s)}</text>`,
    );
  }
  const path = (value: (r: Rehearsal) => number) =>
    history.map((r, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(value(r)).toFixed(1)}`).join(' ');
  parts.push(
    `<path class="planned-line" d="${path((r) => r.planned)}" fill="none" stroke="${COLORS.planned}" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<path class="actual-line" d="${path((r) => r.actual)}" fill="none" stroke="${COLORS['on time']}" stroke-width="2"/>`,
  );
  history.forEach((r, i) => {
    const date = r.startedAt.slice(5, 16).replace('T', ' ');
    parts.push(
      `<g class="rehearsal"><title>${escapeHtml(r.startedAt)}: ${clock(r.actual)} of ${clock(r.planned)} planned</title>`,
      `<rect class="planned-mark" x="${(x(i) - 6).toFixed(1)}" y="${(y(r.planned) - 1.5).toFixed(1)}" width="12" height="3" fill="${COLORS.planned}" data-seconds="${r.planned}"/>`,
      `<circle cx="${x(i).toFixed(1)}" cy="${y(r.actual).toFixed(1)}" r="4" fill="${COLORS['on time']}" data-seconds="${r.actual}"/></g>`,
      `<text x="${x(i).toFixed(1)}" y="${top + plotHeight + 16}" class="axis" text-anchor="middle">${escapeHtml(date)}</text>`,
    );
  });
  return `<svg class="chart trend-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Total time over rehearsals">${parts.join('')}</svg>`;
}

const STYLE = `
body { font: 15px/1.45 system-ui, "Noto Sans CJK TC", "Noto Sans TC", sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #1d2733; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.summary { font-size: 1.1rem; } span.over, td.over { color: #b42b2b; } span.under, td.under { color: #217a52; }
.chart-box { overflow-x: auto; border: 1px solid #e2e6ea; border-radius: 6px; padding: .5rem; }
.chart .grid { stroke: #e8ecf0; } .chart .axis { font-size: 11px; fill: #5b6875; }
.legend span { display: inline-block; margin-right: 1rem; } .legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -1px; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; } th, td { padding: .3rem .5rem; border-bottom: 1px solid #e8ecf0; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; } tr.skipped td { color: #8a96a3; }
`;

export interface ReportHtmlOptions {
  /** Earlier rehearsals of the same deck, oldest first (the trend); this one is added at the end. */
  history?: readonly Rehearsal[];
}

export function reportHtml(rehearsal: Rehearsal, options: ReportHtmlOptions = {}): string {
  const history = [...(options.history ?? []).filter((r) => r.startedAt !== rehearsal.startedAt), rehearsal].sort((a, b) =>
    a.startedAt.localeCompare(b.startedAt),
  );
  const diff = rehearsal.actual - rehearsal.planned;
  const rows = rehearsal.slides
    .map((slide) => {
      const v = verdict(slide.planned, slide.actual, slide.visits);
      return (
        `<tr class="${v.replace(' ', '-')}" data-id="${escapeHtml(slide.id)}"><td class="num">${label(slide)}</td>` +
        `<td>${escapeHtml(slide.title)}</td><td class="num planned">${clock(slide.planned)}</td>` +
        `<td class="num actual">${slide.visits ? clock(slide.actual) : '—'}</td>` +
        `<td class="num diff">${slide.visits ? signedClock(slide.actual - slide.planned) : ''}</td><td class="${v.replace(' ', '-')}">${v}</td></tr>`
      );
    })
    .join('\n');
  const legend = (['planned', 'on time', 'over', 'under'] as const)
    .map((key) => `<span><i style="background:${COLORS[key]}"></i>${key === 'planned' ? 'planned' : `actual, ${key}`}</span>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rehearsal of ${escapeHtml(rehearsal.deck)} — ${escapeHtml(rehearsal.startedAt)}</title>
<style>${STYLE}</style></head>
<body>
<h1>Rehearsal of ${escapeHtml(rehearsal.deck)}</h1>
<p>${escapeHtml(new Date(rehearsal.startedAt).toLocaleString('sv-SE'))} · ${rehearsal.complete ? 'complete' : 'interrupted (kept up to the last recorded event)'}</p>
<p class="summary">Total <strong class="total-actual">${clock(rehearsal.actual)}</strong> against <strong class="total-planned">${clock(rehearsal.planned)}</strong> planned:
<span class="${diff > 0 ? 'over' : 'under'}">${signedClock(diff)} ${diff > 0 ? 'over' : diff < 0 ? 'under' : 'on time'}</span>${rehearsal.paused > 0 ? ` · paused ${clock(rehearsal.paused)} (not counted)` : ''}</p>
<h2>Planned and actual time per slide</h2>
<p class="legend">${legend}</p>
<div class="chart-box">${slideChart(rehearsal)}</div>
<h2>Trend over ${history.length} rehearsal${history.length === 1 ? '' : 's'}</h2>
<p class="legend"><span><i style="background:${COLORS['on time']}"></i>actual total</span><span><i style="background:${COLORS.planned}"></i>planned total</span></p>
<div class="chart-box">${trendChart(history)}</div>
<h2>Slides</h2>
<table><thead><tr><th class="num">#</th><th>Slide</th><th class="num">Planned</th><th class="num">Actual</th><th class="num">Diff</th><th></th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body>
</html>
`;
}
