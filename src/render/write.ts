import { join } from 'node:path';
import { copyFileAtomic, ensureWritableDir, writeFileAtomic } from '../core/fs.js';
import type { RenderedDeck } from './output.js';

/**
 * Write a rendered deck into a folder. Every file goes through a temporary file and a rename, index.html last,
 * so a reader never sees a half-written page and a failed build (which fails before this) leaves the folder as
 * it was.
 */
export async function writeRendered(outDir: string, rendered: RenderedDeck): Promise<string> {
  await ensureWritableDir(outDir);
  await Promise.all(
    rendered.files.map((file) =>
      'source' in file ? copyFileAtomic(file.source, join(outDir, file.target)) : writeFileAtomic(join(outDir, file.target), file.content),
    ),
  );
  const index = join(outDir, 'index.html');
  await writeFileAtomic(index, rendered.html);
  return index;
}
