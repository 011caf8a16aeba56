/** Turning the data a template passes (front matter sections, data-file lists or maps) into chart points. */

export interface Point {
  /** Category label (a model name). */
  label: string;
  /** Position on the x axis when it is a number (a year), else undefined. */
  x?: number;
  /** The value, or null when it is not published: never invented. */
  value: number | null;
  /** Secondary text (a tagline). */
  caption?: string;
  /** Key it came from, when the data was a map. */
  key?: string;
}

export interface FieldNames {
  label?: string;
  x?: string;
  value?: string;
  caption?: string;
}

function toNumber(raw: unknown): number | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const value = typeof raw === 'number' ? raw : Number(raw);
  return Number.isFinite(value) ? value : null;
}

function text(raw: unknown): string | undefined {
  return raw === null || raw === undefined || raw === '' ? undefined : String(raw);
}

/**
 * Points from a list of records (field names chosen by the caller) or from a map of key → number. Records
 * without a label are skipped; a missing or non-numeric value becomes null (undisclosed).
 */
export function toPoints(data: unknown, fields: FieldNames = {}): Point[] {
  const { label = 'label', x = 'x', value = 'value', caption = 'caption' } = fields;
  if (Array.isArray(data)) {
    return data.flatMap((item): Point[] => {
      if (item === null || typeof item !== 'object') return [];
      const record = item as Record<string, unknown>;
      const name = text(record[label]);
      if (name === undefined) return [];
      const position = toNumber(record[x]);
      return [
        { label: name, value: toNumber(record[value]), caption: text(record[caption]), ...(position === null ? {} : { x: position }) },
      ];
    });
  }
  if (data !== null && typeof data === 'object') {
    return Object.entries(data as Record<string, unknown>).map(([key, raw]) => ({ key, label: key, value: toNumber(raw) }));
  }
  return [];
}

/** Stable order by x where every point has one (the input order otherwise, and for ties). */
export function byX(points: readonly Point[]): Point[] {
  if (points.some((p) => p.x === undefined)) return [...points];
  return points
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.x! - b.p.x! || a.i - b.i)
    .map(({ p }) => p);
}
