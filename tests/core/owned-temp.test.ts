/** Clearing temporary folders of ours: only those whose owner is provably gone; never another's, never on a doubt. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

function folder(name: string, owner?: unknown): string {
  const dir = join(root, name);
  mkdirSync(dir);
  if (owner !== undefined) writeFileSync(join(dir, OWNER_FILE), typeof owner === 'string' ? owner : JSON.stringify(owner));
  return dir;
}

describe('stale temporary folders', () => {
  it('removes those whose owner died or whose pid now runs another program, and keeps the rest', async () => {
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      const mine = await makeOwnedTempDir('x-', { root });
      const dead = folder('x-dead', { pid: await deadPid(), start: 'boot:1' });
      const reused = folder('x-reused', { pid: other.pid, start: 'boot:1' });
      const alive = folder('x-alive', { pid: other.pid, start: systemProbe.startOf(other.pid!) });
      const noStamp = folder('x-no-stamp', { pid: other.pid });
      const noOwner = folder('x-no-owner');
      const garbled = folder('x-garbled', '{"pid": 12');
      const otherPrefix = folder('y-dead', { pid: await deadPid() });
      const removed = await clearStaleTempDirs('x-', { root });
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
});
