import { startServer } from './lib/serve/index.js';
import { createMemoryLogger } from './lib/core/log.js';
import puppeteer from 'puppeteer-core';
import { readFileSync, writeFileSync } from 'node:fs';
const logger = createMemoryLogger();
const h = await startServer({ deck: '/tmp/dbg', port: 0, logger });
const b = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
p.on('console', (m) => console.log('console', m.text()));
await p.goto(h.url);
await p.waitForFunction(() => window.Reveal?.isReady() && window.deckServe?.connected);
const f = '/tmp/dbg/00-title.md'; const t = readFileSync(f, 'utf8');
for (let i = 0; i < 4; i++) {
  const mark = `（標題${i + 1}）`;
  const s = Date.now();
  writeFileSync(f, t.replace(/^title: (.*)$/m, `title: $1${mark}`));
  try {
    await p.waitForFunction((m) => document.title.includes(m) && window.Reveal?.isReady(), { polling: 20, timeout: 5000 }, mark);
    console.log('ok', i, Date.now() - s);
  } catch (e) {
    console.log('FAIL', i, await p.evaluate(() => [document.title, JSON.stringify(window.deckServe)]));
    console.log(logger.lines.slice(-5));
  }
}
await b.close(); await h.close();
