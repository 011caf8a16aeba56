/**
 * scripts/bootstrap.sh, what `npm start` and `npm test` run first, on a fake machine: a copy of the script in a
 * temporary checkout, run by bash with a PATH of stand-ins that only record how they were called (npm, npx, node,
 * apt-get, id, fc-list, fc-match, chromium, chromium-headless-shell, pdftoppm, soffice). Nothing is installed and no real apt-get or npm ci runs; what
 * is checked is what the script decides: npm ci only when node_modules is missing or older than the lock, the
 * exact apt-get command and exit 1 when not root, apt-get itself as root, compiling only what is out of date.
 */
import { execFile } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';

/** The real tools the script needs besides the stand-ins. */
const REAL_TOOLS = ['dirname', 'find', 'touch'];
/** mtimes, in seconds: the lock and sources are older than what was made from them, unless a test says otherwise. */
const OLD = 1_700_000_000;
const NEW = OLD + 1000;

interface Machine {
  /** Root for the script (it runs as uid 0): apt-get is there. */
  root?: boolean;
  /** Stand-ins present on the PATH (besides npm, npx, node, id, fc-list, which always are). */
  commands?: string[];
  /** Stand-ins present that fail (exit 1). */
  failing?: string[];
  /** Font families fc-list prints. */
  fonts?: string;
  env?: Record<string, string>;
}

interface Run {
  code: number | null;
  stderr: string;
  /** Every stand-in call, one line each: the command and its arguments. */
  calls: string[];
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function write(path: string, text: string, mtime = OLD): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  utimesSync(path, mtime, mtime);
}

/** A checkout where everything is current: node_modules newer than the lock, lib/ newer than src/. */
function checkout(): { dir: string; bin: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'deck-bootstrap-'));
  folders.push(dir);
  write(join(dir, 'package-lock.json'), '{}');
  write(join(dir, 'node_modules', '.package-lock.json'), '{}', NEW);
  write(join(dir, 'src', 'cli', 'main.ts'), '');
  write(join(dir, 'src', 'client', 'page.ts'), '');
  write(join(dir, 'scripts', 'build-client.mjs'), '');
  write(join(dir, 'scripts', 'build-cli.mjs'), '');
  copyFileSync(join(ROOT, 'scripts', 'bootstrap.sh'), join(dir, 'scripts', 'bootstrap.sh'));
  // Folders count too (find lists src/client itself): date them with their files.
  for (const folder of ['src/cli', 'src/client', 'src', 'scripts']) utimesSync(join(dir, folder), OLD, OLD);
  write(join(dir, 'lib', 'cli', 'main.js'), '', NEW);
  write(join(dir, 'lib', 'cli-bundle', 'main.js'), '', NEW);
  write(join(dir, 'lib', 'client', '.stamp'), '', NEW);
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  return { dir, bin, log: join(dir, '.calls') };
}

function standIn(bin: string, name: string, body = ''): void {
  const path = join(bin, name);
  writeFileSync(path, `#!/bin/sh\necho "${name} $*" >> "$CALLS"\n${body}\n`);
  chmodSync(path, 0o755);
}

function bootstrap(machine: Machine, args: string[] = [], prepare?: (dir: string) => void): Promise<Run> {
  const { dir, bin, log } = checkout();
  prepare?.(dir);
  for (const tool of REAL_TOOLS) symlinkSync(join('/usr/bin', tool), join(bin, tool));
  for (const name of ['npm', 'npx', 'node']) standIn(bin, name);
  standIn(bin, 'id', `[ "$1" = "-u" ] && echo ${machine.root ? 0 : 1000}`);
  standIn(
    bin,
    'fc-list',
    `printf '%s\\n' "${machine.fonts ?? 'Noto Sans CJK TC,Noto Sans CJK TC Regular\\nNoto Color Emoji'}" 'DejaVu Sans'`,
  );
  for (const name of machine.commands ?? []) standIn(bin, name);
  for (const name of machine.failing ?? []) standIn(bin, name, 'exit 1');
  writeFileSync(log, '');
  return new Promise((done) => {
    execFile(
      '/usr/bin/bash',
      [join(dir, 'scripts', 'bootstrap.sh'), ...args],
      { cwd: tmpdir(), env: { PATH: bin, CALLS: log, HOME: dir, ...machine.env } },
      (error, _stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
        done({ code, stderr, calls });
      },
    );
  });
}

