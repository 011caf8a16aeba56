/** Where an installed font is: its file and face number, weight and style, found by PostScript name via fontconfig. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface SystemFont {
  file: string;
  /** Face number inside a collection (.ttc), 0 otherwise. */
  index: number;
  postScriptName: string;
  /** Every family name fontconfig knows it by (English first, then localised names). */
  families: string[];
  /** CSS font-weight and font-style. */
  weight: number;
  style: 'normal' | 'italic';
}

/** fontconfig weights → CSS weights (FcWeightToOpenType's table). */
const FC_WEIGHTS: [number, number][] = [
  [0, 100],
  [40, 200],
  [50, 300],
  [80, 400],
  [100, 500],
  [180, 600],
  [200, 700],
  [205, 800],
  [210, 900],
];

export function cssWeight(fcWeight: number): number {
  let best = FC_WEIGHTS[0]!;
  for (const entry of FC_WEIGHTS) if (Math.abs(entry[0] - fcWeight) < Math.abs(best[0] - fcWeight)) best = entry;
  return best[1];
}

/** Parse `fc-list -f '%{file}|%{index}|%{postscriptname}|%{weight}|%{slant}|%{family}\n'`. */
export function parseFcList(output: string): SystemFont[] {
  return output
    .split('\n')
    .map((line) => line.split('|'))
    .filter((parts) => parts.length >= 6 && parts[2])
    .map(([file, index, postScriptName, weight, slant, family]) => ({
      file: file!,
      index: Number(index) || 0,
      postScriptName: postScriptName!,
      families: family!.split(',').map((name) => name.trim()),
      weight: cssWeight(Number(weight)),
      style: Number(slant) > 0 ? ('italic' as const) : ('normal' as const),
    }));
}

export async function listSystemFonts(): Promise<SystemFont[]> {
  const { stdout } = await promisify(execFile)('fc-list', ['-f', '%{file}|%{index}|%{postscriptname}|%{weight}|%{slant}|%{family}\n'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseFcList(stdout);
}
