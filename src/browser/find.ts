/**
 * Finding a Chromium-family browser to drive. The search order is fixed and documented, first match wins:
 *
 * 1. `flag`: the `--browser PATH` flag (a bare name such as `chromium` is also looked up on PATH).
 * 2. `env`: `CHROME_PATH`, then `PUPPETEER_EXECUTABLE_PATH` (empty values count as unset).
 * 3. `system`: on Linux first Chromium's headless shell where Debian and Ubuntu install it
 *    (`chromium-headless-shell`: the same pages for about a third of the launch CPU and half of `page.pdf`'s,
 *    with full Chromium's fonts, shell-fonts.ts), then the usual commands on PATH (`chromium`, `chromium-browser`,
 *    `google-chrome-stable`, `google-chrome`, `microsoft-edge`), then well-known install locations for the platform.
 * 4. `cache`: Puppeteer's own download cache (`$PUPPETEER_CACHE_DIR` or `~/.cache/puppeteer`), newest first,
 *    full Chrome for Testing before chrome-headless-shell.
 *
 * A flag or env value that names nothing is an error on its own: the user asked for that browser, so quietly
 * using another one would hide the mistake. Everything the search touches (env, PATH lookup, file checks,
 * directory listing) is injectable, so the order can be tested without the real system.
 */
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { DeckError, ErrorCode } from '../core/errors.js';

export type BrowserSource = 'flag' | 'env' | 'system' | 'cache';

export interface FoundBrowser {
  /** Absolute path of the executable (as found; symlinks are not resolved). */
  path: string;
  source: BrowserSource;
}

export interface FindBrowserOptions {
  /** The value of `--browser PATH`, if given. */
  flag?: string;
  /**
   * A running Chromium's DevTools endpoint (`--browser-url`, `DECK_BROWSER_URL`, checked by `parseBrowserUrl`):
   * when set, `openBrowser` connects to it and nothing is searched for or launched. `findBrowser` ignores it.
   */
  url?: string;
  /** Environment to read CHROME_PATH, PUPPETEER_EXECUTABLE_PATH, PATH, HOME, … from. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Default `process.platform`. */
  platform?: NodeJS.Platform;
  /** Whether an executable file exists at the path. Default: a real check (a file, executable on POSIX). */
  exists?: (p: string) => boolean;
  /** Look a command up on PATH. Default: scan `env.PATH` using `exists`. */
  which?: (name: string) => string | undefined;
  /** Puppeteer's cache folder. Default `env.PUPPETEER_CACHE_DIR` or `~/.cache/puppeteer`. */
  puppeteerCacheDir?: string;
  /** List a folder's entries (empty when missing). Default `readdirSync`. */
  listDir?: (dir: string) => string[];
  /** Effective user id, to word the install hint (root needs no sudo). Default `process.getuid()`. */
  uid?: number;
  /** Whether this is Debian/Ubuntu, to word the install hint. Default: /etc/debian_version exists (Linux). */
  debianLike?: boolean;
}

/** Commands looked up on PATH, in order. */
export const BROWSER_COMMANDS: readonly string[] = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'microsoft-edge',
];

/**
 * Chromium's headless shell, the program itself: Debian's /usr/bin/chromium-headless-shell is a script that runs it
 * as a child, which a kill of the launched process would leave running.
 */
const LINUX_HEADLESS_SHELLS = ['/usr/lib/chromium/chromium-headless-shell'];

/** The headless shells to try first on a platform (none outside Linux). */
export function headlessShellPaths(platform: NodeJS.Platform): readonly string[] {
  return platform === 'linux' ? LINUX_HEADLESS_SHELLS : [];
}

const LINUX_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge',
];

const MAC_APPS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

/** Well-known absolute install locations for a platform, in order. */
export function systemBrowserPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const home = env.HOME;
    return [...MAC_APPS, ...(home ? MAC_APPS.map((app) => path.posix.join(home, app)) : [])];
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root));
    const apps = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return apps.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
  }
  return LINUX_PATHS;
}

/** Executables inside one version folder of Puppeteer's cache, per browser kind, for a platform. */
function cacheLayouts(platform: NodeJS.Platform): { kind: string; inside: string[] }[] {
  if (platform === 'win32') {
    return [
      { kind: 'chrome', inside: ['chrome-win64/chrome.exe', 'chrome-win32/chrome.exe'] },
      { kind: 'chrome-headless-shell', inside: ['chrome-headless-shell-win64/chrome-headless-shell.exe'] },
    ];
  }
  if (platform === 'darwin') {
    const app = 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
    return [
      { kind: 'chrome', inside: [`chrome-mac-arm64/${app}`, `chrome-mac-x64/${app}`] },
      {
        kind: 'chrome-headless-shell',
        inside: ['chrome-headless-shell-mac-arm64/chrome-headless-shell', 'chrome-headless-shell-mac-x64/chrome-headless-shell'],
      },
    ];
  }
  return [
    { kind: 'chrome', inside: ['chrome-linux64/chrome'] },
    { kind: 'chrome-headless-shell', inside: ['chrome-headless-shell-linux64/chrome-headless-shell'] },
  ];
}

