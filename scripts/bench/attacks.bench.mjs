// deck serve under the heavy attacks of issue 12 (kept out of `npm test`): thousands of idle WebSockets, and
// slowloris sockets past the file limit (the server runs under `ulimit -n 1024`). While each attack runs, a real
// client keeps asking for `GET /` and opening a WebSocket with a hello; the table gives their p50/p95 latency,
// the sockets the server holds (its open descriptors) and its memory. Loopback only; each attack lasts ATTACK_MS.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import WebSocket from 'ws';
import { median, mb } from './lib.mjs';

const DECK = 'tests/fixtures/serve/deck';
const FILE_LIMIT = 1024;
const ATTACK_MS = 15_000;
const IDLE_SOCKETS = 3_000;
const SLOW_SOCKETS = 1_100;

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function startServe() {
  const command = `ulimit -n ${FILE_LIMIT}; exec "${process.execPath}" bin/deck.js serve ${DECK} --port 0 --no-watch -o "$(mktemp -d)"`;
  const child = spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      out += chunk;
      const port = /serving .* at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)?.[1];
      if (port && /Ctrl\+C/.test(out)) resolve({ child, port: Number(port) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`deck serve exited (${code}):\n${out}`)));
  });
}

function serverStats(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) * 1024;
  return { fds: readdirSync(`/proc/${pid}/fd`).length, rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** One real visit: GET / and a WebSocket hello → welcome. Latencies in ms, or Infinity on failure (10 s cap). */
async function realVisit(port) {
  const t0 = performance.now();
  let page = Number.POSITIVE_INFINITY;
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(10_000) });
    await response.text();
    if (response.ok) page = performance.now() - t0;
  } catch {}
  const t1 = performance.now();
  const socket = await new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/_deck/ws`);
    const timer = setTimeout(() => done(Number.POSITIVE_INFINITY), 10_000);
    const done = (value) => {
      clearTimeout(timer);
      ws.terminate();
      resolve(value);
    };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', role: 'deck' })));
    ws.on('message', () => done(performance.now() - t1));
    ws.on('error', () => done(Number.POSITIVE_INFINITY));
  });
  return { page, socket };
}

/** Keep `count` attacking sockets open (reopening those the server closes) until `until`. */
async function holdSockets(count, open, until) {
  const live = new Set();
  let opened = 0;
  const refill = () => {
    while (live.size < count && performance.now() < until) {
      const socket = open();
      opened++;
      live.add(socket);
      socket.once('close', () => {
        live.delete(socket);
        setTimeout(refill, 10);
      });
    }
  };
  refill();
  return {
    get opened() {
      return opened;
    },
    stop() {
      for (const socket of live) socket instanceof WebSocket ? socket.terminate() : socket.destroy();
    },
  };
}

const idleWebSocket = (port) => () => {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/_deck/ws`);
  ws.on('error', () => {});
  return ws;
};
const slowloris = (port) => () => {
  const socket = netConnect({ host: '127.0.0.1', port });
  socket.on('error', () => {});
  socket.on('connect', () => socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
  return socket;
};

const ATTACKS = { idle: idleWebSocket, slow: slowloris };

/** The attacker runs in a process of its own, so that its sockets do not slow the real client measured here. */
function startAttacker(kind, port, count) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(import.meta.url), '--attacker', kind, String(port), String(count), String(ATTACK_MS)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return { done: new Promise((resolve) => child.once('exit', () => resolve(Number(/opened (\d+)/.exec(out)?.[1] ?? 0)))) };
}

if (process.argv[2] === '--attacker') {
  const [kind, port, count, duration] = process.argv.slice(3);
  const attack = await holdSockets(Number(count), ATTACKS[kind](Number(port)), performance.now() + Number(duration));
  await sleep(Number(duration));
  attack.stop();
  console.log(`opened ${attack.opened}`);
  process.exit(0);
}

async function underAttack(name, kind, count) {
  const { child, port } = await startServe();
  const pid = child.pid; // bash exec'd node: same process
  try {
    const baseline = [];
    for (let i = 0; i < 10; i++) baseline.push(await realVisit(port));
    const until = performance.now() + ATTACK_MS;
    const attack = startAttacker(kind, port, count);
    await sleep(1_000); // let the attacker open its sockets
    const visits = [];
    let maxFds = 0;
    while (performance.now() < until) {
      visits.push(await realVisit(port));
      maxFds = Math.max(maxFds, serverStats(pid).fds);
      await sleep(100);
    }
    const stats = serverStats(pid);
    const opened = await attack.done;
    const pages = visits.map((v) => v.page);
    const sockets = visits.map((v) => v.socket);
    const failed = visits.filter((v) => !Number.isFinite(v.page) || !Number.isFinite(v.socket)).length;
    console.log(
      `| ${name} (${count} held, ${opened} opened in ${ATTACK_MS / 1000} s) | ${maxFds} | ${mb(stats.rss)} (peak ${mb(stats.peak)}) | ` +
        `${median(baseline.map((v) => v.page)).toFixed(1)} ms | ${median(pages).toFixed(1)} / ${percentile(pages, 95).toFixed(1)} ms | ` +
        `${median(sockets).toFixed(1)} / ${percentile(sockets, 95).toFixed(1)} ms | ${failed} of ${visits.length} |`,
    );
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export default async function () {
  console.log(
    `| attack on deck serve (ulimit -n ${FILE_LIMIT}) | server descriptors, max | server RSS | GET / before | GET / during, p50 / p95 | WebSocket hello → welcome, p50 / p95 | real visits failed |\n|---|---|---|---|---|---|---|`,
  );
  await underAttack('idle WebSockets, no hello', 'idle', IDLE_SOCKETS);
  await underAttack('slowloris (headers never finished)', 'slow', SLOW_SOCKETS);
}
