import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ioError } from '../core/fs.js';
import type { RenderedDeck } from './output.js';
import { withOutputStage } from './stage.js';

/**
 * Write a rendered deck's files into a private folder (a stage, see stage.ts), index.html last. Plain writes:
 * nobody reads the stage, and its files reach the output folder by rename.
 */
export async function writeRenderedFiles(dir: string, rendered: RenderedDeck): Promise<string> {
  const folders = new Set(rendered.files.map((file) => dirname(join(dir, file.target))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(
    rendered.files.map(async (file) => {
      const target = join(dir, file.target);
      try {
        await ('source' in file ? copyFile(file.source, target) : writeFile(target, file.content));
      } catch (error) {
        throw ioError('source' in file ? `copy ${file.source} to` : 'write', target, error);
      }
    }),
  );
  const index = join(dir, 'index.html');
  await writeFile(index, rendered.html).catch((error: unknown) => Promise.reject(ioError('write', index, error)));
  return index;
}

/**
 * Write a rendered deck into its output folder through a stage: if any file cannot be written or copied, the
 * output folder is left as it was; otherwise every file is swapped in, index.html last.
 */
export async function writeRendered(outDir: string, rendered: RenderedDeck): Promise<string> {
  await withOutputStage(outDir, (stage) => writeRenderedFiles(stage.dir, rendered));
  return join(outDir, 'index.html');
}
