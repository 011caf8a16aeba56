/** Clearing temporary folders of ours: only those whose owner is provably gone; never another's, never on a doubt. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearStaleTempDirs, makeOwnedTempDir, OWNER_FILE } from '../../src/core/owned-temp.js';
import { isRunning, systemProbe, type ProcessProbe } from '../../src/core/process-identity.js';

const root = mkdtempSync(join(tmpdir(), 'deck-owned-temp-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A pid that existed and has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

/** A pid above Linux's largest (2^22): no process has it. */
const NO_SUCH_PID = 2 ** 30;

/** A system where only the processes listed run, each with its start stamp. */
const probeOf = (processes: Record<number, string>): ProcessProbe => ({
  exists: (pid) => pid in processes,
  startOf: (pid) => processes[pid],
});

/**
 * Run `body` while Node's own `fs/promises.rmdir` fails once for `dir` with `code` (a folder refilled or in use
 * while it is cleared), then put it back. Patched in Node's module itself (its named exports follow through
 * syncBuiltinESMExports), so it holds however the module under test was loaded; files in a worker run one at a time.
 */
async function withRmdirFailingOnce<T>(dir: string, code: string, body: () => Promise<T>): Promise<T> {
  const original = fsPromises.rmdir;
  let failed = false;
  fsPromises.rmdir = (async (path: Parameters<typeof original>[0], ...rest: [never?]) => {
    if (!failed && path === dir) {
      failed = true;
      throw Object.assign(new Error(`${code}: cannot remove directory, rmdir '${dir}'`), { code });
    }
    return original(path, ...rest);
  }) as typeof original;
  syncBuiltinESMExports();
  try {
    return await body();
  } finally {
    fsPromises.rmdir = original;
    syncBuiltinESMExports();
    expect(failed, 'the patched rmdir was reached').toBe(true);
  }
}

/** A fresh folder of its own under `root` for each test, so tests share no folders. */
function freshRoot(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  return dir;
}

function folder(parent: string, name: string, owner?: unknown): string {
  const dir = join(parent, name);
  mkdirSync(dir);
  if (owner !== undefined) writeFileSync(join(dir, OWNER_FILE), typeof owner === 'string' ? owner : JSON.stringify(owner));
  return dir;
}

