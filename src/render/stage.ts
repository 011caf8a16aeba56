/**
 * Output staging: a build or an export writes into a hidden folder beside the output folder, and its files are
 * moved into the output folder only once everything has succeeded. A failure removes the stage, so the output
 * folder stays byte for byte as it was (tests/cli/staging.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { ioError } from '../core/fs.js';

export interface OutputStage {
  /** Where to write: a folder that becomes `outDir`'s content on commit. */
  readonly dir: string;
  /** The output folder. */
  readonly outDir: string;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Move one file into place: a rename (atomic), or a copy then rename when the output folder is another disk. */
async function moveInto(source: string, target: string): Promise<void> {
  try {
    await rename(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    await copyFile(source, temp);
    await rename(temp, target);
  }
}

async function openStage(outDir: string): Promise<OutputStage> {
  const out = resolve(outDir);
  // Refuse early a folder we could not swap files into, before any work is done.
  const existing = await stat(out).catch(() => undefined);
  if (existing && !existing.isDirectory())
    throw ioError('write to folder', outDir, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
  if (existing) await access(out, constants.W_OK).catch((error: unknown) => Promise.reject(ioError('write to folder', outDir, error)));
  // Beside the output folder, so files move in by rename (same disk); hidden, so deck sources skip it.
  const dir = join(dirname(out), `.${basename(out)}.stage-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw ioError('write to folder', outDir, error);
  }
  return { dir, outDir: out };
}

/**
 * Move every staged file into the output folder, index.html last so a reader never sees a page without its
 * files. What could stop a move (a folder where a file goes, a file where a folder goes) is found before
 * anything moves.
 */
async function commitStage(stage: OutputStage): Promise<void> {
  const files = (await filesUnder(stage.dir)).sort((a, b) => Number(a === 'index.html') - Number(b === 'index.html'));
  const last = files.at(-1) === 'index.html' ? files.pop() : undefined;
  try {
    await Promise.all(
      [...files, ...(last ? [last] : [])].map(async (file) => {
        const target = await stat(join(stage.outDir, file)).catch(() => undefined);
        if (target?.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR' });
      }),
    );
    const folders = [...new Set(files.map((file) => dirname(join(stage.outDir, file))))].sort();
    await mkdir(stage.outDir, { recursive: true });
    for (const folder of folders) await mkdir(folder, { recursive: true });
    await Promise.all(files.map((file) => moveInto(join(stage.dir, file), join(stage.outDir, file))));
    if (last) await moveInto(join(stage.dir, last), join(stage.outDir, last));
  } catch (error) {
    throw ioError('write to folder', stage.outDir, error);
  }
}

/**
 * Run `write` with a fresh stage for `outDir`; when it resolves, move the staged files into `outDir` (files of
 * the same name are replaced, others are kept). Whether it succeeds or fails, the stage is removed.
 */
export async function withOutputStage<T>(outDir: string, write: (stage: OutputStage) => Promise<T>): Promise<T> {
  const stage = await openStage(outDir);
  try {
    const result = await write(stage);
    await commitStage(stage);
    return result;
  } finally {
    await rm(stage.dir, { recursive: true, force: true });
  }
}
