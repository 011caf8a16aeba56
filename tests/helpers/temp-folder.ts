/** A test file's temporary folder (made in beforeAll, removed in afterAll) and decks written into it from text. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** Writes `files` (paths relative to the folder, sub-folders made as needed) into `dir`; returns `dir`. */
export function writeFolder(dir: string, files: Record<string, string | Buffer>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface TempFolder {
  /** The folder itself (valid from beforeAll on). */
  path(): string;
  /** `name` inside the folder, holding `files`. */
  folder(name: string, files: Record<string, string | Buffer>): string;
}

/** Registers beforeAll/afterAll hooks for a private temporary folder named after `prefix`; call at a file's top. */
export function useTempFolder(prefix: string): TempFolder {
  let work: string | undefined;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });
  const path = () => {
    if (!work) throw new Error('the temporary folder is made in beforeAll');
    return work;
  };
  return { path, folder: (name, files) => writeFolder(join(path(), name), files) };
}

/** `dir` emptied of an earlier run's files (or made); returns `dir`. */
export function emptyFolder(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}
