/**
 * `deck pdf` as the user runs it: its flags, the config file's `pdf.*` keys, exit 3 and 4, the export checks'
 * report, `--quiet`, `--verbose`'s phases, the default deck and output folder, and the progress bar on a
 * terminal. Exports run two at a time (in the worker's Chromium, tests/cli/run.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Box, pageText, readOutline, readPdfPages } from '../helpers/pdf-pages.js';
import { BIN, type CliResult, cliBrowserEnv, ensureCompiled, OUT, pool, ROOT, runCli } from './run.js';

const WORK = join(OUT, 'pdf-cli');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'export');
const SMALL = join(FIXTURES, 'small');
const CHECKS = join(FIXTURES, 'checks');

const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))?.[1]);
const paper = (file: string) => /Page size:\s+([\d.]+ x [\d.]+ pts(?: \(\w+\))?)/.exec(pdfinfo(file))?.[1];

/**
 * `deck …args` on a pseudo-terminal (util-linux `script`), as a user at a terminal sees it: stdout and stderr
 * together, with the terminal's line ends (\r\n) made \n.
 */
async function runOnTerminal(args: string[], cwd = ROOT): Promise<CliResult> {
  const command = [process.execPath, BIN, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = await runCommand('script', ['-qec', command, '/dev/null'], cwd, await cliBrowserEnv());
  return { ...result, stdout: result.stdout.replace(/\r\n/g, '\n') };
}

function runCommand(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(file, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: '100', ...env },
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

/** A PDF's pages and outline, read once for the tests that look at the same file (pdfjs parses it each time). */
const readings = new Map<string, Promise<unknown>>();
function readOnce<T>(kind: string, file: string, read: (file: string) => Promise<T>): Promise<T> {
  const key = `${kind}:${file}`;
  if (!readings.has(key)) readings.set(key, read(file));
  return readings.get(key) as Promise<T>;
}
const pdfPages = (file: string) => readOnce('pages', file, readPdfPages);
const pdfOutline = (file: string) => readOnce('outline', file, readOutline);

/** Every run of this file, two at a time; each test reads the ones it is about. */
let runs: Record<
  'checks' | 'lenient' | 'flags' | 'config' | 'noBrowser' | 'twoUp' | 'defaults' | 'configLenient' | 'configTimeout',
  CliResult
>;

/** A copy of `deck` in WORK/<name> with `config` as its deck.config.yaml. */
function configuredCopy(deck: string, name: string, config: string): string {
  const copy = join(WORK, name);
  cpSync(deck, copy, { recursive: true });
  writeFileSync(join(copy, 'deck.config.yaml'), config);
  return copy;
}

beforeAll(async () => {
  await ensureCompiled();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  // A copy of the small deck whose config file sets every pdf key a flag could.
  const configured = configuredCopy(SMALL, 'configured-deck', 'pdf:\n  handout: 6up\n  paper: letter\n  fragments: true\n  strict: true\n');
  // The keys no flag above is given for: strict off and a timeout, from the config file alone.
  const lenientConfig = configuredCopy(CHECKS, 'lenient-config-deck', 'pdf:\n  strict: false\n');
  const timeoutConfig = configuredCopy(SMALL, 'timeout-config-deck', 'pdf:\n  timeout: 50\n');
  // No DECK and no -o: slides/ of the current folder into its dist/, --verbose, on a terminal (its progress bar).
  const defaults = join(WORK, 'defaults');
  cpSync(SMALL, join(defaults, 'slides'), { recursive: true });
  const jobs: [keyof typeof runs, () => Promise<CliResult>][] = [
    ['checks', () => runCli(['pdf', CHECKS, '-o', out('checks')], { timeoutMs: 90_000 })],
    ['lenient', () => runCli(['pdf', CHECKS, '-o', out('lenient'), '--no-strict', '--no-handout'], { timeoutMs: 90_000 })],
    ['flags', () => runOnTerminal(['pdf', SMALL, '-o', out('flags'), '--handout', '3up', '--paper', 'letter', '--fragments', '--quiet'])],
    ['config', () => runCli(['pdf', configured, '-o', out('config'), '--paper', 'A4'], { timeoutMs: 90_000 })],
    ['noBrowser', () => runCli(['pdf', SMALL, '-o', out('no-browser'), '--browser', '/nonexistent/chromium'])],
    ['twoUp', () => runCli(['pdf', SMALL, '-o', out('two-up'), '--handout', '2up', '--no-slides', '-q'], { timeoutMs: 90_000 })],
    ['defaults', () => runOnTerminal(['pdf', '--verbose', '--no-handout'], defaults)],
    ['configLenient', () => runCli(['pdf', lenientConfig, '-o', out('config-lenient')], { timeoutMs: 90_000 })],
    ['configTimeout', () => runCli(['pdf', timeoutConfig, '-o', out('config-timeout')], { timeoutMs: 90_000 })],
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
    // The folder did not exist and still does not; no stage folder is left beside it (src/render/stage.ts).
    expect(existsSync(out('checks'))).toBe(false);
    expect(readdirSync(WORK).filter((name) => name.includes('.stage-'))).toEqual([]);
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
    const terminal = runs.defaults;
    expect(terminal.code, terminal.stdout).toBe(0);
    expect(terminal.stdout).toMatch(/pdf [░█]+ \d+\/\d+ pages \| /);
    expect(terminal.stdout).toMatch(/exported 5 slides → dist\/deck\.pdf \(6 pages\)/);
    expect(runs.config.stdout + runs.config.stderr).not.toMatch(/[░█]/);
    expect(runs.config.stdout).toMatch(/exported 5 slides → .*deck\.pdf \(8 pages\)/);
  });

  it('takes pdf.strict and pdf.timeout from the config file: strict off writes and warns, 50 ms fails with exit 4', () => {
    const lenient = runs.configLenient;
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stderr).toMatch(/warning: .*past the right edge/);
    expect(existsSync(join(out('config-lenient'), 'deck.pdf'))).toBe(true);
    const timedOut = runs.configTimeout;
    expect(timedOut.code, timedOut.stderr).toBe(4);
    expect(timedOut.stderr).toMatch(/did not finish within 50ms/);
    expect(existsSync(out('config-timeout'))).toBe(false);
  });

  it('with no DECK and no -o, exports slides/ into dist/ of the current folder', () => {
    const { code, stdout } = runs.defaults;
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/exported 5 slides → dist\/deck\.pdf \(6 pages\)/);
    expect(pages(join(WORK, 'defaults', 'dist', 'deck.pdf'))).toBe(6);
  });

  it('--verbose prints the phases of the export in order, and the same as a timings JSON line', () => {
    const output = runs.defaults.stdout + runs.defaults.stderr;
    const phases = /^.*phases: (.*)$/m.exec(output)?.[1];
    expect(phases, output).toBeDefined();
    const labels = phases!.split(' · ').map((part) => /^(.*) \d+ ms$/.exec(part)?.[1]);
    // Those of an export without a handout, in the order they happen (README: "Where the time went").
    expect(labels).toEqual([
      'node start + CLI modules',
      'export modules',
      'build',
      '∥ browser launch',
      'open a page',
      'page load',
      'layout',
      'checks',
      'page.pdf (slides)',
      'post-processing (slides)',
      'close the page and the browser',
      'swap into the output folder',
      'wall time since node started',
      'total',
    ]);
    const timings = JSON.parse(/^.*timings: (\{.*\})$/m.exec(output)![1]!) as Record<string, number>;
    expect(Object.keys(timings)).toEqual(expect.arrayContaining(['build', 'launch', 'load', 'deck.pdf', 'wall']));
    for (const value of Object.values(timings)) expect(value).toBeGreaterThanOrEqual(0);
    expect(phases).toContain(`page.pdf (slides) ${timings['deck.pdf']} ms`);
  });

  it('exits 3 when the browser cannot be found, saying what was tried', () => {
    const { code, stderr } = runs.noBrowser;
    expect(code, stderr).toBe(3);
    expect(stderr).toContain('/nonexistent/chromium');
    expect(existsSync(out('no-browser'))).toBe(false);
  });
});

