/**
 * Bad input, through the real CLI (`node bin/deck.js …`): each row gives the command line, the exit status and
 * fragments the message must contain (file and line where there is one). Every row writes to its own output
 * folder, filled beforehand with an old build; a failure must leave it byte for byte as it was.
 *
 * The rows of bad decks given as they are (`deck build <deck> -o DIR`) run as one `deck build <deck>… -o DIR`: the
 * CLI reports every deck's failure, named by its deck, and exits with the status of the first; one run instead of
 * twenty (each run of the CLI costs about half a CPU second to start). The other rows need a flag, a command or an
 * exit status of their own, and the single-deck path of the CLI's error report is theirs.
 */
import { createServer, type Server } from 'node:net';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORT_ATTEMPTS } from '../../src/serve/listen.js';
import { ensureCompiled, hashTree, OUT, pool, ROOT, reportOf, runCli, type CliResult } from './run.js';

const _BAD = join(ROOT, 'tests', 'fixtures', 'bad');
const WORK = join(OUT, 'bad-input');
const bad = (name: string) => join('tests', 'fixtures', 'bad', name);

interface Row {
  name: string;
  /** Arguments; `{out}` is the row's output folder, `{work}` its scratch folder. */
  args: string[];
  exit: number;
  messages: (string | RegExp)[];
  /** For inputs that must build: the output is expected to change, and the run to be quick. */
  builds?: { slides: number };
  /** Checked in the one run of all such rows (`args` is `build <deck> -o {out}`); its output folder is DIR/<deck>. */
  together?: true;
}

/** How many ports `deck serve` tries from --port on; the serve row takes them all. */
const PORTS = PORT_ATTEMPTS;

