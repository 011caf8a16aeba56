/** `deck build` on decks as people write them: counts in the right number, warnings with file:line on stderr. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled, hashTree, OUT, ROOT, runCli } from './run.js';

const WORK = join(OUT, 'cli-field');
const field = (name: string) => join(ROOT, 'tests/fixtures/decks/field', name);

beforeAll(async () => {
  await ensureCompiled();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
}, 120_000);

describe.concurrent('deck build on field decks', () => {
  it('says "1 slide", not "1 slides"', async () => {
    const file = join(WORK, 'one.md');
    writeFileSync(file, '# Only one\n');
    const r = await runCli(['build', file, '-o', join(WORK, 'one')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/built 1 slide →/);
  });

  it('builds a malformed deck as reveal.js would, warning with file:line', async () => {
    const r = await runCli(['build', field('malformed-es/deck.md'), '-o', join(WORK, 'malformed')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/built 3 slides/);
    expect(r.stderr).toMatch(/deck\.md:3: this code fence is never closed/);
    expect(r.stderr).toMatch(/deck\.md:14: 2 notes markers in one slide/);
  });

  it('lists every missing file in one run and exits 2', async () => {
    const r = await runCli(['build', field('missing-media/deck.md'), '-o', join(WORK, 'missing')]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/deck\.md:\d+: image or media file not found/g)).toHaveLength(5);
  });

  it('reports every problem of a deck in several files in one run, each with file:line, and writes nothing', async () => {
    const out = join(WORK, 'many-problems');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'keep.txt'), 'the previous build\n');
    const before = hashTree(out);
    const r = await runCli(['build', field('many-problems'), '-o', out]);
    expect(r.code).toBe(2);
    const listed = [
      /deck\.config\.yaml:3: invalid settings: unknown key "widht" \(did you mean "width"\?\)/,
      /deck\.config\.yaml:4: invalid settings: "transition"/,
      /deck\.config\.yaml:6: invalid settings: unknown key "pdf\.papr"/,
      /01-intro\.md:8: data-timing="soon" is not a time/,
      /01-intro\.md:13: unknown layout "nope"/,
      /01-intro\.md:18: image or media file not found: video\/gone\.mp4/,
      /01-intro\.md:21: image or media file not found: img\/missing\.png/,
      /02-broken\.md:2: front matter is not valid YAML/,
      /03-latin1\.md:3: the file is not UTF-8 text/,
      /04-math\.md:5: math: .* in \$\\frac\{1\}\{\$/,
      /05-again\.md:1: slide id "intro" is used twice \(first at 01-intro\.md:1\)/,
    ];
    expect(r.stderr).toMatch(new RegExp(`${listed.length} problems in the deck`));
    for (const line of listed) expect(r.stderr).toMatch(line);
    // In the order of the files and their lines.
    const positions = listed.map((line) => r.stderr.search(line));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(hashTree(out)).toBe(before);
  });
});
