import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeckProblems } from '../../src/core/problems.js';
import { ErrorCode, isDeckError } from '../../src/core/errors.js';
import { readDataFiles } from '../../src/content/data.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'deck-data-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A folder with these files, written in this order. */
function folder(name: string, files: [string, string][]): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of files) writeFileSync(join(dir, path), text);
  return dir;
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the data files to be refused');
    },
    (error: unknown) => error,
  );
}

describe('data files beside the slides', () => {
  it('data.yaml gives top-level keys, <name>.data.yaml|yml|json the key <name>; other files are not read', async () => {
    const dir = folder('kinds', [
      ['data.yaml', 'title: Growth\nyears: [2018, 2019]\n'],
      ['chart.data.json', '{"labels": ["a", "b"]}'],
      ['team.data.yml', 'lead: Ann\nmembers: [Bo]\n'],
      ['deck.config.yaml', 'theme: white\n'],
      ['notes.yaml', 'not: data\n'],
      ['data.txt', 'plain'],
    ]);
    expect(await readDataFiles(dir)).toEqual({
      title: 'Growth',
      years: [2018, 2019],
      chart: { labels: ['a', 'b'] },
      team: { lead: 'Ann', members: ['Bo'] },
    });
  });

  it('reads the files in name order, whatever order they were written in: x.data.yaml overrides data.yaml’s x', async () => {
    const files: [string, string][] = [
      ['data.yaml', 'x: from data.yaml\ny: kept\n'],
      ['x.data.yaml', 'from: x.data.yaml\n'],
    ];
    for (const [name, order] of [
      ['written-first', files],
      ['written-last', [...files].reverse()],
    ] as const) {
      expect(await readDataFiles(folder(name, order)), name).toEqual({ x: { from: 'x.data.yaml' }, y: 'kept' });
    }
  });

  it('a folder that cannot be read has no data', async () => {
    expect(await readDataFiles(join(work, 'no-such-folder'))).toEqual({});
  });

  it('a bad data file is refused, naming the file and line, and calling it a data file', async () => {
    const dir = folder('bad-one', [
      ['data.yaml', 'ok: 1\n'],
      ['chart.data.yaml', 'title: Sales\nlabels: a: b\n'],
    ]);
    const error = await errorOf(readDataFiles(dir));
    expect(isDeckError(error) && error.code === ErrorCode.BadInput).toBe(true);
    expect(error).toMatchObject({ file: 'chart.data.yaml', line: 2 });
    expect((error as Error).message).toMatch(/^not valid YAML: /);
    const list = await errorOf(readDataFiles(folder('not-mapping', [['data.json', '[1, 2]']])));
    expect(list).toMatchObject({ file: 'data.json', message: 'the data file must be a mapping of keys to values' });
  });

  it('every bad data file is reported in one error, in name order', async () => {
    const dir = folder('bad-two', [
      ['b.data.json', '{"a": '],
      ['a.data.yaml', 'x: [\n'],
      ['data.yaml', 'fine: true\n'],
    ]);
    const error = await errorOf(readDataFiles(dir));
    expect(error).toBeInstanceOf(DeckProblems);
    expect((error as DeckProblems).problems.map((problem) => problem.file)).toEqual(['a.data.yaml', 'b.data.json']);
  });
});
