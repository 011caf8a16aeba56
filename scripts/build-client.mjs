// Bundle the browser-side code: every src/client/entries/<name>.ts becomes lib/client/<name>.js, one
// self-contained script (IIFE) a page loads with a plain <script src>, from a server or from file://.
// Type-checking is tsc's job (src/client/tsconfig.json, run by `npm run typecheck`); esbuild only strips and bundles.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entriesDir = join(root, 'src', 'client', 'entries');
const entryPoints = readdirSync(entriesDir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join(entriesDir, name));

await build({
  entryPoints,
  outdir: join(root, 'lib', 'client'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  charset: 'utf8',
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
});
