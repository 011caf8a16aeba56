/** Small pieces shared by the SVG generators: escaping, number printing, text width estimates and wrapping. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const esc = (text: unknown): string => String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A coordinate, rounded so the markup stays short and stable. */
export const n = (value: number): string => String(Math.round(value * 10) / 10);

/** Attributes from a record, skipping undefined values. */
export function attrs(record: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(record)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${esc(value)}"`))
    .join('');
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Estimated advance width of text in a proportional sans font: full-width characters 1em, others about 0.58em. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += WIDE.test(char) ? 1 : char === ' ' ? 0.3 : /[A-Z0-9]/.test(char) ? 0.62 : 0.54;
  return em * fontSize;
}

/** Break points: after a space, or between two characters at least one of which is full width. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const char of text) {
    const prev = current.slice(-1);
    if (current && (prev === ' ' || WIDE.test(char) || WIDE.test(prev)) && !/[，、。：；）」』]/u.test(char)) {
      out.push(current);
      current = '';
    }
    current += char;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Wrap text into lines no wider than maxWidth (estimated). A last line of a single full-width character (an
 * orphan) borrows the last token of the line before.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[][] = [[]];
  for (const token of tokens(text.trim())) {
    const line = lines[lines.length - 1]!;
    if (line.length && textWidth([...line, token].join('').trimEnd(), fontSize) > maxWidth) lines.push([token]);
    else line.push(token);
  }
  const last = lines[lines.length - 1]!;
  const before = lines[lines.length - 2];
  if (before && before.length > 1 && [...last.join('').trim()].length <= 1) last.unshift(before.pop()!);
  return lines.map((line) => line.join('').trim()).filter(Boolean);
}

/** `<text>` with one `<tspan>` per line, lineHeight apart, the first at y. */
export function multilineText(lines: readonly string[], x: number, y: number, lineHeight: number, extra = ''): string {
  const spans = lines.map((line, i) => `<tspan x="${n(x)}"${i ? ` dy="${n(lineHeight)}"` : ''}>${esc(line)}</tspan>`);
  return `<text x="${n(x)}" y="${n(y)}"${extra}>${spans.join('')}</text>`;
}

export interface SvgFrame {
  /** Unique id for the <title> (aria-labelledby). */
  id: string;
  title: string;
  /** Optional longer description (<desc>). */
  desc?: string;
  kind: string;
  width: number;
  height: number;
  body: string;
}

/** The outer <svg>: fixed size in slide pixels (so text sizes are true pixels at 1280×720), accessible. */
export function svgFrame(frame: SvgFrame): string {
  const titleId = `${frame.id}-title`;
  const descId = frame.desc ? `${frame.id}-desc` : undefined;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="deck-chart deck-chart-${esc(frame.kind)}"` +
    attrs({
      id: frame.id,
      role: 'img',
      'aria-labelledby': descId ? `${titleId} ${descId}` : titleId,
      'data-chart': frame.kind,
      width: frame.width,
      height: frame.height,
      viewBox: `0 0 ${frame.width} ${frame.height}`,
    }) +
    `><title id="${titleId}">${esc(frame.title)}</title>` +
    (descId ? `<desc id="${descId}">${esc(frame.desc)}</desc>` : '') +
    frame.body +
    '</svg>'
  );
}
