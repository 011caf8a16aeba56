// Sharing exports through the real CLI (cold start and Chromium launch included): deck.pptx, slide PNGs and the
// single-file build, for the default deck and a generated 200-slide deck. Median of 3 runs, output size, peak RSS.
import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDeck, mb, median, ms, timeCommand } from './lib.mjs';

/** Runs per row; BENCH_RUNS=1 for a quick look. */
const RUNS = Number(process.env.BENCH_RUNS) || 3;
const size = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function folderBytes(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

export default async function () {
  const work = join(tmpdir(), 'deck-bench-share');
  const decks = [
    ['default deck', 'slides'],
    ['200 slides', generateDeck(join(work, 'deck-200'), 200)],
  ];
  const outputs = [
    ['deck.pptx', (dir, out) => ['pptx', dir, '-o', out, '-q', '--timeout', '10m'], (out) => statSync(join(out, 'deck.pptx')).size],
    ['PNG per slide', (dir, out) => ['png', dir, '-o', out, '-q', '--timeout', '10m'], (out) => folderBytes(out)],
    [
      'single index.html',
      (dir, out) => ['build', '--single-file', dir, '-o', out, '-q', '--timeout', '10m'],
      (out) => statSync(join(out, 'index.html')).size,
    ],
  ];
  console.log(`| deck | output | time (median of ${RUNS}, cold CLI) | size | peak RSS |\n|---|---|---|---|---|`);
  for (const [name, dir] of decks) {
    for (const [output, args, bytes] of outputs) {
      const out = join(work, 'out', output.replace(/\W+/g, '-'));
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await timeCommand('node', ['bin/deck.js', ...args(dir, out)]));
      }
      console.log(
        `| ${name} | ${output} | ${ms(median(runs.map((r) => r.wall)))} | ${size(bytes(out))} | ${mb(Math.max(...runs.map((r) => r.rss)))} |`,
      );
    }
  }
}
