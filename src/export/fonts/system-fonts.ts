/**
 * The installed fonts: file and face number, names, weight and style. fontconfig's fc-list when it is there
 * (Linux, and wherever it is installed); else the font folders of the platform (macOS, Windows) are read.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { readFontNames } from './font-names.js';

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

/** What the search reads, so tests can give it another machine. */
export interface FontSearch {
  platform: NodeJS.Platform;
  home: string;
  env: NodeJS.ProcessEnv;
  /** fc-list's output, or undefined when fontconfig is not installed. */
  fcList(): Promise<string | undefined>;
  /** Every file under a folder, recursively; none when it does not exist. */
  filesUnder(dir: string): Promise<string[]>;
  readNames(file: string): Promise<SystemFont[]>;
}

const FONT_FILE = new Set(['.ttf', '.otf', '.ttc', '.otc']);

/** The folders fonts are installed in, per platform (system first, then the user's). */
export function fontFolders(platform: NodeJS.Platform, home: string, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') return ['/System/Library/Fonts', '/Library/Fonts', join(home, 'Library', 'Fonts')];
  if (platform === 'win32') {
    const windows = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const local = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
    return [join(windows, 'Fonts'), join(local, 'Microsoft', 'Windows', 'Fonts')];
  }
  const data = env.XDG_DATA_HOME ?? join(home, '.local', 'share');
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(data, 'fonts'), join(home, '.fonts')];
}

export function defaultFontSearch(): FontSearch {
  return {
    platform: process.platform,
    home: homedir(),
    env: process.env,
    fcList: async () => {
      try {
        const { stdout } = await promisify(execFile)(
          'fc-list',
          ['-f', '%{file}|%{index}|%{postscriptname}|%{weight}|%{slant}|%{family}\n'],
          {
            maxBuffer: 64 * 1024 * 1024,
          },
        );
        return stdout;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    filesUnder: async (dir) => {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    },
    readNames: readFontNames,
  };
}

/** Where the fonts were found, to say so in errors. */
export type FontSource = 'fontconfig' | 'font folders';

export async function listSystemFonts(search: FontSearch = defaultFontSearch()): Promise<{ fonts: SystemFont[]; source: FontSource }> {
  const listed = await search.fcList();
  if (listed !== undefined) return { fonts: parseFcList(listed), source: 'fontconfig' };
  const folders = fontFolders(search.platform, search.home, search.env);
  const files = (await Promise.all(folders.map((dir) => search.filesUnder(dir)))).flat();
  const fonts = await Promise.all(files.filter((file) => FONT_FILE.has(extname(file).toLowerCase())).map((file) => search.readNames(file)));
  return { fonts: fonts.flat(), source: 'font folders' };
}