const EVERYTHING = ['chromium', 'chromium-headless-shell', 'fc-match', 'pdftoppm', 'soffice'];

describe('scripts/bootstrap.sh', () => {
  it('does nothing on a machine that has everything, with node_modules and lib/ current', async () => {
    const run = await bootstrap({ commands: EVERYTHING }, ['--test']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.calls.filter((call) => !/^(id|fc-list) /.test(call))).toEqual([]);
    expect(run.stderr).toBe('');
  });

  it('runs npm ci when node_modules is missing or older than the lock file, and only then', async () => {
    const [older, missing] = await Promise.all([
      bootstrap({ commands: EVERYTHING }, [], (dir) => utimesSync(join(dir, 'package-lock.json'), NEW + 10, NEW + 10)),
      bootstrap({ commands: EVERYTHING }, [], (dir) => rmSync(join(dir, 'node_modules'), { recursive: true })),
    ]);
    for (const run of [older, missing]) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.calls.filter((call) => call.startsWith('npm '))).toEqual(['npm ci --no-audit --no-fund --loglevel=error']);
      expect(run.stderr).toContain('installing Node packages (npm ci)');
    }
  });

  it('not as root: names every missing package in the exact apt-get command, exits 1 and installs nothing', async () => {
    const run = await bootstrap({ fonts: '' }, ['--test']);
    expect(run.code).toBe(1);
    const packages = 'chromium fonts-noto-cjk fonts-noto-color-emoji fontconfig poppler-utils chromium-headless-shell libreoffice-impress';
    expect(run.stderr).toContain(`missing system packages: ${packages}`);
    expect(run.stderr).toContain(`install them with:  sudo apt-get install -y ${packages}`);
    expect(run.stderr).toContain('CHROME_PATH');
    // It stopped there: no apt-get, no compiling.
    expect(run.calls.filter((call) => !/^(id|fc-list) /.test(call))).toEqual([]);
  });

  it('without --test (npm start) does not ask for LibreOffice nor, not as root, for the headless shell; a CHROME_PATH that runs counts as the browser', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'deck-bootstrap-chrome-'));
    folders.push(elsewhere);
    standIn(elsewhere, 'my-chrome');
    const [run, missingBrowser] = await Promise.all([
      bootstrap({ commands: ['pdftoppm', 'fc-match'], env: { CHROME_PATH: join(elsewhere, 'my-chrome') } }),
      bootstrap({ commands: ['pdftoppm', 'fc-match'], env: { CHROME_PATH: join(elsewhere, 'no-such-chrome') } }),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(missingBrowser.code).toBe(1);
    expect(missingBrowser.stderr).toContain('install them with:  sudo apt-get install -y chromium\n');
  });

  it('as root: installs exactly the missing packages with apt-get, then goes on', async () => {
    const run = await bootstrap({ root: true, commands: ['chromium', 'apt-get'], fonts: '' }, ['--test']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.calls.filter((call) => call.startsWith('apt-get '))).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends fonts-noto-cjk fonts-noto-color-emoji fontconfig poppler-utils chromium-headless-shell libreoffice-impress',
    ]);
    expect(run.stderr).toContain(
      'installing fonts-noto-cjk fonts-noto-color-emoji fontconfig poppler-utils chromium-headless-shell libreoffice-impress with apt-get',
    );
  });

  it('as root without --test (npm start): installs the headless shell beside the rest, or alone; where apt has none, says so once and goes on', async () => {
    let noneDir = '';
    const [beside, alone, none, asked] = await Promise.all([
      bootstrap({ root: true, commands: ['chromium', 'fc-match', 'apt-get'] }),
      bootstrap({ root: true, commands: ['chromium', 'fc-match', 'pdftoppm', 'apt-get'] }),
      bootstrap({ root: true, commands: ['chromium', 'fc-match', 'pdftoppm'], failing: ['apt-get'] }, [], (dir) => {
        noneDir = dir;
      }),
      // A checkout where that attempt was made: not asked again.
      bootstrap({ root: true, commands: ['chromium', 'fc-match', 'pdftoppm', 'apt-get'] }, [], (dir) =>
        write(join(dir, 'node_modules', '.no-chromium-headless-shell'), ''),
      ),
    ]);
    expect(beside.code, beside.stderr).toBe(0);
    expect(beside.calls.filter((call) => call.startsWith('apt-get '))).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends poppler-utils',
      'apt-get install -y -qq --no-install-recommends chromium-headless-shell',
    ]);
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.calls.filter((call) => call.startsWith('apt-get '))).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends chromium-headless-shell',
    ]);
    expect(alone.stderr).toContain('installing chromium-headless-shell with apt-get');
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).toContain('no chromium-headless-shell package here: exports use Chromium');
    expect(existsSync(join(noneDir, 'node_modules', '.no-chromium-headless-shell'))).toBe(true);
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.calls.filter((call) => call.startsWith('apt-get '))).toEqual([]);
  });

  it('installs the emoji font as root; npm start not as root does not stop for it (the default deck has no emoji)', async () => {
    const noEmoji = 'Noto Sans CJK TC,Noto Sans CJK TC Regular';
    const [root, user] = await Promise.all([
      bootstrap({ root: true, commands: ['chromium', 'chromium-headless-shell', 'fc-match', 'pdftoppm', 'apt-get'], fonts: noEmoji }),
      bootstrap({ commands: ['chromium', 'fc-match', 'pdftoppm'], fonts: noEmoji }),
    ]);
    expect(root.code, root.stderr).toBe(0);
    expect(root.calls.filter((call) => call.startsWith('apt-get '))).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends fonts-noto-color-emoji',
    ]);
    expect(user.code, user.stderr).toBe(0);
    expect(user.stderr).toBe('');
  });

  it('compiles and bundles the CLI when a source is newer than lib/, and bundles the page code when src/client is', async () => {
    const [cli, client, bundler, noBundle] = await Promise.all([
      bootstrap({ commands: EVERYTHING }, [], (dir) => utimesSync(join(dir, 'src', 'cli', 'main.ts'), NEW + 10, NEW + 10)),
      bootstrap({ commands: EVERYTHING }, [], (dir) => utimesSync(join(dir, 'src', 'client', 'page.ts'), NEW + 10, NEW + 10)),
      bootstrap({ commands: EVERYTHING }, [], (dir) => utimesSync(join(dir, 'scripts', 'build-cli.mjs'), NEW + 10, NEW + 10)),
      bootstrap({ commands: EVERYTHING }, [], (dir) => rmSync(join(dir, 'lib', 'cli-bundle'), { recursive: true })),
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.calls.filter((call) => /^(npx|node) /.test(call))).toEqual(['npx tsc -p tsconfig.json', 'node scripts/build-cli.mjs']);
    expect(client.code, client.stderr).toBe(0);
    expect(client.calls.filter((call) => /^(npx|node) /.test(call))).toEqual(['node scripts/build-client.mjs']);
    for (const run of [bundler, noBundle]) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.calls.filter((call) => /^(npx|node) /.test(call))).toEqual(['node scripts/build-cli.mjs']);
    }
  });

  it('is what npm start and npm test run first', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe('bash scripts/bootstrap.sh && node bin/deck.js pdf slides -o dist');
    expect(scripts.test).toMatch(/^bash scripts\/bootstrap\.sh --test && /);
  });
});
