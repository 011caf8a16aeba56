// PDF export: deck.pdf, handout.pdf and both, through the real CLI (cold start included), for the default deck
// and a generated 200-slide deck, beside the floor measured in the same run on the same built HTML: one
// puppeteer-core launch, one page.goto of index.html?print-pdf, wait for reveal.js's pdf-ready, one page.pdf.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDeck, median, ms, mb, timeCommand } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

// The floor, as a script run with `node --input-type=module -e` from the repository (so puppeteer-core resolves).
const FLOOR = `
import puppeteer from 'puppeteer-core';
const [index, out] = process.argv.slice(1);
const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true,
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
try {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(() => {
    window.__ready = new Promise((resolve) => document.addEventListener('pdf-ready', resolve, { once: true }));
  });
  await page.goto('file://' + index + '?print-pdf', { waitUntil: 'load' });
  await page.evaluate(() => window.__ready);
  await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
} finally {
  await browser.close();
}
`;

async function runs(n, cmd, args) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await timeCommand(cmd, args));
  return { wall: median(results.map((r) => r.wall)), rss: Math.max(...results.map((r) => r.rss)) };
}

export default async function () {
  const work = join(tmpdir(), 'deck-bench-pdf');
  const decks = [
    ['default deck', 'slides'],
    ['200 slides', generateDeck(join(work, 'deck-200'), 200)],
  ];
  console.log(`| deck | what (median of ${RUNS}, cold CLI) | time | peak RSS (node) | vs floor |\n|---|---|---|---|---|`);
  for (const [name, dir] of decks) {
    const out = join(work, name.replace(/\W+/g, '-'));
    const build = await runs(RUNS, 'node', ['bin/deck.js', 'build', dir, '-o', out, '-q']);
    const floor = await runs(RUNS, 'node', ['--input-type=module', '-e', FLOOR, join(out, 'index.html'), join(out, 'floor.pdf')]);
    const deckOnly = await runs(RUNS, 'node', ['bin/deck.js', 'pdf', dir, '-o', out, '-q', '--no-handout']);
    const handoutOnly = await runs(RUNS, 'node', ['bin/deck.js', 'pdf', dir, '-o', out, '-q', '--no-slides']);
    const both = await runs(RUNS, 'node', ['bin/deck.js', 'pdf', dir, '-o', out, '-q']);
    const ratio = (x) => `${(x.wall / floor.wall).toFixed(2)}×`;
    const row = (what, r, vs = '') => console.log(`| ${name} | ${what} | ${ms(r.wall)} | ${mb(r.rss)} | ${vs} |`);
    row('HTML build (`deck build`)', build);
    row('floor (launch, goto print-pdf, pdf-ready, page.pdf)', floor, '1.00×');
    row('deck.pdf (`deck pdf --no-handout`)', deckOnly, ratio(deckOnly));
    row('handout.pdf, notes (`deck pdf --no-slides`)', handoutOnly, ratio(handoutOnly));
    row('deck.pdf + handout.pdf (`deck pdf`)', both, ratio(both));
  }
}
