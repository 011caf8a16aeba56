// A course in one run: 20 decks of 30 slides to deck.pdf. Ours in one run (`deck pdf 'dir/*'`: one browser,
// --jobs pages) with its default --jobs and with --jobs 5, Marp CLI on the same content with its default
// (--parallel 5) and with --parallel at our default, and 20 separate `deck pdf` runs one after another. Rounds
// alternate (each round starts with the next runner); medians of BENCH_MANY_RUNS (default 3) rounds, the spread,
// and per-round ratios. BENCH_MANY_DECKS (default 20) makes a smaller course, to check the step quickly.
import { availableParallelism } from 'node:os';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDeck, marpDeckFrom, median, ratio, spread, timeCommand } from './lib.mjs';

const RUNS = Number(process.env.BENCH_MANY_RUNS ?? 3);
const DECKS = Number(process.env.BENCH_MANY_DECKS ?? 20);
const SLIDES = 30;
/** Our default --jobs (src/cli/commands/pdf.ts: one per core, 2 to 4). */
const OUR_JOBS = Math.min(4, Math.max(2, availableParallelism()));
/** Marp CLI's default --parallel. */
const MARP_PARALLEL = 5;

export default async function () {
  const work = join(tmpdir(), 'deck-bench-many');
  rmSync(work, { recursive: true, force: true });
  const course = join(work, 'course');
  const marpDir = join(work, 'marp');
  mkdirSync(marpDir, { recursive: true });
  const decks = [];
  for (let i = 1; i <= DECKS; i++) {
    const dir = generateDeck(join(course, `lecture-${String(i).padStart(2, '0')}`), SLIDES, { sections: 3 });
    marpDeckFrom(dir, join(marpDir, `lecture-${String(i).padStart(2, '0')}.md`));
    decks.push(dir);
  }
  const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' };
  const ours = (jobs) => (jobs ? ['--jobs', String(jobs)] : []);
  const series = [
    { name: `ours, one run (\`deck pdf 'course/*'\`, default --jobs ${OUR_JOBS})`, jobs: undefined },
    { name: `ours, one run, \`--jobs ${MARP_PARALLEL}\``, jobs: MARP_PARALLEL },
    { name: `\`marp --pdf\` (default --parallel ${MARP_PARALLEL})`, marp: [] },
    { name: `\`marp --pdf --parallel ${OUR_JOBS}\``, marp: ['--parallel', String(OUR_JOBS)] },
    { name: `${DECKS} separate \`deck pdf\` runs`, separate: true },
  ].map((entry) => ({ ...entry, results: [] }));
  const run = async (entry) => {
    if (entry.separate) {
      const started = performance.now();
      for (const dir of decks)
        await timeCommand('node', ['bin/deck.js', 'pdf', dir, '-o', join(work, 'separate', dir.slice(-10)), '--no-handout', '-q'], { env });
      return { wall: performance.now() - started };
    }
    if (entry.marp) {
      const args = ['--pdf', ...entry.marp, '-I', marpDir, '-o', join(work, 'marp-out')];
      return timeCommand('node', ['node_modules/.bin/marp', ...args], { env });
    }
    const args = ['bin/deck.js', 'pdf', join(course, '*'), '-o', join(work, 'out'), '--no-handout', '-q', ...ours(entry.jobs)];
    return timeCommand('node', args, { env });
  };
  for (let round = 0; round < RUNS; round++) {
    for (let k = 0; k < series.length; k++) {
      const entry = series[(round + k) % series.length];
      entry.results.push(await run(entry));
    }
  }
  const m = (rs) => median(rs.map((r) => r.wall));
  const [ourDefault, ourFive, marpDefault, marpOurs, separate] = series;
  console.log(
    `| ${DECKS} decks × ${SLIDES} slides, deck.pdf | median, s (spread) |\n|---|---|\n` +
      series
        .map((entry) => `| ${entry.name} | ${(m(entry.results) / 1000).toFixed(1)} (${spread(entry.results.map((r) => r.wall))}) |`)
        .join('\n'),
  );
  console.log(
    `\n| ratio (median of the rounds' ratios, min–max) | |\n|---|---|\n` +
      `| ours, default / ${DECKS} separate runs (goal ≤ 0.4) | ${ratio(ourDefault.results, separate.results)} |\n` +
      `| ours, default / marp, default (goal < 1) | ${ratio(ourDefault.results, marpDefault.results)} |\n` +
      `| ours --jobs ${MARP_PARALLEL} / marp --parallel ${MARP_PARALLEL} (goal < 1) | ${ratio(ourFive.results, marpDefault.results)} |\n` +
      `| ours --jobs ${OUR_JOBS} / marp --parallel ${OUR_JOBS} (goal < 1) | ${ratio(ourDefault.results, marpOurs.results)} |`,
  );
}
