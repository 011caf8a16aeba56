/**
 * `deck` runs from its bundle (scripts/build-cli.mjs → lib/cli-bundle/): the commands load their code from the
 * bundle's chunks and nothing from tsc's lib/ or from node_modules/ (which is what makes the cold start short), and
 * what they make is whole. Every command's own behaviour through the bundle is in the other tests/cli files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled, OUT, ROOT, runCli } from './run.js';

const WORK = join(OUT, 'bundle-cli');
const SMALL = join(ROOT, 'tests', 'fixtures', 'export', 'small');

/**
 * A module hook (Node's module.register) that appends every ES module URL the process loads to `log`: run
 * before the CLI with `node --import`.
 */
function recordingHook(log: string): string {
  const hooks = `
    import { appendFileSync } from 'node:fs';
    export async function load(url, context, next) {
      appendFileSync(${JSON.stringify(log)}, url + '\\n');
      return next(url, context);
    }`;
  const register = `
    import { register } from 'node:module';
    register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  return `data:text/javascript,${encodeURIComponent(register)}`;
}

/** The package's own files a command loaded, relative to the package (bin/deck.js, lib/…, node_modules/…). */
async function loadedFiles(name: string, args: string[]): Promise<{ files: string[]; stderr: string; code: number | null }> {
  const log = join(WORK, `${name}.modules.txt`);
  rmSync(log, { force: true });
  const result = await runCli(args, { env: { NODE_OPTIONS: `--import=${recordingHook(log)}` } });
  const root = `${pathToFileURL(ROOT).href}/`;
  const files = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith(root))
    .map((url) => url.slice(root.length));
  return { files: [...new Set(files)], stderr: result.stderr, code: result.code };
}

/** Files outside the bundle: tsc's modules in lib/ and packages' own files. */
const outsideBundle = (files: string[]) => files.filter((file) => file !== 'bin/deck.js' && !file.startsWith('lib/cli-bundle/'));

beforeAll(async () => {
  await ensureCompiled();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
});

describe('the bundled CLI', () => {
  it('deck --version loads bin/deck.js and the bundle, nothing else', async () => {
    const { files, code } = await loadedFiles('version', ['--version']);
    expect(code).toBe(0);
    expect(files).toContain('lib/cli-bundle/main.js');
    expect(outsideBundle(files)).toEqual([]);
  });

  it('deck build builds a whole deck from the bundle alone', async () => {
    const out = join(WORK, 'build');
    const { files, code, stderr } = await loadedFiles('build', ['build', SMALL, '-o', out]);
    expect(code, stderr).toBe(0);
    expect(outsideBundle(files)).toEqual([]);
    // A chunk beyond main.js: the build's code is loaded on demand, not with every command.
    expect(files.filter((file) => file.startsWith('lib/cli-bundle/') && file !== 'lib/cli-bundle/main.js').length).toBeGreaterThan(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('class="reveal"');
    expect(html).toContain('assets/reveal/reveal.js');
  });

  it('deck pdf exports from the bundle alone (puppeteer-core included), every page there', { timeout: 120_000 }, async () => {
    const out = join(WORK, 'pdf');
    const { files, code, stderr } = await loadedFiles('pdf', ['pdf', SMALL, '-o', out, '--no-handout']);
    expect(code, stderr).toBe(0);
    expect(outsideBundle(files)).toEqual([]);
    // One page per slide (no fragment pages by default): the fixture's 6 slides.
    const info = execFileSync('pdfinfo', [join(out, 'deck.pdf')], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(6);
    expect(execFileSync('pdftotext', [join(out, 'deck.pdf'), '-'], { encoding: 'utf8' })).toMatch(/\S/);
  });

  it("holds zod's English messages and none of its other 47 locales (a quarter of the chunk every build parses)", async () => {
    const dir = join(ROOT, 'lib', 'cli-bundle');
    const locales = new Set<string>();
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
      // esbuild names each bundled module in a comment above its code.
      for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/node_modules\/zod\/v4\/locales\/([\w-]+)\.js/g))
        locales.add(match[1]!);
    }
    expect([...locales].filter((name) => name !== 'en-only').sort()).toEqual(['en']);
    // And zod still speaks: a bad setting is reported in its English words, through the bundle.
    const deck = join(WORK, 'bad-setting');
    mkdirSync(deck, { recursive: true });
    writeFileSync(join(deck, 'a.md'), '---\nwidth: wide\n---\n# A\n');
    const result = await runCli(['build', deck, '-o', join(WORK, 'bad-setting-out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a.md:2: invalid settings: "width": Invalid input: expected number, received string');
  });
});
