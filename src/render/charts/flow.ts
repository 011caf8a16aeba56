/** Flow diagrams: rows of steps joined by arrows (a pipeline, a method, two methods side by side). */
import { translate } from '../helpers.js';
import type { ChartOptions } from './options.js';
import { attrs, esc, multilineText, n, svgFrame, textWidth, wrapText } from './svg.js';

export interface FlowStep {
  readonly label: string;
  /** A second, smaller line under the label (a year, what the step does). */
  readonly note?: string;
  /** `skip`: a step this row leaves out (dashed, struck through); `focus`: the step the slide is about. */
  readonly state?: 'skip' | 'focus';
}

export interface FlowRow {
  /** Name of the row, printed before its first step (e.g. the model). */
  readonly label?: string;
  readonly steps: readonly FlowStep[];
  /** A return arrow under the row, from step `from` back to step `to` (1-based), labelled (e.g. 反覆六個月). */
  readonly loop?: { readonly label: string; readonly from: number; readonly to: number };
}

const LABEL = 30;
const NOTE = 26;
const ROW_LABEL = 32;
const ARROW = 64;
const PAD = 18;

function text(value: unknown): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : String(value);
}

function toStep(raw: unknown): FlowStep | undefined {
  if (typeof raw === 'string' || typeof raw === 'number') return { label: String(raw) };
  if (raw === null || typeof raw !== 'object') return undefined;
  const record = raw as Record<string, unknown>;
  const label = text(record.label ?? record.name);
  if (label === undefined) return undefined;
  const state = record.state === 'skip' || record.state === 'focus' ? record.state : undefined;
  return { label, note: text(record.note), state };
}

function toLoop(raw: unknown, steps: number): FlowRow['loop'] {
  if (typeof raw === 'string') return { label: raw, from: steps, to: 1 };
  if (raw === null || typeof raw !== 'object') return undefined;
  const record = raw as Record<string, unknown>;
  const label = text(record.label) ?? '';
  const clamp = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isInteger(value) ? Math.min(Math.max(value, 1), steps) : fallback;
  return { label, from: clamp(record.from, steps), to: clamp(record.to, 1) };
}

/**
 * Rows from template data: a list of steps (one row), or a list of rows `{label, steps, loop}`. A step is a
 * string or `{label, note, state}`. Entries without a label are skipped.
 */
export function toFlowRows(data: unknown): FlowRow[] {
  if (!Array.isArray(data)) return [];
  const isRow = (item: unknown) => item !== null && typeof item === 'object' && Array.isArray((item as { steps?: unknown }).steps);
  if (!data.some(isRow)) {
    const steps = data.map(toStep).filter((step): step is FlowStep => step !== undefined);
    return steps.length ? [{ steps }] : [];
  }
  return data.filter(isRow).flatMap((item): FlowRow[] => {
    const record = item as Record<string, unknown>;
    const steps = (record.steps as unknown[]).map(toStep).filter((step): step is FlowStep => step !== undefined);
    if (!steps.length) return [];
    const loop = record.loop === undefined ? undefined : toLoop(record.loop, steps.length);
    return [{ label: text(record.label), steps, ...(loop ? { loop } : {}) }];
  });
}

/** An arrow from (x1, y) to (x2, y) with its head at x2. */
function arrow(x1: number, x2: number, y: number): string {
  return (
    `<g class="arrow"><line x1="${n(x1)}" x2="${n(x2 - 14)}" y1="${n(y)}" y2="${n(y)}"/>` +
    `<path d="M${n(x2 - 18)},${n(y - 11)} L${n(x2)},${n(y)} L${n(x2 - 18)},${n(y + 11)} Z"/></g>`
  );
}

/**
 * Boxes of equal width per row, joined by arrows, rows one under another with their steps in the same columns.
 * Text wraps inside its box; a skipped step is dashed and struck through, the focus step filled with the accent.
 */
