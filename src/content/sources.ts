import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep, dirname } from 'node:path';
import { DeckError, ErrorCode } from '../core/errors.js';
import { collecting, combineProblems } from '../core/problems.js';
import { firstInvalidUtf8 } from './utf8.js';

export interface SourceFile {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the deck root, with forward slashes. */
  readonly name: string;
  readonly text: string;
}

export interface Sources {
  readonly root: string;
  readonly input: string;
  readonly files: readonly SourceFile[];
}

const MARKDOWN = /\.(md|markdown)$/i;
const IGNORED_DIRS = new Set(['node_modules', 'dist', '.git', 'rehearsals']);

async function listMarkdown(dir: string, collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => collator.compare(a.name, b.name));
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !IGNORED_DIRS.has(entry.name)) found.push(...(await listMarkdown(path, collator)));
    else if (entry.isFile() && MARKDOWN.test(entry.name) && !/^readme\.md$/i.test(entry.name)) found.push(path);
  }
  return found;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) count++;
  return count;
}

/** Decode a source as UTF-8 (a BOM is dropped); binary or non-UTF-8 content is a BadInput error. */
export function decodeSource(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = countNewlines(bytes.subarray(0, nul)) + 1;
    throw new DeckError(ErrorCode.BadInput, 'this is a binary file, not Markdown text', { file, line });
  }
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const valid = Math.max(0, firstInvalidUtf8(bytes));
    const line = countNewlines(bytes.subarray(0, valid)) + 1;
    throw new DeckError(ErrorCode.BadInput, 'the file is not UTF-8 text', {
      file,
      line,
      hint: 'save it as UTF-8 (e.g. `iconv -f BIG5 -t UTF-8`)',
    });
  }
}

/**
 * Read a deck: one Markdown file, or every Markdown file in a folder and its subfolders, ordered by path with
 * numbers compared as numbers (2-x.md before 10-x.md). Files and folders starting with "." or "_" are skipped.
 * A file that is not UTF-8 text is a problem: with `problems` it is added there and left out (so one run reports
 * every such file), else the problems are thrown together.
 */
export async function readSources(input: string, problems?: DeckError[]): Promise<Sources> {
  const absolute = resolve(input);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(absolute);
  } catch {
    throw new DeckError(ErrorCode.BadInput, 'the deck does not exist', {
      file: input,
      hint: 'give a folder of Markdown files or one .md file',
    });
  }
  const root = info.isDirectory() ? absolute : dirname(absolute);
  const paths = info.isDirectory() ? await listMarkdown(absolute) : [absolute];
  if (paths.length === 0) {
    throw new DeckError(ErrorCode.BadInput, 'the folder has no Markdown (.md) files', { file: input });
  }
  const found: DeckError[] = [];
  const files = await Promise.all(
    paths.map(async (path) => {
      const name = relative(root, path).split(sep).join('/');
      const bytes = await readFile(path);
      return collecting(found, () => ({ path, name, text: decodeSource(bytes, name) }), undefined);
    }),
  );
  if (problems) problems.push(...found);
  else {
    const failure = combineProblems(found);
    if (failure) throw failure;
  }
  return { root, input, files: files.filter((file) => file !== undefined) };
}
