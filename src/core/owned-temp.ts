/**
 * Temporary folders of ours that outlive their process (a `kill -9`, a power cut): each holds a small file
 * naming its owner by pid and start time, and a later run removes the ones whose owner is provably gone. A
 * folder without that file, with a file that cannot be read, or whose owner may still run, is left alone:
 * other runs (and other tools) share the temporary folder. Tested in tests/core/owned-temp.test.ts.
 */
import { mkdtemp, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentProcess, isRunning, type ProcessIdentity, type ProcessProbe, systemProbe } from './process-identity.js';

/** The owner file's name: a dot file, so a static server with `dotfiles: false` never serves it. */
export const OWNER_FILE = '.deck-owner.json';

/** Mark a folder as this process's. Written whole (temporary file, then rename), so a reader never sees half. */
export async function markOwned(dir: string, probe: ProcessProbe = systemProbe): Promise<void> {
  const temp = join(dir, `${OWNER_FILE}.${process.pid}.tmp`);
  await writeFile(temp, JSON.stringify(currentProcess(probe)));
  await rename(temp, join(dir, OWNER_FILE));
}

/** A new folder `<tmp>/<prefix>XXXXXX`, marked as ours. */
export async function makeOwnedTempDir(prefix: string, options: { root?: string; probe?: ProcessProbe } = {}): Promise<string> {
  const dir = await mkdtemp(join(options.root ?? tmpdir(), prefix));
  await markOwned(dir, options.probe);
  return dir;
}

async function ownerOf(dir: string): Promise<ProcessIdentity | undefined> {
  try {
    const owner = JSON.parse(await readFile(join(dir, OWNER_FILE), 'utf8')) as Partial<ProcessIdentity>;
    if (typeof owner.pid !== 'number' || !Number.isInteger(owner.pid) || owner.pid <= 0) return undefined;
    return { pid: owner.pid, ...(typeof owner.start === 'string' ? { start: owner.start } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * Remove `<tmp>/<prefix>*` folders of ours whose owner has died; returns the folders removed. Never throws: a
 * folder that cannot be read or removed is skipped, as clearing is a courtesy and must not stop a run.
 */
export async function clearStaleTempDirs(prefix: string, options: { root?: string; probe?: ProcessProbe } = {}): Promise<string[]> {
  const root = options.root ?? tmpdir();
  const probe = options.probe ?? systemProbe;
  let names: string[];
  try {
    names = (await readdir(root)).filter((name) => name.startsWith(prefix));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const dir = join(root, name);
    const owner = await ownerOf(dir);
    if (!owner || isRunning(owner, probe)) continue;
    if (await removeOwned(dir, owner)) removed.push(dir);
  }
  return removed;
}

/**
 * Remove a dead owner's folder, its owner file last: a helper of a dead browser may still be writing its last
 * files, and a folder that cannot be emptied now must stay marked so that a later run retries it. Returns
 * whether the folder is gone.
 */
async function removeOwned(dir: string, owner: ProcessIdentity): Promise<boolean> {
  try {
    const entries = (await readdir(dir)).filter((entry) => entry !== OWNER_FILE);
    await Promise.all(entries.map((entry) => rm(join(dir, entry), { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })));
    await rm(join(dir, OWNER_FILE), { force: true });
    await rmdir(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true; // another run removed it meanwhile
    // Refilled meanwhile, in use, or not ours to remove: put the mark back (if the folder is still there) and leave it.
    await writeFile(join(dir, OWNER_FILE), JSON.stringify(owner)).catch(() => undefined);
    return false;
  }
}
