/**
 * `kill -9` during an export: the Chromium processes of the killed `deck pdf` or `deck serve` must die with it,
 * and the folders it leaves must be cleared by the next run. Ctrl+C during `deck pdf`: Chromium is closed and its
 * profile removed, the run ends as interrupted (exit status 130 in a shell) and writes nothing. Only processes
 * descended from the process stopped here are counted (others run Chromium on this machine too), each by pid and
 * start time.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PROFILE_PREFIX } from '../../src/browser/launch.js';
import { clearStaleTempDirs, OWNER_FILE } from '../../src/core/owned-temp.js';
import { SERVE_PREFIX } from '../../src/serve/server.js';
import { BIN, ROOT } from '../cli/run.js';
import { processesNaming } from '../helpers/processes.js';

const DECK = join(ROOT, 'tests/fixtures/export/small');
const work = mkdtempSync(join(tmpdir(), 'deck-kill-test-'));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

interface Proc {
  pid: number;
  start: string;
  command: string;
}

/** A process as /proc shows it now: its parent and start time (field 22), or undefined once gone. */
function stat(pid: number): { ppid: number; start: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), start: fields[19]! };
  } catch {
    return undefined;
  }
}

/** Every process descended from `root`, now. */
function descendants(root: number): Proc[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const info = stat(pid);
    if (info) children.set(info.ppid, [...(children.get(info.ppid) ?? []), pid]);
  }
  const found: Proc[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      const info = stat(child);
      let command = '';
      try {
        command = readFileSync(`/proc/${child}/cmdline`, 'utf8').replaceAll('\0', ' ');
      } catch {}
      if (info) found.push({ pid: child, start: info.start, command });
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** Those of `procs` that still run (same pid and the same start time: not a reused pid). */
const stillRunning = (procs: readonly Proc[]) => procs.filter((p) => stat(p.pid)?.start === p.start);

/** Start `command` in the work folder, killed after the file if still running; `output()` is what it printed. */
function start(command: string, args: string[]): ChildProcess & { output: () => string } {
  const child = spawn(command, args, {
    cwd: work,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return Object.assign(child, { output: () => output });
}

/** The deck CLI with `args`. */
const run = (args: string[]) => start(process.execPath, [BIN, ...args]);

/** Wait for Chromium to be running under `child` and rendering (a renderer process); returns its process tree. */
async function chromiumUnder(child: ChildProcess): Promise<Proc[]> {
  let tree: Proc[] = [];
  await vi.waitFor(
    () => {
      tree = descendants(child.pid!);
      expect(tree.some((p) => /--type=renderer/.test(p.command))).toBe(true);
    },
    { timeout: 60_000, interval: 50 },
  );
  return tree.filter((p) => /chrom/i.test(p.command));
}

/** The profile folder of the Chromium in `tree`. */
function profileOf(tree: readonly Proc[]): string {
  const arg = tree.map((p) => /--user-data-dir=(\S+)/.exec(p.command)?.[1]).find(Boolean);
  expect(arg).toBeDefined();
  return arg!;
}

/**
 * Every process on the machine whose command line names `profile` or that holds a file in it open (helpers
 * started after the tree was read too, and those whose command line does not say).
 */
function usingProfile(profile: string): string[] {
  return processesNaming(profile, { also: (pid) => holdsFileIn(pid, profile), width: 80 });
}

/** Whether process `pid` has a file under `dir` open (false when its descriptors cannot be read: gone, or not ours). */
function holdsFileIn(pid: string, dir: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(`${dir}/`);
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

async function killAndCount(child: ChildProcess, tree: readonly Proc[], profile: string): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  // Chromium notices the closed pipe and quits with all its helpers; give it a few seconds, checking often.
  await vi.waitFor(() => expect(stillRunning(tree).map((p) => p.command.slice(0, 80))).toEqual([]), { timeout: 30_000, interval: 100 });
  await vi.waitFor(() => expect(usingProfile(profile)).toEqual([]), { timeout: 30_000, interval: 100 });
}

describe('kill -9 during an export', () => {
  it('deck pdf: every Chromium process of the killed run exits, and its profile is cleared by the next launch', async () => {
    const child = run(['pdf', DECK, '-o', join(work, 'out'), '--no-handout']);
    const tree = await chromiumUnder(child);
    expect(tree.length).toBeGreaterThan(2);
    const profile = profileOf(tree);
    expect(basename(profile).startsWith(PROFILE_PREFIX)).toBe(true);
    // Marked right after the launch returns (a kill before that leaves an unmarked profile: kept, not ours to judge).
    await vi.waitFor(() => expect(ownedBy(profile, child.pid!)).toBe(true), { timeout: 30_000, interval: 20 });
    await killAndCount(child, tree, profile);
    // Nobody was left to remove it; the next launch does (here, or any other test's launch running meanwhile).
    await vi.waitFor(
      async () => {
        await clearStaleTempDirs(PROFILE_PREFIX, { root: dirname(profile) });
        expect(existsSync(profile)).toBe(false);
      },
      { timeout: 30_000, interval: 200 },
    );
  });

  it('deck serve: the Chromium of a PDF export dies with the server, and the serve folders are cleared at the next start', async () => {
    const child = run(['serve', DECK, '--port', '0', '--no-watch', '--token', 'kill-test-token-1']);
    let url = '';
    await vi.waitFor(
      () => {
        url = /serving .* at (http:\S+)/.exec(child.output())?.[1] ?? '';
        expect(url).not.toBe('');
      },
      { timeout: 30_000, interval: 50 },
    );
    const serveDirs = () =>
      readdirSync(tmpdir()).filter((name) => name.startsWith(SERVE_PREFIX) && ownedBy(join(tmpdir(), name), child.pid!));
    const request = fetch(new URL('/_deck/deck.pdf?token=kill-test-token-1', url)).catch(() => undefined);
    const tree = await chromiumUnder(child);
    const profile = profileOf(tree);
    await vi.waitFor(() => expect(ownedBy(profile, child.pid!)).toBe(true), { timeout: 30_000, interval: 20 });
    await vi.waitFor(() => expect(serveDirs().length).toBeGreaterThan(0), { timeout: 30_000, interval: 50 }); // the PDFs' folder
    const left = serveDirs().map((name) => join(tmpdir(), name));
    await killAndCount(child, tree, profile);
    await request;
    // The next start clears them; one that a late writer refilled stays marked, and the start after clears it.
    await vi.waitFor(
      async () => {
        await clearStaleTempDirs(SERVE_PREFIX);
        await clearStaleTempDirs(PROFILE_PREFIX);
        for (const dir of [...left, profile]) expect(existsSync(dir), dir).toBe(false);
      },
      { timeout: 30_000, interval: 200 },
    );
  });
});

describe('Ctrl+C during an export', () => {
  it('deck pdf: closes Chromium and removes its profile, exits 130 in a shell and writes nothing', async () => {
    const out = join(work, 'interrupted');
    // A one-file deck that is a named pipe nobody writes to: deck pdf starts Chromium and then waits for its
    // Markdown for ever, so Ctrl+C always comes in the middle of the export, however fast the machine is.
    const deck = join(work, 'never-written.md');
    execFileSync('mkfifo', [deck]);
    // As at a terminal: a shell runs deck pdf and reports its exit status; Ctrl+C reaches deck pdf.
    const shell = start('bash', ['-c', '"$0" "$@"; echo "exit status $?"', process.execPath, BIN, 'pdf', deck, '-o', out, '--verbose']);
    const exited = new Promise((resolve) => shell.once('exit', resolve));
    // Started and in deck pdf's hands (--verbose says so once the launch has returned to it).
    await vi.waitFor(() => expect(shell.output()).toContain('Chromium started in'), { timeout: 60_000, interval: 50 });
    const tree = descendants(shell.pid!).filter((p) => /chrom/i.test(p.command));
    const profile = profileOf(tree);
    const node = descendants(shell.pid!).find((p) => p.command.includes(BIN));
    expect(node).toBeDefined();
    process.kill(node!.pid, 'SIGINT');
    await exited;
    expect(shell.output()).toMatch(/^exit status 130$/m);
    expect(existsSync(out)).toBe(false);
    // Closed by deck pdf itself (its profile removed before it exits), not left for the next run to clear.
    expect(existsSync(profile)).toBe(false);
    await vi.waitFor(() => expect(stillRunning(tree).map((p) => p.command.slice(0, 80))).toEqual([]), { timeout: 30_000, interval: 100 });
  });
});

function ownedBy(dir: string, pid: number): boolean {
  try {
    return JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')).pid === pid;
  } catch {
    return false;
  }
}
