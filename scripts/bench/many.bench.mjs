// A course in one run: 20 decks of 30 slides to deck.pdf. Ours in one run (`deck pdf 'dir/*'`: one browser,
// --jobs pages), against 20 separate `deck pdf` runs one after another, and `marp --parallel` on the same
// content. Medians of BENCH_MANY_RUNS (default 3) alternating rounds.
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDeck, marpDeckFrom, median, spread, timeCommand } from './lib.mjs';

const RUNS = Number(process.env.BENCH_MANY_RUNS ?? 3);
const DECKS = 20;
const SLIDES = 30;

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
  const oneRun = [];
  const separate = [];
  const marp = [];
  for (let round = 0; round < RUNS; round++) {
    oneRun.push(
      await timeCommand('node', ['bin/deck.js', 'pdf', join(course, '*'), '-o', join(work, 'out'), '--no-handout', '-q'], { env }),
    );
    const started = performance.now();
    for (const dir of decks)
      await timeCommand('node', ['bin/deck.js', 'pdf', dir, '-o', join(work, 'separate', dir.slice(-10)), '--no-handout', '-q'], { env });
    separate.push({ wall: performance.now() - started });
    marp.push(
      await timeCommand('node', ['node_modules/.bin/marp', '--pdf', '--parallel', '5', '-I', marpDir, '-o', join(work, 'marp-out')], {
        env,
      }),
    );
  }
  const m = (rs) => median(rs.map((r) => r.wall));
  const s = (rs) => spread(rs.map((r) => r.wall));
  console.log(`| ${DECKS} decks × ${SLIDES} slides, deck.pdf | median (spread), s | ours in one run / this |\n|---|---|---|`);
  console.log(`| ours, one run (\`deck pdf 'course/*'\`) | ${(m(oneRun) / 1000).toFixed(1)} (${s(oneRun)}) | 1.00 |`);
  console.log(
    `| ${DECKS} separate \`deck pdf\` runs | ${(m(separate) / 1000).toFixed(1)} (${s(separate)}) | ${(m(oneRun) / m(separate)).toFixed(2)} |`,
  );
  console.log(`| \`marp --pdf --parallel 5\` | ${(m(marp) / 1000).toFixed(1)} (${s(marp)}) | ${(m(oneRun) / m(marp)).toFixed(2)} |`);
}
