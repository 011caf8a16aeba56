/**
 * `deck build` on decks as people write them: counts in the right number, warnings with file:line on stderr. The
 * decks that build run as one `deck build <deck>… -o DIR`, and those that fail as another (each deck into
 * DIR/<name>/, its warnings and errors printed as in a run of its own, the errors named by the deck): two starts of
 * the CLI instead of four.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, ensureCompiled, hashTree, OUT, ROOT, reportOf, runCli } from './run.js';

const WORK = join(OUT, 'cli-field');
const field = (name: string) => join(ROOT, 'tests/fixtures/decks/field', name);

/** The run of the decks that build, and the run of those that fail (the many-problems deck over a previous build). */
let building: CliResult;
let failing: CliResult;
const ONE = join(WORK, 'one.md');
const MANY_OUT = join(WORK, 'failing', 'many-problems');
let manyBefore = '';

beforeAll(async () => {
  await ensureCompiled();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(MANY_OUT, { recursive: true });
  writeFileSync(ONE, '# Only one\n');
  writeFileSync(join(MANY_OUT, 'keep.txt'), 'the previous build\n');
  manyBefore = hashTree(MANY_OUT);
  [building, failing] = await Promise.all([
    runCli(['build', ONE, field('malformed-es/deck.md'), '-o', join(WORK, 'building')]),
    runCli(['build', field('missing-media/deck.md'), field('many-problems'), '-o', join(WORK, 'failing')]),
  ]);
}, 120_000);

describe('deck build on field decks', () => {
  it('says "1 slide", not "1 slides"', () => {
    expect(building.code, building.stderr).toBe(0);
    expect(building.stdout).toContain(`built 1 slide → ${join(WORK, 'building', 'one', 'index.html')}`);
    expect(building.stdout).toContain('2 of 2 decks built');
  });

  it('builds a malformed deck as reveal.js would, warning with file:line', () => {
    expect(building.code, building.stderr).toBe(0);
    expect(building.stdout).toContain(`built 3 slides → ${join(WORK, 'building', 'deck', 'index.html')}`);
    expect(building.stderr).toMatch(/deck\.md:3: this code fence is never closed/);
    expect(building.stderr).toMatch(/deck\.md:14: 2 notes markers in one slide/);
  });

  it('lists every missing file in one run and exits 2', () => {
    expect(failing.code).toBe(2);
    const report = reportOf(failing.stderr, 'deck');
    expect(report.match(/deck\.md:\d+: image or media file not found/g)).toHaveLength(5);
  });

  it('reports every problem of a deck in several files in one run, each with file:line, and writes nothing', () => {
    expect(failing.code).toBe(2);
    expect(failing.stderr).toContain('2 of 2 decks failed');
    const report = reportOf(failing.stderr, 'many-problems');
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
    expect(report).toMatch(new RegExp(`${listed.length} problems in the deck`));
    for (const line of listed) expect(report).toMatch(line);
    // In the order of the files and their lines.
    const positions = listed.map((line) => report.search(line));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(hashTree(MANY_OUT)).toBe(manyBefore);
  });
});