describe('stale temporary folders', () => {
  it('removes those whose owner died or whose pid now runs another program, and keeps the rest', async () => {
    const parent = freshRoot('system');
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      const mine = await makeOwnedTempDir('x-', { root: parent });
      const dead = folder(parent, 'x-dead', { pid: await deadPid(), start: 'boot:1' });
      const reused = folder(parent, 'x-reused', { pid: other.pid, start: 'boot:1' });
      const alive = folder(parent, 'x-alive', { pid: other.pid, start: systemProbe.startOf(other.pid!) });
      const noStamp = folder(parent, 'x-no-stamp', { pid: other.pid });
      const noOwner = folder(parent, 'x-no-owner');
      const garbled = folder(parent, 'x-garbled', '{"pid": 12');
      const otherPrefix = folder(parent, 'y-dead', { pid: await deadPid() });
      const removed = await clearStaleTempDirs('x-', { root: parent });
      expect(removed.sort()).toEqual([dead, reused].sort());
      for (const dir of [mine, alive, noStamp, noOwner, garbled, otherPrefix]) expect(existsSync(dir), dir).toBe(true);
    } finally {
      other.kill();
    }
  });

  it('tells a process from another one that got its pid, by start time', () => {
    const probe: ProcessProbe = { exists: (pid) => pid === 42, startOf: (pid) => (pid === 42 ? 'boot:200' : undefined) };
    expect(isRunning({ pid: 42, start: 'boot:200' }, probe)).toBe(true);
    expect(isRunning({ pid: 42, start: 'boot:100' }, probe)).toBe(false);
    expect(isRunning({ pid: 43, start: 'boot:200' }, probe)).toBe(false);
    expect(isRunning({ pid: 42 }, probe)).toBe(true); // no stamp recorded: the pid alone decides
  });

  it('a folder made by this process names it whole, and is cleared once its pid stands for another process', async () => {
    const parent = freshRoot('mine');
    const dir = await makeOwnedTempDir('deck-pdf-', { root: parent, probe: probeOf({ [process.pid]: 'boot:7' }) });
    expect(dir.startsWith(join(parent, 'deck-pdf-'))).toBe(true);
    expect(readdirSync(dir)).toEqual([OWNER_FILE]); // no temporary file left beside it
    expect(JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8'))).toEqual({ pid: process.pid, start: 'boot:7' });
    expect(await clearStaleTempDirs('deck-pdf-', { root: parent, probe: probeOf({ [process.pid]: 'boot:7' }) })).toEqual([]);
    // After a reboot this pid is another process: the folder is a dead run's.
    expect(await clearStaleTempDirs('deck-pdf-', { root: parent, probe: probeOf({ [process.pid]: 'boot:8' }) })).toEqual([dir]);
    expect(existsSync(dir)).toBe(false);
  });

  it('removes a dead owner’s folder with everything in it', async () => {
    const parent = freshRoot('full');
    const dir = folder(parent, 'x-full', { pid: NO_SUCH_PID, start: 'boot:1' });
    mkdirSync(join(dir, 'profile', 'Default', 'Cache'), { recursive: true });
    writeFileSync(join(dir, 'profile', 'Default', 'Cache', 'data_0'), 'cache');
    writeFileSync(join(dir, 'slides.pdf'), '%PDF-1.7');
    writeFileSync(join(dir, '.hidden'), '');
    expect(await clearStaleTempDirs('x-', { root: parent, probe: probeOf({}) })).toEqual([dir]);
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps a folder whose owner file names no valid pid, even when no process runs at all', async () => {
    const parent = freshRoot('bad-pids');
    const owners = [{ pid: 0 }, { pid: -3 }, { pid: 1.5 }, { pid: '4242' }, { pid: null }, { start: 'boot:1' }, [4242], 4242];
    const dirs = owners.map((owner, i) => folder(parent, `x-${i}`, owner));
    expect(await clearStaleTempDirs('x-', { root: parent, probe: probeOf({}) })).toEqual([]);
    for (const dir of dirs) expect(existsSync(join(dir, OWNER_FILE)), dir).toBe(true);
  });

  it('a start stamp that is not text counts as none: a pid that runs keeps its folder', async () => {
    const parent = freshRoot('odd-stamp');
    const dir = folder(parent, 'x-odd', { pid: NO_SUCH_PID, start: 12345 });
    // The probe given is the system: there, this pid runs (with a start of its own).
    expect(await clearStaleTempDirs('x-', { root: parent, probe: probeOf({ [NO_SUCH_PID]: 'boot:9' }) })).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  });

  it('no temporary folder to look in: nothing removed, no error', async () => {
    expect(await clearStaleTempDirs('x-', { root: join(root, 'missing'), probe: probeOf({}) })).toEqual([]);
  });

  it('a folder another run removed meanwhile counts as removed', async () => {
    const parent = freshRoot('raced');
    const dir = folder(parent, 'x-raced', { pid: NO_SUCH_PID });
    // The other run removes it between our reading its owner and our removing it.
    const racing: ProcessProbe = {
      exists: () => {
        rmSync(dir, { recursive: true, force: true });
        return false;
      },
      startOf: () => undefined,
    };
    expect(await clearStaleTempDirs('x-', { root: parent, probe: racing })).toEqual([dir]);
    expect(existsSync(dir)).toBe(false);
  });

  it('a folder that cannot be removed now stays marked as its dead owner’s, and a later run removes it', async () => {
    const parent = freshRoot('busy');
    const owner = { pid: NO_SUCH_PID, start: 'boot:1' };
    const dir = folder(parent, 'x-busy', owner);
    const gone = folder(parent, 'x-gone', { pid: NO_SUCH_PID, start: 'boot:2' });
    writeFileSync(join(dir, 'late.log'), 'written by a helper of the dead browser');
    const removed = await withRmdirFailingOnce(dir, 'ENOTEMPTY', () => clearStaleTempDirs('x-', { root: parent, probe: probeOf({}) }));
    // Not reported as removed, the other folder still cleared, and the mark is back for the next run.
    expect(removed).toEqual([gone]);
    expect(existsSync(dir)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8'))).toEqual(owner);
    expect(await clearStaleTempDirs('x-', { root: parent, probe: probeOf({}) })).toEqual([dir]);
    expect(existsSync(dir)).toBe(false);
  });
});
