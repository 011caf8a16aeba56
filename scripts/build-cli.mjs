// Bundle the CLI: src/cli/main.ts and everything it imports, our code and its dependencies, into a few ES
// modules in lib/cli-bundle/ that bin/deck.js runs. `deck pdf` loads about 40 files where it loaded about 440
// from lib/ and node_modules/ (zod, handlebars, yaml, marked, node-html-parser, puppeteer-core, …): the cold start of every command is on an export's
// critical path (README, Speed). Each command's `await import(…)` becomes a chunk of its own, loaded only by the
// commands that need it. tsc still compiles src/ to lib/ for the tests that import lib/; type-checking is tsc's job.
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'lib', 'cli-bundle');
// Built beside it, then swapped in: a `deck` starting meanwhile finds the old bundle or the new one, not half of one.
const staging = `${outdir}.${process.pid}.tmp`;
rmSync(staging, { recursive: true, force: true });

/**
 * zod's `z` namespace re-exports all of its 48 message locales (about 340 kB, a quarter of the chunk every
 * build and export loads and parses); it uses English unless told otherwise, and nothing here sets another.
 * Its locale index is replaced by one that exports English alone.
 */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'zod')}`)
        ? { path: join(dirname(args.importer), '..', 'locales', 'en-only.js'), namespace: 'zod-en' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};`,
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * The built-in templates compiled ahead of time (src/render/precompile.ts, from tsc's lib/, which `npm run build`
 * and the bootstrap make first): the bundle's src/render/precompiled-templates.ts holds them, so a build parses and
 * compiles none of them (a user's --templates still are, at run time).
 */
const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]render[\\/]precompiled-templates\.ts$/ }, async () => {
      const { precompiledTemplatesModule } = await import(pathToFileURL(join(root, 'lib', 'render', 'precompile.js')).href);
      return { contents: await precompiledTemplatesModule(join(root, 'templates')), loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: { main: join(root, 'src', 'cli', 'main.ts') },
  outdir: staging,
  // Chunks stay beside main.js: src/render/paths.ts finds the package two folders up from the running file.
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS packages call require() for Node's built-ins: give every ES module chunk one.
  banner: { js: "import { createRequire as __deckRequire } from 'node:module'; const require = __deckRequire(import.meta.url);" },
  // subset-font's WebAssembly loaders find their .wasm files next to their own scripts (__dirname).
  external: ['subset-font'],
  legalComments: 'none',
  plugins: [englishOnlyZod, precompiledTemplates],
  logLevel: 'warning',
  metafile: process.argv.includes('--meta'),
});
rmSync(outdir, { recursive: true, force: true });
renameSync(staging, outdir);
// `--meta`: what went into which chunk (esbuild's metafile, paths under the staging folder), for size checks.
if (result.metafile) console.log(JSON.stringify(result.metafile));