const rows: Row[] = [
  {
    name: 'malformed YAML front matter',
    args: ['build', bad('front-matter-malformed.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['front-matter-malformed.md:4:', 'front matter is not valid YAML'],
  },
  {
    name: 'unclosed front matter',
    args: ['build', bad('front-matter-unclosed.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['front-matter-unclosed.md:1:', 'front matter is not closed', '`---`'],
  },
  {
    name: 'front matter that is a list, not a mapping',
    args: ['build', bad('front-matter-list.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['front-matter-list.md:2:', 'must be a mapping'],
  },
  {
    name: 'duplicate key in front matter',
    args: ['build', bad('front-matter-duplicate-key.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['front-matter-duplicate-key.md:3:', 'keys must be unique'],
  },
  {
    name: 'unknown config key',
    args: ['build', bad('config-unknown-key'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['config-unknown-key/deck.config.yaml', 'unknown key "titel"', /allowed keys: title, .*theme/],
  },
  {
    name: 'unknown nested config key',
    args: ['build', bad('config-nested-key'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['config-nested-key/deck.config.yaml', 'unknown key "pdf.papr"'],
  },
  {
    name: 'mistyped config value',
    args: ['build', bad('config-wrong-type'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['config-wrong-type/deck.config.yaml', '"width"', 'expected number'],
  },
  {
    name: 'malformed config YAML',
    args: ['build', bad('config-bad-yaml'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['config-bad-yaml/deck.config.yaml:4:', 'not valid YAML'],
  },
  {
    name: 'malformed config JSON',
    args: ['build', bad('config-bad-json'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['config-bad-json/deck.config.json', 'not valid JSON'],
  },
  {
    name: 'malformed data file',
    args: ['build', bad('data-bad'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['data.yaml:3:', 'not valid YAML'],
  },
  {
    name: 'invalid regular expression as separator',
    args: ['build', bad('separator-invalid.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['separator-invalid.md', '"separator": must be a valid regular expression'],
  },
  {
    name: 'unknown layout',
    args: ['build', bad('layout-unknown.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['layout-unknown.md:5:', 'unknown layout "fancy"', /layouts available: .*default/],
  },
  {
    name: 'unknown layout in the front matter, named on its key',
    args: ['build', bad('layout-front-matter.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['layout-front-matter.md:3:', 'unknown layout "spotlight"'],
  },
  {
    name: "unknown layout set below the slide's text, named on its comment",
    args: ['build', bad('layout-after-text.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['layout-after-text.md:5:', 'unknown layout "wide"'],
  },
  {
    name: 'unknown theme',
    args: ['build', bad('plain.md'), '--theme', 'nope', '-o', '{out}'],
    exit: 2,
    messages: ['unknown theme "nope"', /choose one of: .*gpt.*white/],
  },
  {
    name: 'theme CSS file that does not exist',
    args: ['build', bad('plain.md'), '--theme', 'nope.css', '-o', '{out}'],
    exit: 2,
    messages: ['theme file not found: nope.css'],
  },
  {
    name: 'unknown code highlight theme',
    args: ['build', bad('highlight-theme-unknown.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['unknown highlightTheme "rainbow-unicorn"', 'monokai'],
  },
  {
    name: 'TeX error in a deck with math: true',
    args: ['build', bad('math-error.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['math: ', 'in $\\frac{1$'],
  },
  {
    name: 'empty folder',
    args: ['build', bad('empty-folder'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['empty-folder: the folder has no Markdown (.md) files'],
  },
  {
    name: 'deck path that does not exist',
    args: ['build', bad('no-such-deck'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['no-such-deck: the deck does not exist'],
  },
  {
    name: 'binary file (NUL bytes)',
    args: ['build', bad('binary.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['binary.md:4:', 'binary file'],
  },
  {
    name: 'file that is not UTF-8 (Big5)',
    args: ['build', bad('big5.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['big5.md:3:', 'not UTF-8', 'iconv'],
  },
  {
    name: 'missing image',
    args: ['build', bad('image-missing.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['image-missing.md:9:', 'not found: img/nope.png'],
  },
  {
    name: 'missing background image',
    args: ['build', bad('background-missing.md'), '-o', '{out}'],
    exit: 2,
    together: true,
    messages: ['background-missing.md:5:', 'not found: bg/nope.jpg'],
  },
  {
    name: 'a partial that includes itself',
    args: ['build', bad('plain.md'), '--templates', bad('templates-self-partial'), '-o', '{out}'],
    exit: 2,
    messages: ['a partial includes itself'],
  },
  {
    name: 'template syntax error',
    args: ['build', bad('plain.md'), '--templates', bad('templates-syntax'), '-o', '{out}'],
    exit: 2,
    messages: ['templates-syntax/layouts/default.hbs:2:', 'template error'],
  },
  {
    name: 'config file given with --config that does not exist',
    args: ['build', bad('plain.md'), '--config', bad('missing.yaml'), '-o', '{out}'],
    exit: 2,
    messages: ['missing.yaml: config file not found'],
  },
  {
    name: 'output folder under a regular file',
    args: ['build', bad('plain.md'), '-o', '{out}/index.html/out'],
    exit: 6,
    messages: ['index.html/out', 'ENOTDIR'],
  },
  {
    name: 'unknown command',
    args: ['bulid', bad('plain.md')],
    exit: 2,
    messages: ["unknown command 'bulid'", 'Did you mean build?', 'deck --help'],
  },
  {
    name: 'unknown option',
    args: ['build', bad('plain.md'), '--bogus', '-o', '{out}'],
    exit: 2,
    messages: ["unknown option '--bogus'", 'deck build --help'],
  },
  {
    name: 'bad --timeout value',
    args: ['pdf', bad('plain.md'), '--timeout', 'soon', '-o', '{out}'],
    exit: 2,
    messages: ["'--timeout <ms>' argument 'soon' is invalid", 'milliseconds'],
  },
  {
    name: 'deck init into a folder that is not empty',
    args: ['init', '{out}'],
    exit: 2,
    messages: ['the folder is not empty', '--force'],
  },
  {
    name: 'port already in use (deck serve)',
    args: ['serve', bad('plain.md'), '--port', '{port}', '--no-watch', '-o', '{out}'],
    exit: 5,
    messages: ['ports {port}–{lastPort} are all in use', '--port'],
  },
  {
    name: 'unclosed HTML (builds, every slide kept)',
    args: ['build', bad('html-unclosed.md'), '-o', '{out}'],
    exit: 0,
    messages: ['built 3 slides'],
    builds: { slides: 3 },
  },
  {
    name: 'a 5 MB Markdown file (builds, does not hang)',
    args: ['build', '{work}/big.md', '-o', '{out}'],
    exit: 0,
    messages: ['built 1000 slides'],
    builds: { slides: 1000 },
  },
];

/** About 5 MB: 1000 slides of text, lists, code and notes. */
function writeBigDeck(path: string): number {
  const para = 'Lorem ipsum dolor sit amet, 這是一段中文說明文字，consectetur *adipiscing* elit, sed do `eiusmod` tempor. ';
  const slides: string[] = [];
  for (let i = 0; i < 1000; i++) {
    slides.push(
      `## Slide ${i + 1}\n\n- ${para}\n- ${para}\n\n${para.repeat(40)}\n\n\`\`\`js\nconst x${i} = ${i}; // ---\n\`\`\`\n\nNote: ${para.repeat(4)}`,
    );
  }
  const text = `${slides.join('\n\n---\n\n')}\n`;
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

function fillOldBuild(out: string): void {
  mkdirSync(join(out, 'assets'), { recursive: true });
  writeFileSync(join(out, 'index.html'), '<!doctype html><title>the previous build</title>\n');
  writeFileSync(join(out, 'assets', 'old.css'), 'body { color: red }\n');
}

let results: { row: Row; out: string; before: string; result: CliResult; output: string }[] = [];
const blockers: Server[] = [];

/** The deck a `together` row builds, and the name the CLI gives it (its folder, or its file without `.md`). */
const deckOf = (row: Row) => row.args[1]!;
const nameOf = (row: Row) => basename(deckOf(row), extname(deckOf(row)));

let portBase = 0;

function listen(port: number): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

/**
 * Take PORTS consecutive ports (held until afterAll), trying one block after another from 41000: a port another
 * program holds moves on to the next block instead of failing the run (no random base, no luck).
 */
async function takePorts(): Promise<number> {
  for (let base = 41_000; base + PORTS <= 65_000; base += PORTS) {
    const held: Server[] = [];
    try {
      for (let port = base; port < base + PORTS; port++) held.push(await listen(port));
      blockers.push(...held);
      return base;
    } catch {
      await Promise.all(held.map((server) => new Promise((done) => server.close(done))));
    }
  }
  throw new Error(`no ${PORTS} consecutive free ports from 41000 on`);
}

/** A row's argument or expected message with its placeholders filled in. */
const fill = (text: string, out: string, dir: string) =>
  text
    .replace('{out}', out)
    .replace('{work}', dir)
    .replace('{port}', String(portBase))
    .replace('{lastPort}', String(portBase + PORTS - 1));

beforeAll(async () => {
  await ensureCompiled();
  rmSync(WORK, { recursive: true, force: true });
  const together = join(WORK, 'together');
  const prepared = rows.map((row, index) => {
    const dir = join(WORK, String(index).padStart(2, '0'));
    const out = row.together ? join(together, nameOf(row)) : join(dir, 'out');
    fillOldBuild(out);
    if (row.builds?.slides === 1000) expect(writeBigDeck(join(dir, 'big.md'))).toBeGreaterThan(5 * 1024 * 1024);
    return { row, dir, out, before: hashTree(out) };
  });
  // The serve row: every port it may fall back to is taken.
  portBase = await takePorts();
  const jobs: (() => Promise<CliResult>)[] = [
    () => runCli(['build', ...rows.filter((row) => row.together).map(deckOf), '-o', together], { timeoutMs: 60_000 }),
    ...prepared
      .filter(({ row }) => !row.together)
      .map(
        ({ row, dir, out }) =>
          () =>
            runCli(
              row.args.map((a) => fill(a, out, dir)),
              { timeoutMs: 60_000 },
            ),
      ),
  ];
  const [all, ...alone] = await pool(jobs, 4, (job) => job());
  let next = 0;
  results = prepared.map(({ row, out, before }) => {
    const result = row.together ? all! : alone[next++]!;
    const output = result.stdout + result.stderr;
    return { row, out, before, result, output: row.together ? reportOf(result.stderr, nameOf(row)) : output };
  });
}, 180_000);

afterAll(async () => {
  await Promise.all(blockers.map((server) => new Promise((done) => server.close(done))));
});

describe('bad input through the CLI', () => {
  it('has at least 20 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  it('the run of several bad decks names each one that failed, and no other, in its summary', () => {
    const together = results.filter(({ row }) => row.together);
    const { stdout, stderr } = together[0]!.result;
    expect(stderr).toContain(`${together.length} of ${together.length} decks failed`);
    expect(stdout).toContain(`0 of ${together.length} decks built`);
    for (const { row } of together) expect(stdout, row.name).toMatch(new RegExp(`^\\s*${nameOf(row)}\\s.*failed: `, 'm'));
    // Each deck's report is its own: no other deck's file in it.
    for (const { row, output } of together) {
      for (const other of together)
        if (other.row !== row) expect(output, row.name).not.toMatch(new RegExp(`\\b${nameOf(other.row)}(\\.md|/|:)`));
    }
  });

  it.each(rows.map((row, index) => [row.name, index] as const))('%s', (_name, index) => {
    const { row, out, before, result, output } = results[index]!;
    expect(result.signal, output).toBeNull();
    expect(output, `${row.name}: no report of its own in\n${result.stdout + result.stderr}`).not.toBe('');
    expect(result.code, output).toBe(row.exit);
    for (const fragment of row.messages) {
      if (typeof fragment === 'string') expect(output).toContain(fill(fragment, out, ''));
      else expect(output).toMatch(fragment);
    }
    if (row.exit !== 0) {
      // Errors are one clear message, never a stack trace.
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      expect(hashTree(out), 'the output folder changed').toBe(before);
    } else {
      const html = readFileSync(join(out, 'index.html'), 'utf8');
      expect(html).not.toContain('the previous build');
      expect(html.match(/<section id="slide-/g)?.length).toBe(row.builds!.slides);
    }
  });
});
