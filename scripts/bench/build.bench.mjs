// HTML build: the default deck, and generated 200- and 1000-slide decks, through the real CLI (cold start
// included), median of 5 runs, with peak memory.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDeck, median, ms, mb, timeCommand } from './lib.mjs';

export default async function () {
  const work = join(tmpdir(), 'deck-bench-build');
  const decks = [
    ['default deck', 'slides'],
    ['200 slides', generateDeck(join(work, 'deck-200'), 200)],
    ['1000 slides', generateDeck(join(work, 'deck-1000'), 1000)],
  ];
  console.log('| deck | build (median of 5, cold CLI) | peak RSS |\n|---|---|---|');
  for (const [name, dir] of decks) {
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await timeCommand('node', ['bin/deck.js', 'build', dir, '-o', join(work, 'out'), '-q']));
    console.log(`| ${name} | ${ms(median(runs.map((r) => r.wall)))} | ${mb(Math.max(...runs.map((r) => r.rss)))} |`);
  }
}
