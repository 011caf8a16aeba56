import { createHash, randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { copyFileAtomic, ensureWritableDir, writeFileAtomic } from '../core/fs.js';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { RenderedDeck } from '../render/index.js';

/** What was last written to each output path, to skip rewriting what did not change. */
export type WrittenFiles = Map<string, string>;

async function signatureOf(file: RenderedDeck['files'][number]): Promise<string> {
  if ('source' in file) {
    const info = await stat(file.source);
    return `file:${file.source}:${info.size}:${info.mtimeMs}`;
  }
  return `data:${createHash('sha1').update(file.content).digest('hex')}`;
}

/**
 * index.html through a temporary file and a rename, so a page never reads half of it, but without the fsync
 * writeFileAtomic does: the serve folder is scratch space, and the fsync is most of the time of a save.
 */
async function replaceFile(target: string, data: string): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new DeckError(ErrorCode.Io, `cannot write ${target}`, { file: target, cause: error });
  }
}

/**
 * Write a rendered deck, skipping files identical to what this server wrote before (the reveal.js files, an
 * unchanged theme), index.html last. Like writeRendered, every write is atomic. Returns what is now written.
 */
export async function writeChanged(outDir: string, rendered: RenderedDeck, before: WrittenFiles): Promise<WrittenFiles> {
  if (before.size === 0) await ensureWritableDir(outDir);
  const after: WrittenFiles = new Map();
  await Promise.all(
    rendered.files.map(async (file) => {
      const signature = await signatureOf(file);
      after.set(file.target, signature);
      if (before.get(file.target) === signature) return;
      const target = join(outDir, file.target);
      await ('source' in file ? copyFileAtomic(file.source, target) : writeFileAtomic(target, file.content));
    }),
  );
  const html = `data:${createHash('sha1').update(rendered.html).digest('hex')}`;
  if (before.get('index.html') !== html) await replaceFile(join(outDir, 'index.html'), rendered.html);
  after.set('index.html', html);
  return after;
}
