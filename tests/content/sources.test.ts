import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource, readSources } from '../../src/content/sources.js';
import { type DeckError, ErrorCode, isDeckError } from '../../src/core/errors.js';
import { thrownDeckError } from '../helpers/deck-error.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const { folder, path: workPath } = useTempFolder('deck-sources-');

describe('readSources', () => {
  it('orders files by name with numbers compared as numbers (2 before 10, 9 before 10), folders included', async () => {
    // Names without leading zeros: a plain string sort puts 10 before 2 and 9.
    const dir = folder('order', {
      '10-end.md': '# 10',
      '2-middle.md': '# 2',
      '1-start.md': '# 1',
      '9-late.md': '# 9',
      'part 11/1.md': '# 11.1',
      'part 3/10.md': '# 3.10',
      'part 3/2.md': '# 3.2',
      'Zeta.md': '# Z',
      'alpha.markdown': '# a',
    });
    const { files, root } = await readSources(dir);
    expect(root).toBe(dir);
    expect(files.map((file) => file.name)).toEqual([
      '1-start.md',
      '2-middle.md',
      '9-late.md',
      '10-end.md',
      'alpha.markdown',
      'part 3/2.md',
      'part 3/10.md',
      'part 11/1.md',
      'Zeta.md',
    ]);
    expect(files[0]!.text).toBe('# 1');
    expect(files[0]!.path).toBe(join(dir, '1-start.md'));
  });

  it('skips hidden and _draft files and folders, README.md, non-Markdown files, node_modules, dist and rehearsals', async () => {
    const dir = folder('skip', {
      '01.md': '# one',
      '_draft.md': 'x',
      '.hidden.md': 'x',
      '_parts/02.md': 'x',
      '.git/03.md': 'x',
      'README.md': 'x',
      'readme.MD': 'x',
      'notes.txt': 'x',
      'node_modules/pkg/04.md': 'x',
      'dist/05.md': 'x',
      'rehearsals/06.md': 'x',
      'sub/07.MD': '# seven',
    });
    expect((await readSources(dir)).files.map((file) => file.name)).toEqual(['01.md', 'sub/07.MD']);
  });

  it('reads one file as a deck rooted in its folder', async () => {
    const dir = folder('single', { 'talk.md': '# talk', 'other.md': '# other' });
    const sources = await readSources(join(dir, 'talk.md'));
    expect(sources.root).toBe(dir);
    expect(sources.files.map((file) => file.name)).toEqual(['talk.md']);
  });

  it('says what is wrong with a missing deck or a folder with no Markdown', async () => {
    const missing = await readSources(join(workPath(), 'nope')).catch((e: unknown) => e);
    expect(isDeckError(missing) && [missing.code, missing.message, missing.file]).toEqual([
      ErrorCode.BadInput,
      'the deck does not exist',
      join(workPath(), 'nope'),
    ]);
    const empty = folder('empty', { 'notes.txt': 'x' });
    const none = await readSources(empty).catch((e: unknown) => e);
    expect(isDeckError(none) && none.message).toBe('the folder has no Markdown (.md) files');
  });
});

describe('decodeSource', () => {
  it('drops a BOM and keeps the rest as written', () => {
    expect(decodeSource(new TextEncoder().encode('\uFEFF# 標題\n'), 'a.md')).toBe('# 標題\n');
    expect(decodeSource(new TextEncoder().encode('a\uFEFFb'), 'a.md')).toBe('a\uFEFFb');
  });

  it('refuses a binary file, naming the line of the first NUL', () => {
    const error = thrownDeckError(() => decodeSource(new Uint8Array([0x23, 0x0a, 0x0a, 0x61, 0x00, 0x62]), 'img.md'));
    expect([error.code, error.file, error.line, error.message]).toEqual([
      ErrorCode.BadInput,
      'img.md',
      3,
      'this is a binary file, not Markdown text',
    ]);
  });

  it('refuses text that is not UTF-8, naming the line of the first bad byte and how to convert it', () => {
    // "中" in Big5 is A4 A4: invalid UTF-8 on line 2.
    const error = thrownDeckError(() => decodeSource(new Uint8Array([0x61, 0x0a, 0xa4, 0xa4, 0x0a]), 'big5.md'));
    expect([error.code, error.file, error.line, error.message]).toEqual([ErrorCode.BadInput, 'big5.md', 2, 'the file is not UTF-8 text']);
    expect(error.hint).toContain('iconv');
  });
});

describe('readSources: what it takes and how it refuses', () => {
  it('skips only a file named README.md, not one that has readme in its name', async () => {
    const dir = folder('readme-names', { 'README.md': '# r', 'my-readme.md': '# mine', 'readme.md-notes.md': '# notes' });
    expect((await readSources(dir)).files.map((file) => file.name)).toEqual(['my-readme.md', 'readme.md-notes.md']);
  });

  it('a missing deck says what to give; a folder without Markdown is named', async () => {
    expect(await readSources(join(workPath(), 'nope')).catch((e: unknown) => e)).toMatchObject({
      hint: 'give a folder of Markdown files or one .md file',
    });
    const empty = folder('empty-named', { 'notes.txt': 'x' });
    expect(await readSources(empty).catch((e: unknown) => e)).toMatchObject({ file: empty });
  });

  it('a file that is not UTF-8 is thrown, or left out and added to the problems when it is given a list', async () => {
    const dir = folder('latin1', { '01.md': '# ok\n', '02.md': Buffer.from([0x23, 0x20, 0xe9, 0x0a]) });
    expect(await readSources(dir).catch((e: unknown) => e)).toMatchObject({
      message: 'the file is not UTF-8 text',
      file: '02.md',
      line: 1,
    });
    const problems: DeckError[] = [];
    const sources = await readSources(dir, problems);
    expect(sources.files.map((file) => file.name)).toEqual(['01.md']);
    expect(problems.map((problem) => problem.file)).toEqual(['02.md']);
  });
});
