#!/usr/bin/env node
// The `deck` command. Runs the bundled CLI in lib/cli-bundle/ (npm ci, npm run build and npm start make it with
// scripts/build-cli.mjs): one file and a few chunks load much faster than the ~260 modules tsc leaves in lib/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../lib/cli-bundle/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('error: the CLI is not built yet: run `npm run build` (or `npm start`) first\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
