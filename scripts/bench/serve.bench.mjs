// deck serve: save-to-reload time for the default deck in a real Chromium, and 200 audience WebSocket clients
// following a presenter's slide change (p50/p95 delivery, server memory). Runs the compiled CLI in lib/ on a
// copy of slides/ and ends by itself.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { median, ms, mb } from './lib.mjs';

const TOKEN = 'bench-presenter-token';
const AUDIENCE = 200;
const ROUNDS = 30;
const EDITS = 12;

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** Start `deck serve` (on a free port unless given); resolves once it printed its URL. */
function startServe(deck, stateHome, port = 0) {
  const child = spawn(process.execPath, ['bin/deck.js', 'serve', deck, '--port', String(port), '--token', TOKEN], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_STATE_HOME: stateHome },
  });
  let out = '';
  const lines = [];
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      out += chunk;
      lines.push(...String(chunk).split('\n'));
      const port = /serving .* at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)?.[1];
      if (port && /Ctrl\+C/.test(out)) resolve({ child, port: Number(port), lines });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`deck serve exited (${code}):\n${out}`)));
  });
}

function stopServe(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function saveToReload(port, deck) {
  const { findBrowser, launchBrowser } = await import('../../lib/browser/index.js');
  const browser = await launchBrowser({ executablePath: (await findBrowser()).path });
  const file = join(deck, '03-gpt-1.md');
  const original = readFileSync(file, 'utf8');
  const heading = '## 小模型，大潛力';
  const soft = [];
  const hard = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.Reveal?.isReady() && window.deckServe?.connected);
    // Show the slide being edited (the second slide of 03-gpt-1.md).
    await page.evaluate(() => {
      const target = [...document.querySelectorAll('.slides section')].find((s) => s.textContent.includes('小模型，大潛力'));
      const { h, v } = window.Reveal.getIndices(target);
      window.Reveal.slide(h, v);
    });
    for (let i = 0; i < EDITS; i++) {
      const mark = `（第${i + 1}版）`;
      // The page notes the moment the new text is in the current slide.
      await page.evaluate((want) => {
        window.__seenAt = 0;
        const observer = new MutationObserver(() => {
          if (window.Reveal.getCurrentSlide()?.textContent.includes(want)) {
            window.__seenAt = performance.timeOrigin + performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document.querySelector('.reveal'), { subtree: true, childList: true, characterData: true });
      }, mark);
      const saved = Date.now();
      writeFileSync(file, original.replace(heading, `${heading}${mark}`));
      await page.waitForFunction(() => window.__seenAt > 0, { polling: 20, timeout: 30_000 });
      soft.push((await page.evaluate(() => window.__seenAt)) - saved);
    }
    // A change outside the slides (the deck title) reloads the whole page.
    const title = join(deck, '00-title.md');
    const titleText = readFileSync(title, 'utf8');
    for (let i = 0; i < 4; i++) {
      const mark = `（標題${i + 1}）`;
      const saved = Date.now();
      writeFileSync(title, titleText.replace(/^title: (.*)$/m, `title: $1${mark}`));
      await page.waitForFunction((m) => document.title.includes(m) && window.Reveal?.isReady(), { polling: 20, timeout: 30_000 }, mark);
      hard.push(Date.now() - saved);
    }
  } finally {
    await browser.close();
  }
  return { soft, hard };
}

function openClient(port, hello, onMessage) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/_deck/ws`);
    ws.on('message', (data) => onMessage(JSON.parse(String(data))));
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'hello', ...hello }));
      resolve(ws);
    });
    ws.once('error', reject);
  });
}

async function fanOut(port, pid) {
  const before = memoryOf(pid);
  let round = null;
  const delays = [];
  const clients = [];
  for (let i = 0; i < AUDIENCE; i++) {
    clients.push(
      await openClient(port, { role: 'audience' }, (m) => {
        if (m.type !== 'state' || !round || m.h !== round.h) return;
        delays.push(performance.now() - round.sent);
        if (++round.got === AUDIENCE) round.done();
      }),
    );
  }
  const presenter = await openClient(port, { role: 'presenter', token: TOKEN }, () => {});
  const connected = memoryOf(pid);
  for (let r = 1; r <= ROUNDS; r++) {
    await new Promise((done) => {
      round = { h: r, got: 0, sent: performance.now(), done };
      presenter.send(JSON.stringify({ type: 'navigate', h: r, v: 0, f: -1 }));
    });
  }
  const after = memoryOf(pid);
  for (const ws of [...clients, presenter]) ws.terminate();
  return { delays, before, connected, after };
}

/**
 * Restart the server under an open audience page: time from the new server's first line until the page is
 * connected again and back on the presenter's slide (the page retries after 250 ms, doubling up to 1 s).
 */
async function reconnects(deck, stateHome, port, stop) {
  const { findBrowser, launchBrowser } = await import('../../lib/browser/index.js');
  const browser = await launchBrowser({ executablePath: (await findBrowser()).path });
  const times = [];
  let child;
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.Reveal?.isReady() && window.deckServe?.connected);
    for (let i = 0; i < 3; i++) {
      const presenter = await openClient(port, { role: 'presenter', token: TOKEN }, () => {});
      presenter.send(JSON.stringify({ type: 'navigate', h: 4 + i, v: 0, f: -1 }));
      await page.waitForFunction((h) => window.Reveal.getIndices().h === h, { polling: 20 }, 4 + i);
      presenter.terminate();
      await stop(child);
      await page.waitForFunction(() => !window.deckServe?.connected, { polling: 20 });
      const started = await startServe(deck, stateHome, port);
      const ready = performance.now();
      child = started.child;
      // The page may reload on the way (a newer build): wait for it whole, on the slide.
      await page.waitForFunction(
        (h) => window.deckServe?.connected && window.Reveal?.isReady() && window.Reveal.getIndices().h === h,
        { polling: 20, timeout: 30_000 },
        4 + i,
      );
      times.push(performance.now() - ready);
    }
  } finally {
    await browser.close();
  }
  return { times, child };
}

export default async function () {
  const root = mkdtempSync(join(tmpdir(), 'deck-bench-serve-'));
  const deck = join(root, 'slides');
  const stateHome = join(root, 'state');
  cpSync('slides', deck, { recursive: true });
  const started = await startServe(deck, stateHome);
  const { port, lines } = started;
  let child = started.child;
  try {
    const { soft, hard } = await saveToReload(port, deck);
    const rebuilds = lines
      .map((l) => /rebuilt in (\d+) ms/.exec(l)?.[1])
      .filter(Boolean)
      .map(Number);
    console.log('| live reload, default deck | median | p95 | min | max |\n|---|---|---|---|---|');
    console.log(
      `| save → new text on screen (slides swapped in place, ${soft.length} edits) | ${ms(median(soft))} | ${ms(percentile(soft, 95))} | ${ms(Math.min(...soft))} | ${ms(Math.max(...soft))} |`,
    );
    console.log(
      `| save → page reloaded (title changed, ${hard.length} edits) | ${ms(median(hard))} | ${ms(percentile(hard, 95))} | ${ms(Math.min(...hard))} | ${ms(Math.max(...hard))} |`,
    );
    console.log(
      `| of which the rebuild on the server (${rebuilds.length - 1} rebuilds) | ${ms(median(rebuilds.slice(1)))} | ${ms(percentile(rebuilds.slice(1), 95))} | ${ms(Math.min(...rebuilds.slice(1)))} | ${ms(Math.max(...rebuilds.slice(1)))} |`,
    );
    const { delays, before, connected, after } = await fanOut(port, child.pid);
    console.log(
      `\n| ${AUDIENCE} audience clients, ${ROUNDS} presenter changes | p50 | p95 | max | server RSS idle → connected → after | server peak RSS |\n|---|---|---|---|---|---|`,
    );
    console.log(
      `| delivery (presenter send → audience receive) | ${median(delays).toFixed(1)} ms | ${percentile(delays, 95).toFixed(1)} ms | ${Math.max(...delays).toFixed(1)} ms | ${mb(before.rss)} → ${mb(connected.rss)} → ${mb(after.rss)} | ${mb(after.peak)} |`,
    );
    // deck.pdf from the running server: the first request launches its browser, the next ones reuse it.
    const pdfTimes = [];
    for (let i = 0; i < 4; i++) {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/_deck/deck.pdf?token=${TOKEN}`);
      if (!response.ok) throw new Error(`deck.pdf from the server: HTTP ${response.status}`);
      await response.arrayBuffer();
      pdfTimes.push(performance.now() - started);
    }
    console.log(
      '\n| deck.pdf from a running `deck serve` (default deck) | first (launches the browser) | later (reuse it, median of 3) |\n|---|---|---|',
    );
    console.log(`| GET /_deck/deck.pdf | ${ms(pdfTimes[0])} | ${ms(median(pdfTimes.slice(1)))} |`);
    const first = child;
    const restarted = await reconnects(deck, stateHome, port, (current) => stopServe(current ?? first));
    child = restarted.child ?? child;
    console.log('\n| restart of `deck serve` under an open audience page (3 restarts) | median | max |\n|---|---|---|');
    console.log(
      `| new server listening → page reconnected, on the presenter's slide | ${ms(median(restarted.times))} | ${ms(Math.max(...restarted.times))} |`,
    );
  } finally {
    await stopServe(child);
    rmSync(root, { recursive: true, force: true });
  }
}
