// The 1000-slide deck to deck.pdf: time, and peak memory of Node and Chromium together (PSS summed over the
// process tree, sampled every 50 ms), ours against Marp CLI on the same content. Medians of BENCH_BIG_RUNS
// (default 3) alternating rounds (each round starts with the other tool). Both get ten minutes: our --timeout
// 10m, Marp's --browser-timeout 600 (its default of 30 s per browser operation is too short for one page.pdf of
// this deck). A run that fails all the same is reported as such, and the other's are printed all the same.
// BENCH_BIG_SLIDES (default 1000) makes a smaller deck, to check the step quickly.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDeck, marpDeckFrom, mb, median, ratio, spread, timeTree } from './lib.mjs';

const RUNS = Number(process.env.BENCH_BIG_RUNS ?? 3);
const SLIDES = Number(process.env.BENCH_BIG_SLIDES ?? 1000);

/** The run's figures, or why it failed (its first line of error output that says something). */
async function attempt(cmd, args, options) {
  try {
    return await timeTree(cmd, args, options);
  } catch (error) {
    const lines = String(error.message).split('\n');
    const reason = lines.find((line) => /error|killed|memory|timeout|timed out/i.test(line)) ?? lines[0];
    return { failed: reason.trim().slice(0, 160) };
  }
}

export default async function () {
  const work = join(tmpdir(), 'deck-bench-big');
  const dir = generateDeck(join(work, `deck-${SLIDES}`), SLIDES);
  const marpMd = marpDeckFrom(dir, join(work, `marp-${SLIDES}.md`));
  const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' };
  const ours = [];
  const marp = [];
  const runners = [
    async () =>
      ours.push(
        await attempt('node', ['bin/deck.js', 'pdf', dir, '-o', join(work, 'out'), '--no-handout', '-q', '--timeout', '10m'], { env }),
      ),
    async () =>
      marp.push(
        await attempt('node', ['node_modules/.bin/marp', '--pdf', '--browser-timeout', '600', marpMd, '-o', join(work, 'marp.pdf')], {
          env,
        }),
      ),
  ];
  for (let round = 0; round < RUNS; round++) {
    for (let k = 0; k < runners.length; k++) await runners[(round + k) % runners.length]();
  }
  const row = (name, results) => {
    const ok = results.filter((r) => !r.failed);
    const failures = results.filter((r) => r.failed).map((r) => r.failed);
    const failed = failures.length > 0 ? ` ${failures.length} of ${results.length} runs failed: ${[...new Set(failures)].join('; ')}` : '';
    if (ok.length === 0) return `| ${name} | failed | failed |${failed} |`;
    const walls = ok.map((r) => r.wall);
    const peaks = ok.map((r) => r.peak);
    return `| ${name} | ${(median(walls) / 1000).toFixed(1)} (${spread(walls)}) | ${mb(median(peaks))} (${spread(peaks, mb)}) |${failed} |`;
  };
  console.log(`| ${SLIDES} slides, deck.pdf | time, s (min–max) | peak memory, Node + Chromium (min–max) | failures |\n|---|---|---|---|`);
  console.log(row('ours (`deck pdf --no-handout`)', ours));
  console.log(row('Marp CLI (`marp --pdf`)', marp));
  if ([...ours, ...marp].every((r) => !r.failed)) {
    const peaks = (rs) => rs.map((r) => ({ wall: r.peak }));
    console.log(`\nours / Marp, per round: time ${ratio(ours, marp)}, peak memory ${ratio(peaks(ours), peaks(marp))}`);
  }
}
