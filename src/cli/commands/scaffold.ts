/** Copying the sample deck for `deck init`, loaded only when it runs. */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { DeckError, ErrorCode } from '../../core/errors.js';
import { copyFileAtomic } from '../../core/fs.js';
import { packageRoot } from '../../render/paths.js';

/** The sample deck shipped with the package. */
export function scaffoldDir(): string {
  return join(packageRoot(), 'templates', 'init');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** What is at `dir`: nothing, an empty folder, a folder with entries, or something that is not a folder. */
async function inspect(dir: string): Promise<'missing' | 'empty' | 'full' | 'file'> {
  try {
    if (!(await stat(dir)).isDirectory()) return 'file';
    return (await readdir(dir)).length === 0 ? 'empty' : 'full';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    if (code === 'ENOTDIR') return 'file';
    throw new DeckError(ErrorCode.Io, `cannot read ${dir} (${code ?? 'error'})`, { file: dir, cause: error });
  }
}

/**
 * Copy the sample deck into `dir` (created if needed). A folder that is not empty is refused unless `force`,
 * so nothing of the user's is overwritten by accident. Returns the files written, relative to `dir`.
 */
export async function scaffoldDeck(dir: string, options: { force: boolean }): Promise<string[]> {
  const state = await inspect(dir);
  if (state === 'file') {
    throw new DeckError(ErrorCode.Io, 'is a file, not a folder', { file: dir, hint: 'choose a new folder name' });
  }
  if (state === 'full' && !options.force) {
    throw new DeckError(ErrorCode.BadInput, 'the folder is not empty; nothing was written', {
      file: dir,
      hint: 'choose a new or empty folder, or add --force to write the sample files into it',
    });
  }
  const source = scaffoldDir();
  const files = await listFiles(source);
  for (const file of files) await copyFileAtomic(join(source, file), join(dir, file));
  return files.map((file) => file.split(sep).join('/'));
}
