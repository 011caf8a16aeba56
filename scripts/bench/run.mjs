// `npm run bench`: runs every scripts/bench/*.bench.mjs in turn (each prints its own table) on the compiled
// CLI in lib/. One run, medians over repetitions inside each benchmark; figures go in the README.
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs') && (!only || f.includes(only)))
  .sort();
// The machine may be shared: the load average before and after each benchmark says how much (2 cores here).
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(', ');
for (const file of files) {
  console.log(`\n## ${file.replace('.bench.mjs', '')}\n\nload average (1, 5, 15 min) at the start: ${load()}\n`);
  const mod = await import(pathToFileURL(join(here, file)).href);
  await mod.default();
  console.log(`\nload average at the end: ${load()}`);
}
