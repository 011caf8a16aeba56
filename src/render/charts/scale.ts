/** Scales: numbers in a domain to pixels in a range. */

export interface Scale {
  (value: number): number;
  ticks: number[];
}

export function linearScale(domain: [number, number], range: [number, number], ticks: number[] = []): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = ((value: number) => r0 + ((value - d0) / span) * (r1 - r0)) as Scale;
  scale.ticks = ticks;
  return scale;
}

/** A log10 scale over whole decades covering the values, one tick per decade. */
export function logScale(values: readonly number[], range: [number, number]): Scale {
  const positive = values.filter((v) => v > 0);
  const lo = positive.length ? Math.floor(Math.log10(Math.min(...positive))) : 0;
  let hi = positive.length ? Math.ceil(Math.log10(Math.max(...positive))) : 1;
  if (hi <= lo) hi = lo + 1;
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
  const inner = linearScale([lo, hi], range);
  const scale = ((value: number) => inner(Math.log10(value))) as Scale;
  scale.ticks = ticks;
  return scale;
}

/** A "nice" upper bound and ticks for a linear axis from 0: steps of 1, 2 or 5 × 10^k, about `count` of them. */
export function niceLinear(max: number, range: [number, number], count = 4): Scale {
  const top = max > 0 ? max : 1;
  const raw = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const end = Math.ceil(top / step) * step;
  const ticks = Array.from({ length: Math.round(end / step) + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return linearScale([0, end], range, ticks);
}
