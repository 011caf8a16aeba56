/** The checks `deck doctor` runs, loaded only when it runs. */
import { execFile } from 'node:child_process';
import { access, constants, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isDeckError } from '../../core/errors.js';
import { ExitCode } from '../exit-codes.js';
import { colorsFor } from '../options.js';

/** The outcome of one check: what was found, and what to do when it failed. */
export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  /** What the user should do (failures only). */
  readonly fix?: string;
  /** The exit status this failure stands for. */
  readonly exitCode: number;
}

export interface DoctorOptions {
  out: string;
  browser?: string;
  timeout?: number;
  /** The Node version to judge (default: this process's). */
  nodeVersion?: string;
  env?: NodeJS.ProcessEnv;
}

const MIN_NODE = 20;

export function checkNode(version = process.versions.node): CheckResult {
  const major = Number(version.split('.')[0]);
  const ok = major >= MIN_NODE;
  return {
    name: 'Node.js',
    ok,
    detail: `${version}${ok ? '' : ` is too old (need ${MIN_NODE} or newer)`}`,
    fix: ok ? undefined : `install Node.js ${MIN_NODE} LTS or newer (https://nodejs.org, or nvm install ${MIN_NODE})`,
    exitCode: ExitCode.Unexpected,
  };
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((done, fail) => {
    execFile(file, args, { env, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => (error ? fail(error) : done(stdout)));
  });
}

/** Fonts with Traditional Chinese glyphs, from fontconfig (what Chromium on Linux uses too). */
export async function checkCjkFonts(env: NodeJS.ProcessEnv = process.env): Promise<CheckResult> {
  const name = 'CJK fonts (Traditional Chinese)';
  const fix =
    'install Noto CJK: `sudo apt-get install -y fonts-noto-cjk` (Debian/Ubuntu), `brew install --cask font-noto-sans-cjk-tc` (macOS)';
  let output: string;
  try {
    output = await run('fc-list', [':lang=zh-tw', 'family'], env, 10_000);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      name,
      ok: false,
      detail: missing ? 'fc-list (fontconfig) not found, so the fonts cannot be checked' : `fc-list failed: ${(error as Error).message}`,
      fix: missing ? 'install fontconfig and a CJK font: `sudo apt-get install -y fontconfig fonts-noto-cjk`' : fix,
      exitCode: ExitCode.Unexpected,
    };
  }
  const families = [
    ...new Set(
      output
        .split('\n')
        .flatMap((line) => line.split(','))
        .map((f) => f.trim())
        .filter(Boolean),
    ),
  ];
  if (families.length === 0)
    return { name, ok: false, detail: 'no font with Traditional Chinese glyphs', fix, exitCode: ExitCode.Unexpected };
  const preferred = families.find((f) => /Noto Sans CJK TC/i.test(f)) ?? families[0]!;
  return {
    name,
    ok: true,
    detail: `${preferred}${families.length > 1 ? ` (+${families.length - 1} more)` : ''}`,
    exitCode: ExitCode.Unexpected,
  };
}

/** Whether `dir` could be created and written to, without creating anything. */
export async function checkOutput(dir: string): Promise<CheckResult> {
  const name = `output folder ${dir}`;
  const failed = (detail: string, fix: string): CheckResult => ({ name, ok: false, detail, fix, exitCode: ExitCode.Io });
  let probe = resolve(dir);
  for (;;) {
    try {
      const info = await stat(probe);
      if (!info.isDirectory()) {
        return failed(`${probe} is a file, so the folder cannot be made there`, 'choose another folder with -o DIR');
      }
      await access(probe, constants.W_OK);
      return { name, ok: true, detail: probe === resolve(dir) ? 'writable' : `can be created in ${probe}`, exitCode: ExitCode.Io };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(probe) !== probe) {
        probe = dirname(probe);
        continue;
      }
      return failed(
        `${probe} is not writable (${code ?? 'error'})`,
        'choose a folder you can write to with -o DIR, or fix its permissions',
      );
    }
  }
}

/** Find the browser, then launch and close it, within the timeout. */
export async function checkBrowser(options: DoctorOptions): Promise<CheckResult[]> {
  const { findBrowser } = await import('../../browser/find.js');
  const fail = (name: string, error: unknown, exitCode: number): CheckResult => ({
    name,
    ok: false,
    detail: isDeckError(error) ? error.message : (error as Error).message,
    fix: (isDeckError(error) && error.hint) || 'pass --browser PATH or set CHROME_PATH to a Chromium or Chrome',
    exitCode,
  });
  let path: string;
  let found: CheckResult;
  try {
    const browser = await findBrowser({ flag: options.browser, env: options.env });
    path = browser.path;
    found = { name: 'browser found', ok: true, detail: `${browser.path} (via ${browser.source})`, exitCode: ExitCode.BrowserNotFound };
  } catch (error) {
    return [
      fail('browser found', error, ExitCode.BrowserNotFound),
      {
        name: 'browser starts',
        ok: false,
        detail: 'skipped: no browser',
        fix: 'fix the check above first',
        exitCode: ExitCode.BrowserNotFound,
      },
    ];
  }
  const timeoutMs = options.timeout ?? 30_000;
  const started = Date.now();
  try {
    const { withBrowser, withTimeout } = await import('../../browser/index.js');
    const version = await withTimeout(
      withBrowser({ executablePath: path, timeoutMs }, (browser) => browser.version()),
      timeoutMs + 10_000,
      'starting and closing the browser',
    );
    return [
      found,
      {
        name: 'browser starts',
        ok: true,
        detail: `${version}, started and closed in ${Date.now() - started} ms`,
        exitCode: ExitCode.BrowserNotFound,
      },
    ];
  } catch (error) {
    return [found, fail('browser starts', error, ExitCode.BrowserNotFound)];
  }
}

/** Run every check (in parallel) and return them in a fixed order. */
export async function runDoctor(options: DoctorOptions): Promise<CheckResult[]> {
  const [browser, fonts, output] = await Promise.all([checkBrowser(options), checkCjkFonts(options.env), checkOutput(options.out)]);
  return [checkNode(options.nodeVersion), ...browser, fonts, output];
}

/** The ✓/✗ report, one line per check plus a "→ what to do" line under each failure. */
export function formatChecks(results: readonly CheckResult[], colors = colorsFor(process.stdout)): string {
  return results
    .map((r) =>
      r.ok
        ? `${colors.green('✓')} ${r.name}: ${r.detail}`
        : `${colors.red('✗')} ${r.name}: ${r.detail}${r.fix ? `\n    ${colors.yellow('→')} ${r.fix}` : ''}`,
    )
    .join('\n');
}
