// `npm run bench`: runs every scripts/bench/*.bench.mjs in turn (each prints its own table) on the compiled
// CLI in lib/. One run, medians over repetitions inside each benchmark; figures go in the README.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs') && (!only || f.includes(only)))
  .sort();
for (const file of files) {
  console.log(`\n## ${file.replace('.bench.mjs', '')}`);
  const mod = await import(pathToFileURL(join(here, file)).href);
  await mod.default();
}
