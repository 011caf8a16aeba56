/** Input/output diagrams: what a model takes in and gives out (modalities, or a prompt and its tasks). */
import { translate } from '../helpers.js';
import type { ChartOptions } from './options.js';
import { attrs, esc, multilineText, n, svgFrame, textWidth, wrapText } from './svg.js';

export interface IoData {
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** The box in the middle (the model's name). */
  readonly center: string;
  /** A line under the name in the box (e.g. 任意組合). */
  readonly note?: string;
}

const CHIP = 28;
const CENTER = 40;
const NOTE = 26;
const CHIP_HEIGHT = 64;
const CHIP_GAP = 20;

/** A list of strings from template data: a list, or one string. */
export function toLabels(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.filter((item) => item !== null && item !== undefined && item !== '').map(String);
  return typeof raw === 'string' && raw !== '' ? [raw] : [];
}

function column(labels: readonly string[], x: number, width: number, mid: number, side: 'in' | 'out'): { svg: string; ys: number[] } {
  const total = labels.length * CHIP_HEIGHT + (labels.length - 1) * CHIP_GAP;
  const top = mid - total / 2;
  const ys: number[] = [];
  const svg = labels
    .map((label, i) => {
      const y = top + i * (CHIP_HEIGHT + CHIP_GAP);
      ys.push(y + CHIP_HEIGHT / 2);
      return (
        `<g class="chip ${side}"${attrs({ 'data-label': label, 'data-modality': label })}>` +
        `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${CHIP_HEIGHT}" rx="${CHIP_HEIGHT / 2}"/>` +
        `<text class="label" x="${n(x + width / 2)}" y="${n(y + CHIP_HEIGHT / 2 + 10)}" text-anchor="middle">${esc(label)}</text></g>`
      );
    })
    .join('');
  return { svg, ys };
}

/** A connector from (x1, y1) to (x2, y2) bending halfway, with an arrow head at the end. */
function connector(x1: number, y1: number, x2: number, y2: number): string {
  const midX = (x1 + x2) / 2;
  return (
    `<g class="arrow"><path class="link" d="M${n(x1)},${n(y1)} C${n(midX)},${n(y1)} ${n(midX)},${n(y2)} ${n(x2 - 14)},${n(y2)}"/>` +
    `<path d="M${n(x2 - 16)},${n(y2 - 9)} L${n(x2)},${n(y2)} L${n(x2 - 16)},${n(y2 + 9)} Z"/></g>`
  );
}

/**
 * Inputs on the left, the model in the middle, outputs on the right; every input joins the model and the model
 * joins every output. Labels are real text, so a search finds 音訊 in the PDF.
 */
export function ioSvg(data: IoData, options: ChartOptions): string {
  const width = options.width ?? 760;
  const count = Math.max(data.inputs.length, data.outputs.length, 1);
  const height = options.height ?? Math.max(260, count * CHIP_HEIGHT + (count - 1) * CHIP_GAP + 16);
  const mid = height / 2;
  const chipWidth = Math.max(120, ...[...data.inputs, ...data.outputs].map((label) => textWidth(label, CHIP) + 40));
  const centerWidth = Math.min(Math.max(200, textWidth(data.center, CENTER) + 64), width - 2 * chipWidth - 112);
  const centerX = (width - centerWidth) / 2;
  const note = data.note ? wrapText(data.note, centerWidth - 32, NOTE) : [];
  const centerHeight = Math.max(150, 80 + note.length * 34 + 24);
  const parts: string[] = [];
  const inputs = column(data.inputs, 4, chipWidth, mid, 'in');
  const outputs = column(data.outputs, width - chipWidth - 4, chipWidth, mid, 'out');
  for (const y of inputs.ys) parts.push(connector(chipWidth + 10, y, centerX - 4, mid));
  for (const y of outputs.ys) parts.push(connector(centerX + centerWidth + 4, mid, width - chipWidth - 10, y));
  parts.push(inputs.svg, outputs.svg);
  const nameY = mid - (note.length * 34) / 2 + 14;
  parts.push(
    `<g class="step focus center"${attrs({ 'data-label': data.center })}>` +
      `<rect class="box" x="${n(centerX)}" y="${n(mid - centerHeight / 2)}" width="${n(centerWidth)}" height="${n(centerHeight)}" rx="18"/>` +
      `<text class="label name" x="${n(width / 2)}" y="${n(nameY)}" text-anchor="middle">${esc(data.center)}</text>` +
      (note.length ? multilineText(note, width / 2, nameY + 44, 34, ' class="note" text-anchor="middle"') : '') +
      '</g>',
  );
  const desc = `${translate('inputs', options.lang)}：${data.inputs.join('、')} → ${data.center} → ${translate('outputs', options.lang)}：${data.outputs.join('、')}`;
  return svgFrame({ id: options.id, title: options.title, desc, kind: 'io', width, height, body: parts.join('') });
}
