/**
 * The decks a command was given: folders, Markdown files or quoted globs (`'talks/*'`, `'course/**\/*.md'`),
 * each with its output folder. One deck writes into `-o DIR` itself; several write into `DIR/<deck name>/`.
 */
import { statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { DeckError, ErrorCode } from '../core/errors.js';

export interface DeckTarget {
  /** The folder or Markdown file, as given or as the glob matched it. */
  input: string;
  /** Its name: the folder's, or the file's without `.md`. */
  name: string;
  outDir: string;
}

const GLOB_CHARS = /[*?[\]{}]/;

function isDeck(path: string): boolean {
  const stats = statSync(path, { throwIfNoEntry: false });
  return Boolean(stats?.isDirectory() || (stats?.isFile() && /\.(md|markdown)$/i.test(path)));
}

/** Expand globs (folders and Markdown files they match, in name order); plain paths are kept as given. */
export async function expandDecks(args: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const decks: string[] = [];
  for (const arg of args) {
    if (!GLOB_CHARS.test(arg) || statSync(resolve(cwd, arg), { throwIfNoEntry: false })) {
      decks.push(arg);
      continue;
    }
    const { glob } = await import('tinyglobby');
    const matches = (
      await glob(arg, { cwd, onlyFiles: false, expandDirectories: false, absolute: isAbsolute(arg), ignore: ['**/node_modules/**'] })
    )
      .map((match) => match.replace(/\/$/, ''))
      .filter((match) => !basename(match).startsWith('.') && !basename(match).startsWith('_') && isDeck(resolve(cwd, match)))
      .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    if (matches.length === 0) {
      throw new DeckError(ErrorCode.BadInput, `no deck (folder or .md file) matches ${arg}`, {
        hint: 'check the pattern; quote it so the shell passes it as it is',
      });
    }
    decks.push(...matches);
  }
  return [...new Set(decks)];
}

/** Pair each deck with its output folder; two decks that would share one are refused before anything runs. */
export function deckTargets(decks: readonly string[], outDir: string): DeckTarget[] {
  const named = decks.map((input) => {
    const resolved = resolve(input);
    const name = basename(resolved, extname(resolved)) || 'deck';
    return { input, name, outDir: decks.length === 1 ? outDir : join(outDir, name) };
  });
  const byOut = new Map<string, string>();
  for (const target of named) {
    const other = byOut.get(resolve(target.outDir));
    if (other) {
      throw new DeckError(
        ErrorCode.BadInput,
        `${other} and ${target.input} would both be written to ${relative('.', target.outDir) || '.'}`,
        {
          hint: 'export them in separate runs with different -o folders, or rename one',
        },
      );
    }
    byOut.set(resolve(target.outDir), target.input);
  }
  return named;
}
