#!/usr/bin/env node
// The `deck` command. Runs the compiled CLI in lib/ (npm ci and npm start compile it with `tsc`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('error: the CLI is not compiled yet: run `npm run build` (or `npm start`) first\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
