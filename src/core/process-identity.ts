/**
 * Which process a pid stands for: its pid and when it started. A pid is reused once its process is gone, so
 * "pid 4242 is alive" does not mean the process that wrote a journal or made a temporary folder still runs; the
 * start time tells them apart. Used to recover journals (src/rehearse/store.ts) and to clear temporary folders
 * of ours whose owner is dead (src/core/owned-temp.ts), and nothing is removed on a doubt.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessIdentity {
  readonly pid: number;
  /** An opaque start stamp; undefined where the system does not tell (then only the pid is compared). */
  readonly start?: string;
}

/** Probes of the system, injectable for tests. */
export interface ProcessProbe {
  /** Whether a process with this pid exists (also one of another user). */
  exists(pid: number): boolean;
  /** Its start stamp, undefined when unknown or gone. */
  startOf(pid: number): string | undefined;
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Linux: field 22 of /proc/PID/stat (clock ticks after boot) with the boot's id, so a reboot cannot make two
 * processes look alike. Elsewhere `ps -o lstart=` (macOS, BSD); undefined on Windows.
 */
function startOf(pid: number): string | undefined {
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may hold spaces and ')'; fields after the last ')' start at 3.
      const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
      const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      return ticks ? `${boot}:${ticks}` : undefined;
    } catch {
      return undefined;
    }
  }
  if (process.platform === 'win32') return undefined;
  try {
    return execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 2_000 }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const systemProbe: ProcessProbe = { exists, startOf };

/** This process, to record beside what it owns. */
export function currentProcess(probe: ProcessProbe = systemProbe): ProcessIdentity {
  const start = probe.startOf(process.pid);
  return start === undefined ? { pid: process.pid } : { pid: process.pid, start };
}

/**
 * Whether the process recorded is still running: its pid exists and, when both start stamps are known, started
 * at the same moment. A stamp that cannot be read now, for a pid that exists, counts as alive (on a doubt, keep).
 */
export function isRunning(identity: ProcessIdentity, probe: ProcessProbe = systemProbe): boolean {
  if (identity.pid === process.pid) return identity.start === undefined || identity.start === probe.startOf(process.pid);
  if (!probe.exists(identity.pid)) return false;
  if (identity.start === undefined) return true;
  const now = probe.startOf(identity.pid);
  return now === undefined ? probe.exists(identity.pid) : now === identity.start;
}
