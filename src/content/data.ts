import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfigText } from '../config/file.js';
import { DeckError, ErrorCode } from '../core/errors.js';
import { combineProblems } from '../core/problems.js';

const DATA_FILE = /^(?:(.+)\.)?data\.(ya?ml|json)$/;

/**
 * Data files beside the slides, for templates and charts: `data.yaml|yml|json` gives top-level keys,
 * `<name>.data.yaml|yml|json` gives the key <name>.
 */
export async function readDataFiles(root: string): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {};
  // Every bad data file is reported, not only the first.
  const problems: DeckError[] = [];
  let names: string[];
  try {
    names = (await readdir(root)).filter((name) => DATA_FILE.test(name)).sort();
  } catch {
    return data;
  }
  for (const name of names) {
    const [, key] = DATA_FILE.exec(name)!;
    let values: Record<string, unknown>;
    try {
      values = parseConfigText(await readFile(join(root, name), 'utf8'), name).values;
    } catch (error) {
      const cause = error as DeckError;
      problems.push(new DeckError(ErrorCode.BadInput, cause.message.replace('config', 'data file'), { file: name, line: cause.line }));
      continue;
    }
    if (key) data[key] = values;
    else Object.assign(data, values);
  }
  const failure = combineProblems(problems);
  if (failure) throw failure;
  return data;
}
