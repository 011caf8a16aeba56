/**
 * Chromium's feature switches on one command line. Chromium reads only the last `--disable-features=` (and the
 * last `--enable-features=`), so two lists given one after the other (Puppeteer's defaults, ours, a user's)
 * would silently drop the earlier ones: they are merged into one switch each, where the first one stood.
 */

const FEATURE_SWITCHES = ['--disable-features=', '--enable-features='] as const;

/** `args` with every `--disable-features=`/`--enable-features=` list merged into its first occurrence. */
export function mergeFeatureSwitches(args: readonly string[]): string[] {
  const merged: string[] = [];
  const lists = new Map<string, { at: number; features: Set<string> }>();
  for (const arg of args) {
    const prefix = FEATURE_SWITCHES.find((name) => arg.startsWith(name));
    if (!prefix) {
      merged.push(arg);
      continue;
    }
    const features = arg
      .slice(prefix.length)
      .split(',')
      .map((feature) => feature.trim())
      .filter((feature) => feature !== '');
    const list = lists.get(prefix);
    if (list) for (const feature of features) list.features.add(feature);
    else {
      lists.set(prefix, { at: merged.length, features: new Set(features) });
      merged.push(prefix);
    }
  }
  for (const [prefix, list] of lists) merged[list.at] = `${prefix}${[...list.features].join(',')}`;
  return merged;
}
