/**
 * Several decks in one run: `deck pdf a/ b/ c/` and `deck build` with folders, files and a quoted glob, one
 * browser for every deck, a line per deck, a summary table, one failure not stopping the others.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deckTargets, expandDecks } from '../../src/cli/deck-list.js';
import { defaultJobs } from '../../src/cli/commands/pdf.js';
import { formatSummary } from '../../src/cli/summary.js';
import { ErrorCode, isDeckError } from '../../src/core/errors.js';
import { ensureCompiled, OUT, ROOT, runCli, type CliResult } from './run.js';

const WORK = join(OUT, 'many-decks');
const COURSE = join(WORK, 'course');
const EXPORT_FIXTURES = join(ROOT, 'tests', 'fixtures', 'export');

const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);

let exported: CliResult;

beforeAll(async () => {
  await ensureCompiled();
  rmSync(WORK, { recursive: true, force: true });
  // A course: three good lectures (two folders and a one-file deck) and one whose export fails its checks.
  for (const name of ['lecture-1', 'lecture-2']) cpSync(join(EXPORT_FIXTURES, 'small'), join(COURSE, name), { recursive: true });
  cpSync(join(EXPORT_FIXTURES, 'overflow'), join(COURSE, 'lecture-3'), { recursive: true });
  cpSync(join(EXPORT_FIXTURES, 'small', '02-more.md'), join(COURSE, 'lecture-4.md'));
  mkdirSync(join(COURSE, '_drafts'), { recursive: true });
  exported = await runCli(['pdf', join(COURSE, '*'), '-o', join(WORK, 'out'), '--no-handout', '--jobs', '2', '--verbose'], {
    timeoutMs: 120_000,
    env: { DECK_BROWSER_URL: undefined }, // its own launch: "one browser for all of them" counts the launches
  });
}, 180_000);

describe('deck pdf with several decks', () => {
  it('exports every good deck into DIR/<deck>/ with its own slides', () => {
    expect(readdirSync(join(WORK, 'out')).sort()).toEqual(['lecture-1', 'lecture-2', 'lecture-4']);
    expect(pages(join(WORK, 'out', 'lecture-1', 'deck.pdf'))).toBe(6); // 5 slides, one kept as 2 fragment steps
    expect(pages(join(WORK, 'out', 'lecture-2', 'deck.pdf'))).toBe(6);
    expect(existsSync(join(WORK, 'out', 'lecture-4', 'index.html'))).toBe(true);
    expect(existsSync(join(WORK, 'out', 'lecture-1', 'handout.pdf'))).toBe(false);
  });

  it('uses one browser for all of them', () => {
    expect(exported.stderr.match(/^launching /gm)?.length, exported.stderr).toBe(1);
  });

  it('prints a line per deck and a summary table, and fails with the failed deck’s status', () => {
    expect(exported.code, exported.stderr).toBe(4);
    for (const name of ['lecture-1', 'lecture-2', 'lecture-4']) expect(exported.stdout).toMatch(new RegExp(`\\] ${name}: \\d+ slides → `));
    expect(exported.stderr).toMatch(/\] lecture-3: .*(below the slide|past the right edge)/s);
    expect(exported.stdout).toMatch(/^deck\s+slides\s+time\s+result$/m);
    expect(exported.stdout).toMatch(/^lecture-1\s+5\s+[\d.]+ s\s+ok$/m);
    expect(exported.stdout).toMatch(/^lecture-3\s+–\s+[\d.]+ s\s+failed: .*01\.md:12: slide 2 “Far too long”/m);
    expect(exported.stdout).toContain('3 of 4 decks exported');
    expect(exported.stderr).toContain('1 of 4 decks failed');
  });
});

describe('deck build with several decks', () => {
  it('builds each into DIR/<deck>/ and sums up; a bad deck fails the run but not the others', async () => {
    const out = join(WORK, 'site');
    const result = await runCli([
      'build',
      join(COURSE, 'lecture-1'),
      join(COURSE, 'lecture-4.md'),
      join(ROOT, 'tests', 'fixtures', 'bad', 'image-missing.md'),
      '-o',
      out,
    ]);
    expect(result.code, result.stderr).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['lecture-1', 'lecture-4']);
    expect(result.stdout).toMatch(/^image-missing\s+–\s+[\d.]+ s\s+failed: /m);
    expect(result.stdout).toContain('2 of 3 decks built');
  });
});

describe('the deck list', () => {
  it('expands a glob to folders and Markdown files in name order, skipping _ and . names', async () => {
    const decks = await expandDecks([join(COURSE, '*')]);
    expect(decks.map((deck) => deck.slice(COURSE.length + 1))).toEqual(['lecture-1', 'lecture-2', 'lecture-3', 'lecture-4.md']);
  });

  it('refuses a glob that matches no deck, as bad input', async () => {
    const error = await expandDecks([join(COURSE, 'nothing-*')]).catch((e: unknown) => e);
    expect(isDeckError(error) && error.code === ErrorCode.BadInput).toBe(true);
  });

  it('gives one deck the output folder itself, several a folder each, and refuses two with one name', () => {
    expect(deckTargets(['talk'], 'dist')).toEqual([{ input: 'talk', name: 'talk', outDir: 'dist' }]);
    expect(deckTargets(['a/intro', 'b/talk.md'], 'dist').map((t) => t.outDir)).toEqual([join('dist', 'intro'), join('dist', 'talk')]);
    const clash = (() => {
      try {
        return deckTargets(['a/talk', 'b/talk.md'], 'dist');
      } catch (error) {
        return error;
      }
    })();
    expect(isDeckError(clash) && clash.code === ErrorCode.BadInput && clash.message.includes('a/talk and b/talk.md')).toBe(true);
  });

  it('runs two to four decks at a time by default', () => {
    expect([1, 2, 3, 16].map((cores) => defaultJobs(cores))).toEqual([2, 2, 3, 4]);
  });

  it('sums up in aligned columns', () => {
    const table = formatSummary([
      { deck: 'a', slides: 30, ms: 1234, result: 'ok' },
      { deck: 'lecture-10', ms: 50, result: 'failed: x' },
    ]).split('\n');
    expect(table[0]).toBe('deck        slides   time  result');
    expect(table[2]).toBe('a               30  1.2 s  ok');
    expect(table[3]).toBe('lecture-10       –  0.1 s  failed: x');
  });
});
