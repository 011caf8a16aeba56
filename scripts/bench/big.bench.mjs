// The 1000-slide deck to deck.pdf: time, and peak memory of Node and Chromium together (PSS summed over the
// process tree, sampled every 50 ms), ours against Marp CLI on the same content. Medians of BENCH_BIG_RUNS
// (default 3) alternating rounds.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDeck, marpDeckFrom, mb, median, spread, timeTree } from './lib.mjs';

const RUNS = Number(process.env.BENCH_BIG_RUNS ?? 3);

export default async function () {
  const work = join(tmpdir(), 'deck-bench-big');
  const dir = generateDeck(join(work, 'deck-1000'), 1000);
  const marpMd = marpDeckFrom(dir, join(work, 'marp-1000.md'));
  const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' };
  const ours = [];
  const marp = [];
  for (let round = 0; round < RUNS; round++) {
    ours.push(
      await timeTree('node', ['bin/deck.js', 'pdf', dir, '-o', join(work, 'out'), '--no-handout', '-q', '--timeout', '10m'], { env }),
    );
    marp.push(await timeTree('node', ['node_modules/.bin/marp', '--pdf', marpMd, '-o', join(work, 'marp.pdf')], { env }));
  }
  const row = (name, rs) =>
    `| ${name} | ${(median(rs.map((r) => r.wall)) / 1000).toFixed(1)} (${spread(rs.map((r) => r.wall))}) | ${mb(median(rs.map((r) => r.peak)))} (${spread(
      rs.map((r) => r.peak),
      mb,
    )}) |`;
  console.log('| 1000 slides, deck.pdf | time, s | peak memory, Node + Chromium |\n|---|---|---|');
  console.log(row('ours (`deck pdf --no-handout`)', ours));
  console.log(row('Marp CLI (`marp --pdf`)', marp));
}
