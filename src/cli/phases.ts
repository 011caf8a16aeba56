/**
 * `--verbose`'s account of where an export's time went, phase by phase, in the order they happen. The build
 * and the browser launch run at the same time (∥); the other phases follow one another. The benchmark reads the
 * JSON line (scripts/bench/pdf.bench.mjs).
 */

/** Phase names in the order they are printed, with what the user sees. */
const PHASES: readonly [key: string, label: string][] = [
  ['startup', 'node start + CLI modules'],
  ['modules', 'export modules'],
  ['build', 'build'],
  ['launch', '∥ browser launch'],
  ['page', 'open a page'],
  ['load', 'page load'],
  ['layout', 'layout'],
  ['checks', 'checks'],
  ['deck.pdf', 'page.pdf (slides)'],
  ['deck.amend', 'post-processing (slides)'],
  ['handout.layout', 'handout layout + checks'],
  ['handout.pdf', 'page.pdf (handout)'],
  ['handout.amend', 'post-processing (handout)'],
  ['close', 'close the page and the browser'],
  ['swap', 'swap into the output folder'],
  ['wall', 'wall time since node started'],
];

export function formatPhases(timings: Readonly<Record<string, number>>): string {
  const known = PHASES.filter(([key]) => timings[key] !== undefined).map(([key, label]) => `${label} ${timings[key]} ms`);
  const knownKeys = new Set(PHASES.map(([key]) => key));
  const other = Object.entries(timings)
    .filter(([key]) => !knownKeys.has(key))
    .map(([key, value]) => `${key} ${value} ms`);
  return `phases: ${[...known, ...other].join(' · ')}\ntimings: ${JSON.stringify(timings)}`;
}
