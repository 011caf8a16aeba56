/** The command line itself: help, version, colour, exit codes, config precedence, init and doctor. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/core/errors.js';
import { ExitCode, exitCodeFor } from '../../src/cli/exit-codes.js';
import { checkNode, checkOutput, formatChecks } from '../../src/cli/commands/doctor-checks.js';
import { colorFor, parseTimeout } from '../../src/cli/options.js';
import { type CliResult, ensureCompiled, hashTree, OUT, ROOT, runCli } from './run.js';

const WORK = join(OUT, 'cli');
const COMMANDS = ['build', 'pdf', 'serve', 'rehearse', 'notes', 'init', 'doctor'];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** `deck <command> --help`, run once per command for the whole file (several tests read the same help). */
const helps = new Map<string, Promise<CliResult>>();
const helpOf = (command: string): Promise<CliResult> => {
  if (!helps.has(command)) helps.set(command, runCli([command, '--help']));
  return helps.get(command)!;
};

/** `deck init` of the sample deck, run once: the init test checks it, and the decks' build builds it. */
const INIT = join(WORK, 'init', 'my-talk');
let initRun: Promise<CliResult> | undefined;
const init = (): Promise<CliResult> => (initRun ??= runCli(['init', INIT]));

/**
 * `deck init` into a folder that is not empty, run once: the init test checks its refusal, and the colour test
 * that an error printed with no colour asked for has none.
 */
const BUSY = join(WORK, 'init', 'busy');
let refusedRun: Promise<{ before: string; refused: CliResult }> | undefined;
const refusedInit = () =>
  (refusedRun ??= (async () => {
    mkdirSync(BUSY, { recursive: true });
    writeFileSync(join(BUSY, 'mine.md'), '# Mine\n');
    const before = hashTree(BUSY);
    return { before, refused: await runCli(['init', BUSY]) };
  })());

/** Decks built with no flag: their folder holds slides (and a config file), by the name `deck build` gives them. */
const FLAGLESS: Record<string, { slide: string; config?: [string, string] }> = {
  defaults: { slide: '# Only slide\n' },
  file: { slide: '# Only slide\n', config: ['deck.config.yaml', 'title: From the file\ntheme: white\nlang: en\n'] },
  front: {
    slide: '---\ntitle: From front matter\ntheme: black\n---\n\n# Only slide\n',
    config: ['deck.config.yaml', 'title: From the file\ntheme: white\nlang: en\n'],
  },
  'ext-yml': { slide: '# Slide\n', config: ['deck.config.yml', 'title: YML file\n'] },
  'ext-json': { slide: '# Slide\n', config: ['deck.config.json', '{ "title": "JSON file" }'] },
};
const FLAGLESS_OUT = join(WORK, 'flagless');

/**
 * Every deck built with no flag (those above and the one `deck init` makes), as one `deck build <deck>… -o DIR`
 * run (each deck into DIR/<name>/, with its own config): one start of the CLI instead of six.
 */
let flaglessRun: Promise<CliResult> | undefined;
const flagless = (): Promise<CliResult> =>
  (flaglessRun ??= (async () => {
    const decks = Object.entries(FLAGLESS).map(([name, { slide, config }]) => {
      const dir = join(WORK, 'decks', name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, '01.md'), slide);
      if (config) writeFileSync(join(dir, config[0]), config[1]);
      return dir;
    });
    await init();
    return runCli(['build', ...decks, INIT, '-o', FLAGLESS_OUT]);
  })());
/** index.html of a deck of the flagless run, once the run has built every deck. */
const flaglessHtml = async (name: string): Promise<string> => {
  const r = await flagless();
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain(`${Object.keys(FLAGLESS).length + 1} of ${Object.keys(FLAGLESS).length + 1} decks built`);
  return readFileSync(join(FLAGLESS_OUT, name, 'index.html'), 'utf8');
};

beforeAll(async () => {
  await ensureCompiled();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
}, 120_000);

describe.concurrent('help and version', () => {
  it('prints the version', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await runCli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(pkg.version);
    }
  });

  it('lists every command, examples and the exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const command of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toMatch(/Exit codes:[\s\S]*2 bad input[\s\S]*3 browser[\s\S]*130 interrupted/);
  });

  it('gives each command a --help with usage; build, init and doctor with examples', async () => {
    const results = await Promise.all(COMMANDS.map(helpOf));
    results.forEach((r, i) => {
      expect(r.code, COMMANDS[i]).toBe(0);
      expect(r.stdout).toContain(`Usage: deck ${COMMANDS[i]}`);
    });
    for (const command of ['build', 'init', 'doctor']) {
      const r = results[COMMANDS.indexOf(command)]!;
      expect(r.stdout).toMatch(new RegExp(`Examples:\\n  \\$ deck ${command}`));
    }
  });

  it('spells the shared flags the same on every command that builds a deck', async () => {
    const [build, pdf, notes, rehearse, doctor] = await Promise.all(['build', 'pdf', 'notes', 'rehearse', 'doctor'].map(helpOf));
    for (const flag of ['-o, --out <dir>', '--theme <name>', '--config <file>', '-q, --quiet', '--verbose']) {
      expect(build!.stdout).toContain(flag);
      expect(pdf!.stdout).toContain(flag);
    }
    // Only commands that may start Chromium list the browser flags (build for --single-file's fonts).
    for (const flag of ['--browser <path>', '--timeout <ms>']) {
      expect(pdf!.stdout).toContain(flag);
      expect(build!.stdout).toContain(flag);
      expect(notes!.stdout).not.toContain(flag);
      expect(rehearse!.stdout).not.toContain(flag);
    }
    for (const flag of ['-o, --out <dir>', '--browser <path>', '--timeout <ms>', '-q, --quiet', '--verbose'])
      expect(doctor!.stdout).toContain(flag);
  });

  it('with no command shows the help and exits 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: deck');
  });
});

