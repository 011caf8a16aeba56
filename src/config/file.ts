import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { DeckError, ErrorCode } from '../core/errors.js';
import { jsonKeyLines, yamlKeyLines } from './key-lines.js';
import type { ConfigLayer } from './resolve.js';

export const CONFIG_FILE_NAMES = ['deck.config.yaml', 'deck.config.yml', 'deck.config.json'] as const;

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DeckError(ErrorCode.Io, `cannot read ${path}`, { file: path, cause: error });
  }
}

/** Parse a config file's text (YAML or JSON) into a layer; syntax errors name the file and line. */
export function parseConfigText(text: string, source: string): ConfigLayer {
  if (source.endsWith('.json')) {
    let values: unknown;
    try {
      values = JSON.parse(text) ?? {};
    } catch (error) {
      throw new DeckError(ErrorCode.BadConfig, `not valid JSON: ${(error as Error).message}`, { file: source });
    }
    if (typeof values !== 'object' || Array.isArray(values)) {
      throw new DeckError(ErrorCode.BadConfig, 'the config must be a mapping of keys to values', { file: source });
    }
    return { source, values: values as Record<string, unknown>, lines: jsonKeyLines(values as Record<string, unknown>, text) };
  }
  const doc = parseDocument(text, { prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    throw new DeckError(ErrorCode.BadConfig, `not valid YAML: ${first.message.split('\n')[0]}`, {
      file: source,
      line: text.slice(0, first.pos[0]).split('\n').length,
    });
  }
  const values = doc.toJS() ?? {};
  if (typeof values !== 'object' || Array.isArray(values)) {
    throw new DeckError(ErrorCode.BadConfig, 'the config must be a mapping of keys to values', { file: source });
  }
  return { source, values: values as Record<string, unknown>, lines: yamlKeyLines(doc, text) };
}

/**
 * reveal-md's own config files, which it reads from the folder it runs in: `reveal-md.json` (its options:
 * separators, theme, css, revealOptions, …) and `reveal.json` (options for Reveal.initialize). A reveal-md
 * project keeps them beside its slides, so a deck with no config of ours reads them, in reveal-md's order
 * (revealOptions in reveal-md.json win over reveal.json). JSON5 (`reveal-md.json5`) is not read.
 */
export const REVEAL_MD_FILE_NAMES = ['reveal-md.json', 'reveal.json'] as const;

async function loadRevealMdFiles(deckDir: string): Promise<ConfigLayer | undefined> {
  const [options, reveal] = await Promise.all(
    REVEAL_MD_FILE_NAMES.map(async (name) => {
      const path = join(deckDir, name);
      const text = await readIfExists(path);
      return text === undefined ? undefined : parseConfigText(text, path);
    }),
  );
  if (!options && !reveal) return undefined;
  if (!options) return { source: reveal!.source, values: { revealOptions: reveal!.values } };
  if (!reveal) return options;
  const own = options.values.revealOptions;
  const revealOptions = own && typeof own === 'object' && !Array.isArray(own) ? { ...reveal.values, ...own } : (own ?? reveal.values);
  return { ...options, values: { ...options.values, revealOptions } };
}

/**
 * Find and read the deck's config file: an explicit path, else the first of CONFIG_FILE_NAMES in the deck's
 * folder, else reveal-md's reveal-md.json and reveal.json there. Returns undefined when there is none.
 */
export async function loadConfigFile(deckDir: string, explicit?: string): Promise<ConfigLayer | undefined> {
  if (explicit) {
    const text = await readIfExists(explicit);
    if (text === undefined) throw new DeckError(ErrorCode.BadConfig, 'config file not found', { file: explicit });
    return parseConfigText(text, explicit);
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(deckDir, name);
    const text = await readIfExists(path);
    if (text !== undefined) return parseConfigText(text, path);
  }
  return loadRevealMdFiles(deckDir);
}
