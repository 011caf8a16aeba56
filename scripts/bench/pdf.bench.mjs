// One deck to PDF, cold (Node start included), for a 9-slide and a 200-slide Chinese deck: ours
// (`deck pdf --no-handout`), Marp CLI on the same content (`marp --pdf`), and the floor, in alternating rounds of
// the same run; medians, spread and ratios, then our phases (`--verbose`) as medians. The floor: one
// puppeteer-core launch, one page.goto of the built deck in print view, wait for reveal.js's pdf-ready, one
// page.pdf. A second floor, "floor, lean", prints the page our export prints: the same index.html without the
// speaker-notes and highlight plugins (src/export/idle-plugins.ts), so the ratio to it shows what we add to the
// browser's own work, and the ratio to the plain floor what the user sees.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDeck, marpDeckFrom, median, ratio, spread, timeCommand } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

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

/** Median of each phase over the runs' `timings:` lines. */
function phases(results) {
  const all = results.map((r) => JSON.parse(/^timings: (.*)$/m.exec(r.err)?.[1] ?? '{}'));
  const keys = [...new Set(all.flatMap((t) => Object.keys(t)))];
  return keys.map((key) => `${key} ${Math.round(median(all.map((t) => t[key] ?? 0)))}`).join(' · ');
}

export default async function () {
  const work = join(tmpdir(), 'deck-bench-pdf');
  const env = { ...process.env, CHROME_PATH: CHROME };
  console.log(
    `| deck | ours | Marp CLI | floor | floor, lean | ours / Marp | ours / floor | ours / lean floor | CPU: ours, Marp | CPU ours / Marp |\n|---|---|---|---|---|---|---|---|---|---|` +
      `\n<!-- medians of ${RUNS} alternating rounds, seconds (min–max); ratios: median of the rounds' ratios (min–max); CPU: user + system of the command's whole process tree (Node and Chromium), sampled -->`,
  );
  const breakdown = [];
  for (const [name, slides] of [
    ['9 Chinese slides', 9],
    ['200 slides', 200],
  ]) {
    const dir = generateDeck(join(work, `deck-${slides}`), slides);
    const marpMd = marpDeckFrom(dir, join(work, `marp-${slides}.md`));
    const out = join(work, `out-${slides}`);
    await timeCommand('node', ['bin/deck.js', 'build', dir, '-o', out, '-q']);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const lean = html
      .replace(/<script src="assets\/reveal\/plugin\/(notes|highlight)\.js"><\/script>\n?/g, '')
      // The highlight plugin is only there when a slide has code (src/render/code-blocks.ts).
      .replace(/plugins: \[RevealNotes(, RevealHighlight)?\]/, 'plugins: []');
    if (!lean.includes('plugins: []') || /Reveal(Notes|Highlight)|plugin\/(notes|highlight)/.test(lean)) {
      throw new Error('the lean floor page still has a speaker-notes or highlight plugin: the template changed');
    }
    writeFileSync(join(out, 'lean.html'), lean);
    const ours = [];
    const marp = [];
    const floor = [];
    const leanFloor = [];
    const runners = [
      async () => ours.push(await timeCommand('node', ['bin/deck.js', 'pdf', dir, '-o', out, '--no-handout', '--verbose'], { env })),
      async () =>
        marp.push(
          await timeCommand('node', ['node_modules/.bin/marp', '--pdf', '--allow-local-files', marpMd, '-o', join(out, 'marp.pdf')], {
            env,
          }),
        ),
      async () =>
        floor.push(
          await timeCommand('node', ['--input-type=module', '-e', FLOOR, join(out, 'index.html'), join(out, 'floor.pdf')], { env }),
        ),
      async () =>
        leanFloor.push(
          await timeCommand('node', ['--input-type=module', '-e', FLOOR, join(out, 'lean.html'), join(out, 'lean.pdf')], { env }),
        ),
    ];
    // Each round starts with the next one, so that none always runs first (or right after another).
    for (let i = 0; i < RUNS; i++) {
      for (let k = 0; k < runners.length; k++) await runners[(i + k) % runners.length]();
    }
    const m = (rs) => median(rs.map((r) => r.wall));
    const s = (rs) => spread(rs.map((r) => r.wall));
    const cpu = (rs) => `${(median(rs.map((r) => r.cpu)) / 1000).toFixed(2)} s`;
    console.log(
      `| ${name} | ${(m(ours) / 1000).toFixed(2)} s (${s(ours)}) | ${(m(marp) / 1000).toFixed(2)} s (${s(marp)}) | ${(m(floor) / 1000).toFixed(2)} s (${s(floor)}) | ${(m(leanFloor) / 1000).toFixed(2)} s (${s(leanFloor)}) | ${ratio(ours, marp)} | ${ratio(ours, floor)} | ${ratio(ours, leanFloor)} | ${cpu(ours)}, ${cpu(marp)} | ${ratio(ours, marp, 'cpu')} |`,
    );
    breakdown.push(`${name}: ${phases(ours)} (ms)`);
  }
  console.log(`\nOur phases (medians, ms; build runs beside the browser launch):\n${breakdown.map((line) => `- ${line}`).join('\n')}`);
}