describe.concurrent('colour', () => {
  it('colours errors and help only when asked or on a terminal, and never with NO_COLOR', async () => {
    // No colour asked for: deck init's refusal, run once for this test and the init test.
    const { refused: plain } = await refusedInit();
    expect(plain.stderr).toContain('error:');
    expect(plain.stderr).not.toContain('\x1b[');
    const forced = await runCli(['build', 'no-such-deck', '-o', join(WORK, 'c')], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stderr).toContain('\x1b[31merror:\x1b[39m');
    const help = await runCli(['--help'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(help.stdout).toContain('\x1b[1mUsage:');
  });

  it('colorFor: NO_COLOR wins, FORCE_COLOR forces, else only a TTY', () => {
    const tty = { isTTY: true } as NodeJS.WriteStream;
    const pipe = { isTTY: false } as NodeJS.WriteStream;
    expect(colorFor(tty, {})).toBe(true);
    expect(colorFor(pipe, {})).toBe(false);
    expect(colorFor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorFor(tty, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(colorFor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorFor(tty, { FORCE_COLOR: '0' })).toBe(false);
  });
});

// Concurrent like its neighbours, so the file's suites form one group that runs at once.
describe.concurrent('exit codes', () => {
  it('maps every error code to its documented status', () => {
    expect(exitCodeFor(ErrorCode.BadInput)).toBe(2);
    expect(exitCodeFor(ErrorCode.BadConfig)).toBe(2);
    expect(exitCodeFor(ErrorCode.BadTemplate)).toBe(2);
    expect(exitCodeFor(ErrorCode.BrowserNotFound)).toBe(3);
    expect(exitCodeFor(ErrorCode.ExportFailed)).toBe(4);
    expect(exitCodeFor(ErrorCode.Timeout)).toBe(4);
    expect(exitCodeFor(ErrorCode.ServerFailed)).toBe(5);
    expect(exitCodeFor(ErrorCode.Io)).toBe(6);
    expect(exitCodeFor(undefined)).toBe(1);
    expect(ExitCode.Interrupted).toBe(130);
  });

  it('parses --timeout as milliseconds, seconds or minutes and rejects the rest', () => {
    expect(parseTimeout('1500')).toBe(1500);
    expect(parseTimeout('30s')).toBe(30_000);
    expect(parseTimeout('2m')).toBe(120_000);
    for (const bad of ['', 'soon', '-5', '0', '1e99', '10h']) expect(() => parseTimeout(bad), bad).toThrow(/milliseconds/);
  });
});

describe.concurrent('config precedence: defaults < config file < front matter < flags', () => {
  const deck = join(WORK, 'precedence');
  const themeOf = (html: string) => /<link rel="stylesheet" href="assets\/theme\/([\w-]+)\.css" id="theme">/.exec(html)?.[1];
  const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
  const langOf = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];
  const build = async (dir: string, out: string, ...args: string[]) => {
    const r = await runCli(['build', dir, '-o', join(WORK, out), ...args]);
    expect(r.code, r.stderr).toBe(0);
    return readFileSync(join(WORK, out, 'index.html'), 'utf8');
  };

  it('applies each level over the one below', async () => {
    // One copy of the deck per level, built all at once: those without flags in the flagless run.
    const level = (name: string, slide: string, config?: string) => {
      const dir = join(deck, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, '01.md'), slide);
      if (config) writeFileSync(join(dir, 'deck.config.yaml'), config);
      return dir;
    };
    const plain = FLAGLESS.defaults!.slide;
    const fileConfig = FLAGLESS.file!.config![1];
    const withFront = FLAGLESS.front!.slide;
    writeFileSync(join(WORK, 'other.json'), JSON.stringify({ title: 'Other file', theme: 'serif', lang: 'ja' }));
    const [defaults, file, front, flags, other] = await Promise.all([
      flaglessHtml('defaults'),
      flaglessHtml('file'),
      flaglessHtml('front'),
      build(level('flags', withFront, fileConfig), 'p3', '--theme', 'moon'),
      // --config replaces the file beside the slides.
      build(level('other', plain, fileConfig), 'p4', '--config', join(WORK, 'other.json')),
    ]);
    // Unset, the title is the deck's first heading and the language that of its text (src/content/infer.ts).
    expect([themeOf(defaults), titleOf(defaults), langOf(defaults)]).toEqual(['gpt', 'Only slide', 'en']);
    expect([themeOf(file), titleOf(file), langOf(file)]).toEqual(['white', 'From the file', 'en']);
    expect([themeOf(front), titleOf(front), langOf(front)]).toEqual(['black', 'From front matter', 'en']);
    expect([themeOf(flags), titleOf(flags), langOf(flags)]).toEqual(['moon', 'From front matter', 'en']);
    expect([themeOf(other), titleOf(other), langOf(other)]).toEqual(['serif', 'Other file', 'ja']);
  });

  it('accepts deck.config.yml and deck.config.json beside the slides', async () => {
    expect(titleOf(await flaglessHtml('ext-yml'))).toBe('YML file');
    expect(titleOf(await flaglessHtml('ext-json'))).toBe('JSON file');
  });
});

describe.concurrent('deck init', () => {
  it('scaffolds a deck that builds at once, with every feature the sample promises', async () => {
    const dir = INIT;
    const made = await init();
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`created a sample deck in ${dir}`);
    for (const file of ['deck.config.yaml', '01-welcome.md', '02-basics.md', '03-more.md', 'images/diagram.svg']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    // Built in the flagless run, into its folder my-talk/.
    const html = await flaglessHtml('my-talk');
    const build = await flagless();
    expect(html).toContain('<title>My first deck</title>');
    expect(html).toContain('class="stack"'); // vertical slides
    expect(html).toContain('class="fragment"');
    expect(html).toContain('<aside class="notes">');
    expect(html).toContain('data-layout="title"');
    expect(html).toContain('data-layout="section"');
    expect(html).toContain('<code data-line-numbers="2" class="js">');
    expect(html).toContain('src="images/diagram.svg"');
    expect(existsSync(join(FLAGLESS_OUT, 'my-talk', 'images', 'diagram.svg'))).toBe(true);
    expect(build.stdout).toContain(`built 8 slides → ${join(FLAGLESS_OUT, 'my-talk', 'index.html')}`);
  });

  it('refuses a folder that is not empty unless --force, and a path that is a file', async () => {
    const dir = BUSY;
    const { before, refused } = await refusedInit();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not empty');
    expect(hashTree(dir)).toBe(before);
    const forced = await runCli(['init', dir, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'mine.md'), 'utf8')).toBe('# Mine\n');
    expect(existsSync(join(dir, '02-basics.md'))).toBe(true);
    const file = await runCli(['init', join(dir, 'mine.md')]);
    expect(file.code).toBe(6);
    expect(file.stderr).toContain('is a file, not a folder');
  });
});

describe.concurrent('deck doctor', () => {
  it('passes every check on this machine (Node, Chromium found and started, CJK fonts, output folder)', async () => {
    const r = await runCli(['doctor', '-o', join(WORK, 'doctor-out')], { timeoutMs: 60_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line.startsWith('✓ '), line).toBe(true);
    expect(r.stdout).toMatch(/✓ browser starts: .*Chrom.*started and closed in \d+ ms/);
    expect(r.stdout).toMatch(/✓ CJK fonts \(Traditional Chinese\): .*CJK/);
    expect(existsSync(join(WORK, 'doctor-out'))).toBe(false); // checking does not create the folder
  });

  it("reports each failure with what to do, and exits with the first failure's code", async () => {
    const file = join(WORK, 'a-file');
    writeFileSync(file, 'x');
    const [browser, output, fonts] = await Promise.all([
      runCli(['doctor', '--browser', join(WORK, 'no-such-chrome'), '-o', join(WORK, 'doctor-out')]),
      runCli(['doctor', '-o', join(file, 'out')], { timeoutMs: 60_000 }),
      // No fc-list on PATH: the font check cannot run.
      runCli(['doctor', '-o', join(WORK, 'doctor-out')], { env: { PATH: join(WORK, 'empty-path') }, timeoutMs: 60_000 }),
    ]);
    expect(browser.code).toBe(3);
    expect(browser.stdout).toMatch(/✗ browser found: --browser .*no-such-chrome: no executable browser there\n {4}→ /);
    expect(browser.stderr).toMatch(/2 of 5 checks failed/);
    expect(output.code).toBe(6);
    expect(output.stdout).toMatch(/✗ output folder .*a-file is a file.*\n {4}→ choose another folder with -o DIR/);
    expect(fonts.code).toBe(1);
    expect(fonts.stdout).toMatch(/✗ CJK fonts.*fc-list.*not found[\s\S]*→ install fontconfig/);
  });

  it('checks Node versions and formats plain ✓/✗ lines', async () => {
    expect(checkNode('20.0.0').ok).toBe(true);
    const old = checkNode('18.19.0');
    expect(old.ok).toBe(false);
    expect(old.fix).toContain('Node.js 20');
    const writable = await checkOutput(join(WORK, 'nested', 'new', 'folder'));
    expect(writable.ok).toBe(true);
    const plain = { green: (s: string) => s, red: (s: string) => s, yellow: (s: string) => s } as never;
    expect(formatChecks([old], plain)).toBe(`✗ Node.js: 18.19.0 is too old (need 20 or newer)\n    → ${old.fix}`);
  });
});