/** "linux-131.0.6778.85" → [131, 0, 6778, 85], for sorting newest first. */
function versionOf(folder: string): number[] {
  return (folder.match(/\d+/g) ?? []).map(Number);
}

function newestFirst(a: string, b: string): number {
  const va = versionOf(a);
  const vb = versionOf(b);
  for (let i = 0; i < Math.max(va.length, vb.length); i++) {
    const diff = (vb[i] ?? 0) - (va[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return b.localeCompare(a);
}

function defaultExists(platform: NodeJS.Platform): (p: string) => boolean {
  return (p) => {
    try {
      if (!statSync(p).isFile()) return false;
      if (platform !== 'win32') accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
}

function defaultListDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function defaultWhich(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  exists: (p: string) => boolean,
): (name: string) => string | undefined {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
  const extensions = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean)] : [''];
  return (name) => {
    for (const dir of dirs) {
      for (const ext of extensions) {
        const candidate = p.join(dir, name + ext);
        if (exists(candidate)) return candidate;
      }
    }
    return undefined;
  };
}

/** The install advice for when nothing was found. */
export function installHint(platform: NodeJS.Platform, debianLike: boolean, uid: number | undefined): string {
  const fallback = 'set CHROME_PATH or pass --browser PATH';
  if (platform === 'linux' && debianLike) {
    const sudo = uid === 0 ? '' : 'sudo ';
    return `install it with \`${sudo}apt-get install -y chromium fonts-noto-cjk\`, or ${fallback}`;
  }
  if (platform === 'darwin') return `install Google Chrome or \`brew install --cask chromium\`, or ${fallback}`;
  return `install Chromium or Google Chrome, or ${fallback}`;
}

/** Find a browser; see the file comment for the order. Rejects with `DeckError(BrowserNotFound)`. */
export async function findBrowser(options: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? defaultExists(platform);
  const which = options.which ?? defaultWhich(env, platform, exists);
  const listDir = options.listDir ?? defaultListDir;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const hasSeparator = (value: string) => value.includes('/') || (platform === 'win32' && value.includes('\\'));

  // A path the user named: it must exist. A bare name is looked up on PATH.
  const given = (value: string): string | undefined => {
    const absolute = p.isAbsolute(value) ? value : p.resolve(value);
    if (exists(absolute)) return absolute;
    if (!hasSeparator(value)) return which(value);
    return undefined;
  };

  // 1. --browser
  if (options.flag !== undefined && options.flag !== '') {
    const found = given(options.flag);
    if (found) return { path: found, source: 'flag' };
    throw new DeckError(ErrorCode.BrowserNotFound, `--browser ${options.flag}: no executable browser there`, {
      hint: 'check the path, or leave out --browser to search the usual places',
    });
  }

  // 2. environment
  for (const name of ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH']) {
    const value = env[name];
    if (!value) continue;
    const found = given(value);
    if (found) return { path: found, source: 'env' };
    throw new DeckError(ErrorCode.BrowserNotFound, `${name}=${value}: no executable browser there`, {
      hint: `fix or unset ${name}`,
    });
  }

  const tried: string[] = ['--browser (not given)', 'CHROME_PATH (unset)', 'PUPPETEER_EXECUTABLE_PATH (unset)'];

  // 3. system: the headless shell, commands on PATH, then well-known places
  for (const candidate of headlessShellPaths(platform)) {
    if (exists(candidate)) return { path: candidate, source: 'system' };
    tried.push(candidate);
  }
  for (const command of BROWSER_COMMANDS) {
    const found = which(command);
    if (found) return { path: found, source: 'system' };
    tried.push(`${command} on PATH`);
  }
  for (const candidate of systemBrowserPaths(platform, env)) {
    if (exists(candidate)) return { path: candidate, source: 'system' };
    tried.push(candidate);
  }

  // 4. Puppeteer's cache
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  const cacheDir = options.puppeteerCacheDir ?? env.PUPPETEER_CACHE_DIR ?? p.join(home, '.cache', 'puppeteer');
  for (const { kind, inside } of cacheLayouts(platform)) {
    const kindDir = p.join(cacheDir, kind);
    for (const version of listDir(kindDir).sort(newestFirst)) {
      for (const file of inside) {
        const candidate = p.join(kindDir, version, file);
        if (exists(candidate)) return { path: candidate, source: 'cache' };
      }
    }
    tried.push(...inside.map((file) => p.join(kindDir, '*', file)));
  }

  const debianLike = options.debianLike ?? (platform === 'linux' && existsSync('/etc/debian_version'));
  const uid = 'uid' in options ? options.uid : process.getuid?.();
  throw new DeckError(
    ErrorCode.BrowserNotFound,
    `no Chromium, Chrome or Edge found. Tried:\n${tried.map((place) => `  - ${place}`).join('\n')}`,
    { hint: installHint(platform, debianLike, uid) },
  );
}