/** The small deck: its title, and its slides' titles in order. */
const SMALL_TITLE = '測試簡報 Export Fixture';
const SMALL_SLIDES = ['第一張：片段', '第二張：不拆片段', '第三張：直向一', '第四張：直向二', '第五張：一定拆'];
const MM = 72 / 25.4;

describe('deck pdf: handouts as printed', () => {
  // Which slides each sheet holds, and where the ruled lines go (README: "3up (slides beside ruled lines …) or 6up
  // (… ruled lines under each) … with the deck title at the top and page numbers at the bottom").
  const cases = [
    { layout: '2up', file: () => join(out('two-up'), 'handout.pdf'), sheets: [[1, 2], [3, 4], [5]], rules: 'none' },
    {
      layout: '3up',
      file: () => join(out('flags'), 'handout.pdf'),
      sheets: [
        [1, 2, 3],
        [4, 5],
      ],
      rules: 'beside',
    },
    { layout: '6up', file: () => join(out('config'), 'handout.pdf'), sheets: [[1, 2, 3, 4, 5]], rules: 'under' },
  ] as const;

  it.each(cases)(
    '$layout: the deck title at the top of every page, "page / pages" at the bottom, each slide numbered on its sheet',
    async ({ layout, file, sheets }) => {
      expect(runs.twoUp.code, runs.twoUp.stderr).toBe(0);
      const pages = await pdfPages(file());
      expect(pages, layout).toHaveLength(sheets.length);
      pages.forEach((page, i) => {
        const top = page.texts.filter((t) => t.y > page.height - 18 * MM);
        const bottom = page.texts.filter((t) => t.y < 16 * MM);
        expect(
          top
            .map((t) => t.str)
            .join('')
            .replace(/\s+/g, ''),
          `page ${i + 1} header`,
        ).toBe(SMALL_TITLE.replace(/\s+/g, ''));
        expect(bottom.map((t) => t.str).join(''), `page ${i + 1} footer`).toBe(`${i + 1} / ${pages.length}`);
        // Roughly centred: the footer's middle within a tenth of the page of the page's middle.
        expect(Math.abs(bottom[0]!.x + 10 - page.width / 2)).toBeLessThan(page.width / 10);
        const text = pageText(page);
        for (const number of sheets[i]!) expect(text, `page ${i + 1}`).toContain(`${number}${SMALL_SLIDES[number - 1]}`);
        const elsewhere = SMALL_SLIDES.map((_, n) => n + 1).filter((n) => !(sheets[i] as readonly number[]).includes(n));
        for (const number of elsewhere) expect(text, `page ${i + 1}`).not.toContain(`${number}${SMALL_SLIDES[number - 1]}`);
      });
    },
  );

  it.each(cases)(
    '$layout: ruled lines for the audience’s notes ($rules the slides), inside the printable area',
    async ({ file, sheets, rules }) => {
      const pages = await pdfPages(file());
      pages.forEach((page, i) => {
        const inside = (box: Box) =>
          box.left >= 15 * MM - 1 && box.right <= page.width - 15 * MM + 1 && box.bottom >= 16 * MM && box.top <= page.height - 18 * MM;
        for (const rule of page.rules) expect(inside(rule), `page ${i + 1}: rule ${JSON.stringify(rule)}`).toBe(true);
        if (rules === 'none') {
          expect(page.rules, `page ${i + 1}`).toEqual([]);
          return;
        }
        // Each slide's caption ("3 第三張…"): where its number is printed.
        const captions = sheets[i]!.map((number) => {
          const at = page.texts.find(
            (t, k) => t.str === String(number) && page.texts[k + 1]?.str.startsWith(SMALL_SLIDES[number - 1]![0]!),
          );
          expect(at, `caption of slide ${number} on page ${i + 1}`).toBeDefined();
          return { number, x: at!.x, y: at!.y };
        });
        for (const caption of captions) {
          const mine =
            rules === 'beside'
              ? // 3-up: the rules of a row sit right of the slide, between this caption's slide top and its caption.
                page.rules.filter((r) => r.left > page.width * 0.4 && r.bottom > caption.y && r.top < caption.y + 80 * MM)
              : // 6-up: under the caption, in the slide's column.
                page.rules.filter(
                  (r) => r.left <= caption.x + 2 && r.right > caption.x + 40 * MM && r.top < caption.y && r.bottom > caption.y - 40 * MM,
                );
          expect(mine.length, `rules for slide ${caption.number} on page ${i + 1}`).toBeGreaterThanOrEqual(3);
        }
      });
    },
  );
});

