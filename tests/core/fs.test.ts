/**
 * Atomic writes: a reader sees the old file or the new one, and a failed write leaves the old file byte for byte
 * with no temporary file beside it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, isDeckError } from '../../src/core/errors.js';
import { copyFileAtomic, ensureWritableDir, writeFileAtomic } from '../../src/core/fs.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'deck-fs-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A data source that fails half-way, the way a full disk or a bug in a generator does. */
function failingData(): Uint8Array {
  return new Proxy(new Uint8Array(4), {
    get(target, key) {
      if (key === 'buffer' || key === 'byteLength' || key === 'byteOffset' || key === 'length') throw new Error('disk full');
      return Reflect.get(target, key);
    },
  });
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('writeFileAtomic', () => {
  it('writes the file, creating folders, and leaves no temporary file', async () => {
    const target = join(work, 'new', 'deep', 'deck.pdf');
    await writeFileAtomic(target, 'new content');
    expect(readFileSync(target, 'utf8')).toBe('new content');
    expect(readdirSync(join(work, 'new', 'deep'))).toEqual(['deck.pdf']);
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
  });

  it('keeps the previous file byte for byte when the write fails, and removes its temporary file', async () => {
    const dir = join(work, 'keep');
    mkdirSync(dir);
    const target = join(dir, 'index.html');
    writeFileSync(target, 'previous build');
    const error = await caught(writeFileAtomic(target, failingData()));
    expect(isDeckError(error) && error.code === ErrorCode.Io).toBe(true);
    expect(isDeckError(error) && error.file).toBe(target);
    expect((error as Error).message).toContain(`cannot write ${target}`);
    expect(readFileSync(target, 'utf8')).toBe('previous build');
    expect(readdirSync(dir)).toEqual(['index.html']);
  });

  it('reports the write that failed, not the clean-up after it', async () => {
    const blocker = join(work, 'blocker');
    writeFileSync(blocker, '');
    const error = await caught(writeFileAtomic(join(blocker, 'x.html'), 'x'));
    expect(isDeckError(error) && error.code === ErrorCode.Io).toBe(true);
    expect((error as Error).message).toMatch(/^cannot write .*blocker\/x\.html \((ENOTDIR|EEXIST)\)$/);
    expect(isDeckError(error) && error.hint).toBeUndefined();
  });

  it('suggests another output folder when permission is denied', async () => {
    // /sys refuses new files even to root (EACCES), so this runs the same as root in CI and as a user.
    const error = await caught(writeFileAtomic('/sys/deck-test.html', 'x'));
    expect((error as Error).message).toBe('cannot write /sys/deck-test.html (EACCES)');
    expect(isDeckError(error) && error.hint).toBe('choose an output folder you can write to (-o DIR)');
  });
});

describe('copyFileAtomic', () => {
  it('copies, creating folders; a missing source leaves the target as it was', async () => {
    const source = join(work, 'source.css');
    writeFileSync(source, 'body{}');
    const target = join(work, 'copy', 'theme.css');
    await copyFileAtomic(source, target);
    expect(readFileSync(target, 'utf8')).toBe('body{}');
    const error = await caught(copyFileAtomic(join(work, 'missing.css'), target));
    expect(isDeckError(error) && error.code === ErrorCode.Io).toBe(true);
    expect((error as Error).message).toContain(`cannot copy to ${target} (ENOENT)`);
    expect(readFileSync(target, 'utf8')).toBe('body{}');
    expect(readdirSync(join(work, 'copy'))).toEqual(['theme.css']);
  });
});

describe('ensureWritableDir', () => {
  it('creates the folder and leaves nothing in it', async () => {
    const dir = join(work, 'out', 'dist');
    await ensureWritableDir(dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails with an Io error naming the folder when it cannot be made', async () => {
    const file = join(work, 'a-file');
    writeFileSync(file, '');
    const error = await caught(ensureWritableDir(join(file, 'dist')));
    expect(isDeckError(error) && error.code === ErrorCode.Io).toBe(true);
    expect(isDeckError(error) && error.file).toBe(join(file, 'dist'));
    expect((error as Error).message).toContain('cannot write to folder');
  });
});
