/**
 * `deck pdf` as the user runs it: its flags, the config file's `pdf.*` keys, exit 3 and 4, the export checks'
 * report, `--quiet`, and the progress bar on a terminal. Exports run two at a time (each launches Chromium).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, ensureCompiled, OUT, pool, ROOT, runCli } from './run.js';

const WORK = join(OUT, 'pdf-cli');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'export');
const SMALL = join(FIXTURES, 'small');
const CHECKS = join(FIXTURES, 'checks');

const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))?.[1]);
const paper = (file: string) => /Page size:\s+([\d.]+ x [\d.]+ pts(?: \(\w+\))?)/.exec(pdfinfo(file))?.[1];

/** `deck …args` on a pseudo-terminal (util-linux `script`), as a user at a terminal sees it: stdout and stderr together. */
function runOnTerminal(args: string[]): Promise<CliResult> {
  const command = [process.execPath, BIN, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  return runCommand('script', ['-qec', command, '/dev/null']);
}

function runCommand(file: string, args: string[]): Promise<CliResult> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(file, args, {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: '100' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr, ms: performance.now() - started }));
  });
}

const out = (name: string) => join(WORK, name);

/** Every run of this file, two at a time; each test reads the ones it is about. */
let runs: Record<'checks' | 'lenient' | 'flags' | 'config' | 'terminal' | 'noBrowser', CliResult>;

beforeAll(async () => {
  await ensureCompiled();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  // A copy of the small deck whose config file sets every pdf key a flag could.
  const configured = join(WORK, 'configured-deck');
  cpSync(SMALL, configured, { recursive: true });
  writeFileSync(join(configured, 'deck.config.yaml'), 'pdf:\n  handout: 6up\n  paper: letter\n  fragments: true\n  strict: true\n');
  const jobs: [keyof typeof runs, () => Promise<CliResult>][] = [
    ['checks', () => runCli(['pdf', CHECKS, '-o', out('checks')], { timeoutMs: 90_000 })],
    ['lenient', () => runCli(['pdf', CHECKS, '-o', out('lenient'), '--no-strict', '--no-handout'], { timeoutMs: 90_000 })],
    ['flags', () => runOnTerminal(['pdf', SMALL, '-o', out('flags'), '--handout', '3up', '--paper', 'letter', '--fragments', '--quiet'])],
    ['config', () => runCli(['pdf', configured, '-o', out('config'), '--paper', 'A4'], { timeoutMs: 90_000 })],
    ['terminal', () => runOnTerminal(['pdf', SMALL, '-o', out('terminal'), '--no-handout'])],
    ['noBrowser', () => runCli(['pdf', SMALL, '-o', out('no-browser'), '--browser', '/nonexistent/chromium'])],
  ];
  const results = await pool(jobs, 2, ([, job]) => job());
  runs = Object.fromEntries(jobs.map(([name], i) => [name, results[i]!])) as typeof runs;
}, 300_000);

describe('deck pdf: export checks', () => {
  it('exits 4 naming every problem (right-edge overflow, page count, a file: URL outside the deck) and writes nothing', () => {
    const { code, stderr } = runs.checks;
    expect(code, stderr).toBe(4);
    expect(stderr).toContain('the PDF export checks failed, nothing was written');
    expect(stderr).toMatch(/checks\/01\.md:12: slide 2 “Too wide”: .*\d+ px past the right edge of the 1280×720 slide/);
    expect(stderr).toMatch(/deck\.pdf has \d+ pages, expected 3 \(3 slides\) \[deck\.pdf, page-count\]/);
    expect(stderr).toContain("blocked a request outside the deck's files: file:///etc/deck-outside.css");
    expect(stderr).not.toContain('“Fits”');
    expect(existsSync(out('checks'))).toBe(false);
  });

  it('--no-strict warns about the same problems, writes the PDF and exits 0', () => {
    const { code, stdout, stderr } = runs.lenient;
    expect(code, stderr).toBe(0);
    expect(stderr.match(/^warning: /gm)).toHaveLength(3);
    expect(stderr).toMatch(/warning: .*past the right edge/);
    expect(stderr).toMatch(/warning: deck\.pdf has \d+ pages, expected 3/);
    expect(stderr).toMatch(/warning: blocked a request .*file:\/\/\/etc\/deck-outside\.css/);
    expect(stdout).toMatch(/exported 3 slides → .*deck\.pdf/);
    expect(existsSync(join(out('lenient'), 'deck.pdf'))).toBe(true);
    expect(existsSync(join(out('lenient'), 'handout.pdf'))).toBe(false);
  });
});

describe('deck pdf: flags and config', () => {
  it('--handout 3up --paper letter --fragments: a page per fragment step, a letter 3-up handout', () => {
    expect(runs.flags.code, runs.flags.stdout).toBe(0);
    // 5 slides: slide 1 has 2 steps (3 pages), slide 2 opts out (1), 3 and 4 (1 each), slide 5 has 1 step (2).
    expect(pages(join(out('flags'), 'deck.pdf'))).toBe(8);
    expect(pages(join(out('flags'), 'handout.pdf'))).toBe(2);
    expect(paper(join(out('flags'), 'handout.pdf'))).toBe('612 x 792 pts (letter)');
  });

  it('--quiet prints nothing on success, not even the progress bar on a terminal', () => {
    expect(runs.flags.stdout).toBe('');
    expect(runs.flags.stderr).toBe('');
  });

  it('takes pdf.handout, pdf.paper and pdf.fragments from the config file, with a flag winning over it', () => {
    const { code, stderr } = runs.config;
    expect(code, stderr).toBe(0);
    expect(pages(join(out('config'), 'deck.pdf'))).toBe(8);
    expect(pages(join(out('config'), 'handout.pdf'))).toBe(1);
    expect(paper(join(out('config'), 'handout.pdf'))).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/);
  });

  it('shows a progress bar on a terminal and none when piped, and says what it wrote', () => {
    const terminal = runs.terminal;
    expect(terminal.code, terminal.stdout).toBe(0);
    expect(terminal.stdout).toMatch(/pdf [░█]+ \d+\/\d+ pages \| /);
    expect(terminal.stdout).toMatch(/exported 5 slides → .*terminal\/deck\.pdf \(6 pages\)/);
    expect(runs.config.stdout + runs.config.stderr).not.toMatch(/[░█]/);
    expect(runs.config.stdout).toMatch(/exported 5 slides → .*deck\.pdf \(8 pages\)/);
  });

  it('exits 3 when the browser cannot be found, saying what was tried', () => {
    const { code, stderr } = runs.noBrowser;
    expect(code, stderr).toBe(3);
    expect(stderr).toContain('/nonexistent/chromium');
    expect(existsSync(out('no-browser'))).toBe(false);
  });
});
