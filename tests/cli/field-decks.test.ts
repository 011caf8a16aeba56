/** `deck build` on decks as people write them: counts in the right number, warnings with file:line on stderr. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled, OUT, ROOT, runCli } from './run.js';

const WORK = join(OUT, 'cli-field');
const field = (name: string) => join(ROOT, 'tests/fixtures/decks/field', name);

beforeAll(async () => {
  await ensureCompiled();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
}, 120_000);

describe('deck build on field decks', () => {
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
});
