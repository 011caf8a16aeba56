import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerBrowserUrl } from '../helpers/chromium.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'deck.js');
export const OUT = join(ROOT, 'tests', '.out');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * What a `deck` run spawned by a test needs in its environment to use the vitest worker's Chromium instead of
 * launching its own (about 1.3 CPU-s a launch): `DECK_BROWSER_URL`, its DevTools URL (tests/helpers/chromium.ts).
 * A test that is about the launch itself (the browser search, a browser that will not start, no Chromium left
 * after Ctrl+C, `--verbose`'s launch line) opts out by naming the variable in `env`, e.g.
 * `env: { DECK_BROWSER_URL: undefined }`; `--browser PATH` on the command line also launches (a flag beats the
 * environment).
 */
export async function cliBrowserEnv(env: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  if ('DECK_BROWSER_URL' in env) return {};
  return { DECK_BROWSER_URL: await workerBrowserUrl() };
}

/**
 * Run `node bin/deck.js …args` (the bundled CLI in lib/cli-bundle/), collecting its output. It uses the worker's
 * Chromium unless `env` opts out (`cliBrowserEnv`).
 */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CliResult> {
  const browserEnv = await cliBrowserEnv(options.env);
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...browserEnv, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** A `deck` process left running for the test to drive (Ctrl+C, requests): its output so far, and its exit. */
export interface StartedCli {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Start `node bin/deck.js …args` with `env` over the test's environment, stdout and stderr gathered in one. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): StartedCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (data) => (output += data));
  child.stderr?.on('data', (data) => (output += data));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Run async jobs with at most `limit` at a time, results in input order. */
export async function pool<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A fingerprint of a folder: every file's path and content hash, every folder's path. */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(current, entry.name);
      hash.update(`${relative(dir, path)}${entry.isDirectory() ? '/' : ''}\0`);
      if (entry.isDirectory()) walk(path);
      else hash.update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

function newestSource(dir: string, extension = '.ts'): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestSource(path, extension) : entry.name.endsWith(extension) ? statSync(path).mtimeMs : 0,
    );
  }
  return newest;
}

/** The bundle bin/deck.js runs (scripts/build-cli.mjs); it is made after tsc's lib/cli/main.js. */
const BUNDLE = join(ROOT, 'lib', 'cli-bundle', 'main.js');
const BUNDLER = join(ROOT, 'scripts', 'build-cli.mjs');

function isStale(): boolean {
  try {
    const built = Math.min(statSync(join(ROOT, 'lib', 'cli', 'main.js')).mtimeMs, statSync(BUNDLE).mtimeMs);
    // The bundle also holds templates/ compiled (src/render/precompile.ts).
    const sources = Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'templates'), '.hbs'));
    return Math.max(sources, statSync(BUNDLER).mtimeMs) > built;
  } catch {
    return true;
  }
}

/** Compile src/ to lib/. Type errors (e.g. in a file someone is editing) still emit JavaScript, so they are
 * reported, not fatal; a missing lib/cli/main.js afterwards is. */
function tsc(): Promise<void> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json')],
      (error, stdout) => {
        if (error) console.warn(`tsc reported errors (JavaScript was still emitted):\n${stdout}`);
        if (!exists(join(ROOT, 'lib', 'cli', 'main.js'))) fail(new Error(`tsc did not produce lib/cli/main.js:\n${stdout}`));
        else done();
      },
    );
  });
}

/** Bundle src/cli/main.ts into lib/cli-bundle/ (what bin/deck.js runs); a bundling error is fatal. */
function bundle(): Promise<void> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [BUNDLER], (error, _stdout, stderr) => {
      if (error) fail(new Error(`scripts/build-cli.mjs failed:\n${stderr}`));
      else done();
    });
  });
}

/**
 * Wait until the lock folder is gone (watching its folder, no polling delay), or its owner has died: a test
 * worker stopped by a timeout never runs its `finally`, and its lock must not stall every later run.
 */
function gone(path: string): Promise<void> {
  return new Promise((done) => {
    const check = () => {
      if (exists(path) && ownerAlive(path)) return false;
      rmSync(path, { recursive: true, force: true });
      watcher.close();
      clearInterval(owner);
      done();
      return true;
    };
    const watcher = watch(dirname(path), check);
    // The folder does not change when its owner dies; look at the owner now and then.
    const owner = setInterval(check, 1000);
    check();
  });
}

/** Whether the process that took the lock (its pid is written inside) is still running. */
function ownerAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // No pid yet: just created, unless it has been like that for a while (taken by an older version of this file).
    try {
      return Date.now() - statSync(lock).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Make sure lib/ is compiled and the CLI bundled from the current src/ (as `npm test`'s bootstrap does), so
 * tests of the real CLI run today's code. Test files run in parallel: one compiles under a lock folder, the others wait for it.
 */
export async function ensureCompiled(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const lock = join(OUT, 'tsc.lock');
  while (isStale()) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
    } catch {
      await gone(lock);
      continue;
    }
    try {
      await tsc();
      await bundle();
      // tsc leaves unchanged files as they were; mark the build as current.
      const now = new Date();
      utimesSync(join(ROOT, 'lib', 'cli', 'main.js'), now, now);
      utimesSync(BUNDLE, now, now);
      return;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * A deck's own report in the output of a run of several: its `error: <name>: …` line and the lines that go on
 * from it (the hint), up to the next error or warning.
 */
export function reportOf(output: string, name: string): string {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`error: ${name}: `));
  if (start < 0) return '';
  const end = lines.findIndex((line, i) => i > start && /^(error|warning): /.test(line));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}
