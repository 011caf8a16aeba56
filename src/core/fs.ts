import { mkdir, rename, rm, writeFile, copyFile, open } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DeckError, ErrorCode } from './errors.js';

function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Remove a temporary file after a failure; a failed clean-up must not hide the failure the user needs to see. */
async function removeTemp(temp: string): Promise<void> {
  await rm(temp, { force: true }).catch(() => undefined);
}

/** An Io DeckError naming the path, with the errno code and a hint for permission errors. */
export function ioError(action: string, path: string, cause: unknown): DeckError {
  const code = (cause as NodeJS.ErrnoException)?.code;
  return new DeckError(ErrorCode.Io, `cannot ${action} ${path}${code ? ` (${code})` : ''}`, {
    file: path,
    cause,
    hint: code === 'EACCES' || code === 'EPERM' ? 'choose an output folder you can write to (-o DIR)' : undefined,
  });
}

/**
 * Write a file atomically: the data goes to a temporary file beside the target, is flushed, then renamed
 * over it. A reader sees the old file or the new one, never half of one; on failure the old one is untouched.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = tempNameFor(target);
  try {
    await mkdir(dirname(target), { recursive: true });
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await removeTemp(temp);
    throw ioError('write', target, error);
  }
}

/** Copy a file atomically (temporary copy, then rename). */
export async function copyFileAtomic(source: string, target: string): Promise<void> {
  const temp = tempNameFor(target);
  try {
    await mkdir(dirname(target), { recursive: true });
    await copyFile(source, temp);
    await rename(temp, target);
  } catch (error) {
    await removeTemp(temp);
    throw ioError('copy to', target, error);
  }
}

/** Make sure a folder exists and can be written to; throws an Io DeckError naming it otherwise. */
export async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const probe = tempNameFor(join(dir, 'probe'));
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    throw ioError('write to folder', dir, error);
  }
}
