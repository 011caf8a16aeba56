/**
 * The development commands the README shows, run as shown: `node scripts/shots.mjs` writes a PNG of every slide,
 * `node scripts/mutation-survivors.mjs` prints the score per file and in total and lists what survived, and
 * `node scripts/update-visual-baselines.mjs` refuses to run under CI. The three run at once.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/render/build.js';
import { writeRendered } from '../../src/render/write.js';
import { ROOT } from '../cli/run.js';
import { decodePng } from '../visual/png.js';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function script(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, 'scripts', name), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** A report as Stryker's json reporter writes it: one file, three lines, four mutants. */
const REPORT = {
  schemaVersion: '2',
  thresholds: { high: 80, low: 60 },
  files: {
    'src/core/pick.ts': {
      language: 'typescript',
      source: 'export function pick(a: number, b: number): number {\n  return a > b ? a : b;\n}\n',
      mutants: [
        {
          id: '1',
          mutatorName: 'EqualityOperator',
          replacement: 'a >= b',
          status: 'Survived',
          location: { start: { line: 2, column: 10 }, end: { line: 2, column: 15 } },
        },
        {
          id: '2',
          mutatorName: 'ConditionalExpression',
          replacement: 'true',
          status: 'Killed',
          location: { start: { line: 2, column: 10 }, end: { line: 2, column: 15 } },
        },
        {
          id: '3',
          mutatorName: 'ConditionalExpression',
          replacement: 'false',
          status: 'Timeout',
          location: { start: { line: 2, column: 10 }, end: { line: 2, column: 15 } },
        },
        {
          id: '4',
          mutatorName: 'BlockStatement',
          replacement: '{}',
          status: 'NoCoverage',
          location: { start: { line: 1, column: 52 }, end: { line: 3, column: 2 } },
        },
        {
          id: '5',
          mutatorName: 'StringLiteral',
          replacement: '""',
          status: 'CompileError',
          location: { start: { line: 2, column: 3 }, end: { line: 2, column: 9 } },
        },
      ],
    },
  },
};

const work = mkdtempSync(join(tmpdir(), 'deck-dev-tools-'));
let shots: Ran;
let survivors: Ran;
let survivorsAll: Ran;
let noReport: Ran;
let baselines: Ran;
let survivorsOther: Ran;

beforeAll(async () => {
  const { rendered } = await buildDeck(join(ROOT, 'tests', 'fixtures', 'decks', 'image-layout'));
  const index = await writeRendered(join(work, 'deck'), rendered);
  const report = join(work, 'mutation.json');
  writeFileSync(report, JSON.stringify(REPORT));
  [shots, survivors, survivorsAll, noReport, baselines, survivorsOther] = await Promise.all([
    script('shots.mjs', [index, join(work, 'shots')]),
    script('mutation-survivors.mjs', [report]),
    script('mutation-survivors.mjs', [report, '--all']),
    script('mutation-survivors.mjs', []),
    script('update-visual-baselines.mjs', [], { CI: 'true' }),
    script('mutation-survivors.mjs', ['--files', '^src/content/', report]),
  ]);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the development scripts', () => {
  it('node scripts/shots.mjs dist/index.html DIR: a 1280×720 PNG of every slide, in order', () => {
    expect(shots.code, shots.stderr).toBe(0);
    expect(shots.stdout).toContain('slides 3');
    const files = readdirSync(join(work, 'shots')).sort();
    expect(files).toEqual(['01.png', '02.png', '03.png']);
    const images = files.map((file) => readFileSync(join(work, 'shots', file)));
    for (const image of images) expect(decodePng(image)).toMatchObject({ width: 1280, height: 720 });
    expect(new Set(images.map((image) => image.toString('base64'))).size).toBe(3);
  });

  it('node scripts/mutation-survivors.mjs: the score per file and in total, and each mutant left alive with its place', () => {
    expect(survivors.code, survivors.stderr).toBe(0);
    // Killed and timed out count as detected; a compile error is not counted (as Stryker scores).
    expect(survivors.stdout).toContain('src/core/pick.ts: 50.0% (2 killed, 2 alive)');
    expect(survivors.stdout).toContain('  src/core/pick.ts:2:10 Survived EqualityOperator: a > b → a >= b');
    expect(survivors.stdout).toMatch(/ {2}src\/core\/pick\.ts:1:52 NoCoverage BlockStatement: \{ return a > b \? a : b; \} → \{\}/);
    expect(survivors.stdout).not.toContain('Killed ConditionalExpression');
    expect(survivors.stdout).toContain('Total: 50.0% killed (2 of 4; 1 ignored, compile errors or not run)');
    expect(survivorsAll.stdout).toContain('  src/core/pick.ts:2:10 Killed ConditionalExpression: a > b → true');
    expect(noReport.code).toBe(2);
    expect(noReport.stderr).toContain('usage: node scripts/mutation-survivors.mjs');
    // --files keeps only the matching sources: here none, so nothing is listed or counted.
    expect(survivorsOther.code, survivorsOther.stderr).toBe(0);
    expect(survivorsOther.stdout).not.toContain('src/core/pick.ts');
    expect(survivorsOther.stdout).toContain('Total: n/a killed (0 of 0; 0 ignored, compile errors or not run)');
  });

  it('node scripts/update-visual-baselines.mjs refuses under CI, rewriting nothing', () => {
    expect(baselines.code).toBe(2);
    expect(baselines.stderr).toContain('never rewrites them (CI is set)');
    // It stopped before starting the visual tests in update mode.
    expect(baselines.stdout).toBe('');
  });
});
