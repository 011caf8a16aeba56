/**
 * Whether the process that wrote a journal or made a temporary folder still runs: by pid and start time, so a
 * reused pid is told apart, and on a doubt the process counts as alive (nothing of a live run is removed).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentProcess, isRunning, type ProcessProbe, systemProbe } from '../../src/core/process-identity.js';

const probeOf = (processes: Record<number, string | undefined>): ProcessProbe => ({
  exists: (pid) => pid in processes,
  startOf: (pid) => processes[pid],
});

describe('currentProcess', () => {
  it('records this process’s pid and, where the system tells, its start', () => {
    expect(currentProcess(probeOf({ [process.pid]: 'boot:5' }))).toEqual({ pid: process.pid, start: 'boot:5' });
    expect(currentProcess(probeOf({ [process.pid]: undefined }))).toEqual({ pid: process.pid });
  });
});

describe('isRunning', () => {
  it('this process is running unless its recorded start is another one’s', () => {
    const probe = probeOf({ [process.pid]: 'boot:5' });
    expect(isRunning({ pid: process.pid }, probe)).toBe(true);
    expect(isRunning({ pid: process.pid, start: 'boot:5' }, probe)).toBe(true);
    expect(isRunning({ pid: process.pid, start: 'boot:4' }, probe)).toBe(false);
    // This process runs whatever a probe says of its pid: its own folders are never taken for a dead run's.
    expect(isRunning({ pid: process.pid }, probeOf({}))).toBe(true);
  });

  it('a pid whose start cannot be read now counts as running', () => {
    expect(isRunning({ pid: 42, start: 'boot:1' }, probeOf({ 42: undefined }))).toBe(true);
  });

  it('a gone pid is not running, with or without a stamp', () => {
    expect(isRunning({ pid: 42 }, probeOf({}))).toBe(false);
    expect(isRunning({ pid: 42, start: 'boot:1' }, probeOf({}))).toBe(false);
  });
});

describe('the system probe', () => {
  it('sees this process and its start, and no longer sees a child that has exited', async () => {
    expect(systemProbe.exists(process.pid)).toBe(true);
    const start = systemProbe.startOf(process.pid);
    if (process.platform !== 'win32') expect(start).toMatch(/\S/);
    expect(isRunning(currentProcess())).toBe(true);
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    const pid = child.pid!;
    const childStart = systemProbe.startOf(pid);
    await new Promise((resolve) => child.once('exit', resolve));
    // Reaped: the pid is gone (a reuse this soon would need the whole pid range to wrap).
    expect(systemProbe.exists(pid)).toBe(false);
    expect(systemProbe.startOf(pid)).toBeUndefined();
    expect(isRunning({ pid, ...(childStart ? { start: childStart } : {}) })).toBe(false);
  });

  it('tells two processes apart by start', () => {
    expect(systemProbe.startOf(process.pid)).not.toBe(systemProbe.startOf(1));
  });

  it('on Linux, a stamp is the boot’s id and the start in clock ticks: a later process has a later one', async () => {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stamp = new RegExp(`^${boot}:(\\d+)$`);
    const mine = systemProbe.startOf(process.pid) ?? '';
    expect(mine).toMatch(stamp);
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const theirs = systemProbe.startOf(child.pid!) ?? '';
      expect(theirs).toMatch(stamp);
      expect(systemProbe.startOf(child.pid!)).toBe(theirs);
      expect(Number(stamp.exec(theirs)?.[1])).toBeGreaterThan(Number(stamp.exec(mine)?.[1]));
    } finally {
      child.kill();
    }
  });
});