describe('deck pdf: bookmarks', () => {
  it('each outline entry opens its slide’s first page (fragment pages counted), under its section', async () => {
    expect(runs.flags.code).toBe(0);
    const file = join(out('flags'), 'deck.pdf');
    // --fragments: slide 1 takes pages 1–3, slide 2 page 4, slides 3 and 4 pages 5 and 6, slide 5 pages 7–8.
    expect(await pdfOutline(file)).toEqual([
      {
        title: SMALL_TITLE,
        page: 1,
        children: [
          { title: SMALL_SLIDES[0], page: 1, children: [] },
          { title: SMALL_SLIDES[1], page: 4, children: [] },
        ],
      },
      {
        title: '第二節',
        page: 5,
        children: [
          { title: SMALL_SLIDES[2], page: 5, children: [] },
          { title: SMALL_SLIDES[3], page: 6, children: [] },
          { title: SMALL_SLIDES[4], page: 7, children: [] },
        ],
      },
    ]);
    // And the page each slide's entry opens shows that slide's title.
    const pages = await pdfPages(file);
    for (const section of await pdfOutline(file)) {
      for (const slide of section.children) expect(pageText(pages[slide.page - 1]!)).toContain(slide.title);
    }
  });

  it('without --fragments, slide n opens page n (slide 5 opts in and takes pages 5–6)', async () => {
    const outline = await readOutline(join(WORK, 'defaults', 'dist', 'deck.pdf'));
    expect(outline.flatMap((section) => section.children.map((slide) => [slide.title, slide.page]))).toEqual(
      SMALL_SLIDES.map((title, i) => [title, i + 1]),
    );
    expect(outline.map((section) => [section.title, section.page])).toEqual([
      [SMALL_TITLE, 1],
      ['第二節', 3],
    ]);
  });
});