export function flowSvg(rows: readonly FlowRow[], options: ChartOptions): string {
  const width = options.width ?? 1184;
  const columns = Math.max(1, ...rows.map((row) => row.steps.length));
  const labelled = rows.some((row) => row.label);
  const rowLabelWidth = labelled ? Math.max(...rows.map((row) => textWidth(row.label ?? '', ROW_LABEL))) + 32 : 0;
  const boxWidth = (width - rowLabelWidth - (columns - 1) * ARROW - 8) / columns;
  const inner = boxWidth - 2 * PAD;
  const wrapped = rows.map((row) =>
    row.steps.map((step) => ({
      label: wrapText(step.label, inner, LABEL),
      note: step.note ? wrapText(step.note, inner, NOTE) : [],
    })),
  );
  const boxHeight = Math.max(
    96,
    ...wrapped.flat().map((box) => 2 * PAD + box.label.length * 40 + (box.note.length ? 8 + box.note.length * 34 : 0)),
  );
  const loopSpace = 78;
  const rowGap = 44;
  const parts: string[] = [];
  let y = 4;
  rows.forEach((row, r) => {
    const mid = y + boxHeight / 2;
    if (row.label) {
      parts.push(`<text class="row-label name" x="0" y="${n(mid + 11)}">${esc(row.label)}</text>`);
    }
    row.steps.forEach((step, i) => {
      const x = rowLabelWidth + i * (boxWidth + ARROW) + 4;
      const box = wrapped[r]![i]!;
      const contentHeight = box.label.length * 40 + (box.note.length ? 8 + box.note.length * 34 : 0);
      const top = mid - contentHeight / 2;
      const cx = x + boxWidth / 2;
      const strike =
        step.state === 'skip'
          ? box.label
              .map((line, k) => {
                const half = textWidth(line, LABEL) / 2;
                const ly = top + 29 + k * 40 - 10;
                return `<line class="strike" x1="${n(cx - half - 6)}" x2="${n(cx + half + 6)}" y1="${n(ly)}" y2="${n(ly)}"/>`;
              })
              .join('')
          : '';
      parts.push(
        `<g class="step${step.state ? ` ${step.state}` : ''}"` +
          attrs({ 'data-label': step.label, 'data-state': step.state }) +
          '>' +
          `<rect class="box" x="${n(x)}" y="${n(y)}" width="${n(boxWidth)}" height="${n(boxHeight)}" rx="14"/>` +
          multilineText(box.label, cx, top + 29, 40, ' class="label" text-anchor="middle"') +
          strike +
          (box.note.length
            ? multilineText(box.note, cx, top + box.label.length * 40 + 8 + 26, 34, ' class="note" text-anchor="middle"')
            : '') +
          '</g>',
      );
      if (i > 0) parts.push(arrow(x - ARROW + 6, x - 6, mid));
    });
    if (row.loop) {
      const cxOf = (step: number) => rowLabelWidth + (step - 1) * (boxWidth + ARROW) + 4 + boxWidth / 2;
      const from = cxOf(row.loop.from);
      const to = cxOf(row.loop.to);
      const bottom = y + boxHeight;
      const low = bottom + 34;
      parts.push(
        `<g class="loop"><path class="loop-line" d="M${n(from)},${n(bottom + 4)} V${n(low)} H${n(to)} V${n(bottom + 22)}"/>` +
          `<path d="M${n(to - 11)},${n(bottom + 22)} L${n(to)},${n(bottom + 4)} L${n(to + 11)},${n(bottom + 22)} Z"/>` +
          `<text class="loop-label" x="${n((from + to) / 2)}" y="${n(low + 36)}" text-anchor="middle">${esc(row.loop.label)}</text></g>`,
      );
    }
    y += boxHeight + (row.loop ? loopSpace : 0) + (r < rows.length - 1 ? rowGap : 0);
  });
  const height = options.height ?? Math.ceil(y + 8);
  const desc = rows
    .map(
      (row) =>
        (row.label ? `${row.label}：` : '') +
        row.steps
          .map(
            (step) =>
              `${step.label}${step.note ? `（${step.note}）` : ''}${step.state === 'skip' ? ` [${translate('skipped', options.lang)}]` : ''}`,
          )
          .join(' → ') +
        (row.loop ? `；${row.loop.label}` : ''),
    )
    .join('；');
  return svgFrame({ id: options.id, title: options.title, desc, kind: 'flow', width, height, body: parts.join('') });
}
