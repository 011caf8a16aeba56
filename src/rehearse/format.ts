/** Formatting times and columns for the reports and the speaker script. */

/** 225 → "03:45"; 3725 → "1:02:05". Whole seconds, rounded. */
export function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

/** 7 → "+00:07", -65 → "-01:05", 0 → "±00:00". */
export function signedClock(seconds: number): string {
  const rounded = Math.round(seconds);
  return `${rounded > 0 ? '+' : rounded < 0 ? '-' : '±'}${clock(Math.abs(rounded))}`;
}

export type Verdict = 'over' | 'under' | 'on time' | 'skipped';

/** Within 10 % of the plan or 2 s, whichever is more, is on time. A slide never shown is skipped. */
export function verdict(planned: number, actual: number, visits = 1): Verdict {
  if (visits === 0) return 'skipped';
  const slack = Math.max(2, planned * 0.1);
  if (actual > planned + slack) return 'over';
  if (actual < planned - slack) return 'under';
  return 'on time';
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Terminal columns a text takes (East Asian wide characters take two). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** Cut to `width` columns (with "…") and pad with spaces to exactly `width`. */
export function fitColumns(text: string, width: number): string {
  let out = '';
  let used = 0;
  const chars = [...text];
  const total = displayWidth(text);
  for (const char of chars) {
    const w = displayWidth(char);
    if (total > width && used + w > width - 1) {
      out += '…';
      used += 1;
      break;
    }
    out += char;
    used += w;
  }
  return out + ' '.repeat(Math.max(0, width - used));
}
