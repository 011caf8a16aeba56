// Small shared pieces for benchmarks: timing, medians, peak memory of a child process, a generated deck.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const ms = (x) => `${Math.round(x)} ms`;
export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux, whatever the kernel's HZ). */
const USER_HZ = 100;

/** Every process: its parent, and its own CPU time (user + system, ms), keyed by pid and start time. */
function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After ")": state, ppid, …; utime and stime are fields 14 and 15 of stat(5), starttime 22.
      const cpu = ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
      table.set(Number(name), { ppid: Number(fields[1]), cpu, key: `${name}@${fields[19]}` });
    } catch {}
  }
  return table;
}

/**
 * A sampler of the CPU time of a process and all its descendants, as last seen (every 50 ms): a process that
 * leaves the tree (Chromium's helpers are re-parented when the browser is killed) or ends keeps what it had used
 * at its last sample, so what a process uses in its last 50 ms is missed, alike for every command measured.
 */
function treeCpuSampler(rootPid) {
  const seen = new Map();
  return {
    sample() {
      const table = processTable();
      const stack = [rootPid];
      const children = new Map();
      for (const [pid, entry] of table) {
        if (!children.has(entry.ppid)) children.set(entry.ppid, []);
        children.get(entry.ppid).push(pid);
      }
      while (stack.length > 0) {
        const pid = stack.pop();
        const entry = table.get(pid);
        if (entry) seen.set(entry.key, entry.cpu);
        stack.push(...(children.get(pid) ?? []));
      }
    },
    total: () => [...seen.values()].reduce((a, b) => a + b, 0),
  };
}

/**
 * Run a command; resolve with wall time (ms), the CPU time of its whole process tree (ms, sampled: Node and
 * every Chromium process) and the peak RSS (bytes) of the tree's root, via /usr/bin/time.
 */
export function timeCommand(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      '/usr/bin/env',
      ['bash', '-c', `command -v /usr/bin/time >/dev/null && exec /usr/bin/time -f '%M' "$@" || exec "$@"`, '_', cmd, ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        ...options,
      },
    );
    const cpu = treeCpuSampler(child.pid);
    const timer = setInterval(() => cpu.sample(), 50);
    let err = '';
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const wall = performance.now() - started;
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${err}`));
      const kb = Number(err.trim().split('\n').pop());
      resolve({ wall, cpu: cpu.total(), rss: Number.isFinite(kb) ? kb * 1024 : NaN, out, err });
    });
  });
}

/** Write a generated deck of n slides (Chinese text, notes, a fragment list on every fifth slide) into dir. */
export function generateDeck(dir, n, { sections = 10 } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const per = Math.ceil(n / sections);
  let made = 0;
  for (let s = 0; s < sections && made < n; s++) {
    const slides = [];
    for (let i = 0; i < per && made < n; i++, made++) {
      const list =
        made % 5 === 0
          ? '- 第一點 <!-- .element: class="fragment" -->\n- 第二點 <!-- .element: class="fragment" -->'
          : '- 生成式預訓練變換器\n- 大型語言模型的演進';
      slides.push(
        `## 第 ${made + 1} 張投影片\n\n${list}\n\n這是一段說明文字，內容與 GPT 系列模型有關。\n\nNote: 這張投影片的講者備註，說明重點並提醒時間。`,
      );
    }
    const fm = s === 0 ? `---\ntitle: 生成的測試簡報\nlang: zh-Hant\n---\n\n` : '';
    writeFileSync(join(dir, `${String(s).padStart(2, '0')}-part.md`), `${fm + slides.join('\n\n---\n\n')}\n`);
  }
  return dir;
}

/** The proportional memory (PSS, shared pages split between sharers) of a process and all its descendants, bytes. */
function treePss(rootPid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {}
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop();
    try {
      const kb = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      total += kb * 1024;
    } catch {}
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Run a command; resolve with wall time (ms) and the peak memory of the whole process tree (Node and every
 * Chromium process together: the sum of their PSS, sampled every 50 ms).
 */
export function timeTree(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let peak = 0;
    const sample = () => {
      if (child.pid) peak = Math.max(peak, treePss(child.pid));
    };
    const timer = setInterval(sample, 50);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      clearInterval(timer);
      const wall = performance.now() - started;
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${err}`));
      resolve({ wall, peak, out, err });
    });
  });
}

/** Spread of a sample as "min–max". */
export const spread = (xs, format = (x) => (x / 1000).toFixed(2)) => `${format(Math.min(...xs))}–${format(Math.max(...xs))}`;

/**
 * The same generated deck as one Marp Markdown file: Marp's `---` separators, the notes as HTML comments
 * (Marp's presenter notes), the reveal.js element comments dropped.
 */
export function marpDeckFrom(dir, target) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const slides = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const slide of text.split(/\n---\n/)) {
      const [body, notes] = slide.split(/\nNote: /);
      slides.push(`${body.replace(/ <!-- \.element: [^>]*-->/g, '').trim()}\n${notes ? `\n<!-- ${notes.trim()} -->\n` : ''}`);
    }
  }
  writeFileSync(target, `---\nmarp: true\nlang: zh-Hant\n---\n\n${slides.join('\n---\n\n')}`);
  return target;
}

/** Per-round ratios a[i] / b[i] of two alternating series (of their wall times, or of `key`): "median (min–max)". */
export function ratio(a, b, key = 'wall') {
  const rs = a.map((x, i) => x[key] / b[i][key]);
  return `${median(rs).toFixed(2)} (${Math.min(...rs).toFixed(2)}–${Math.max(...rs).toFixed(2)})`;
}
