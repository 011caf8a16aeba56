// Check surviving mutants by hand: apply each Survived or NoCoverage mutant of one source file (from a Stryker
// mutation.json) to the working tree, run the given vitest files, and say whether they kill it (KILL) or not (ALIVE).
// The source is always restored. Where the source changed since the run, the mutant is applied at the original
// text nearest its old place, or skipped when that text is gone.
//   node scripts/mutation-try.mjs <mutation.json> <src/content/x.ts> <test files...> [--line N]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const [report, file, ...rest] = process.argv.slice(2);
const lineAt = rest.indexOf('--line');
const onlyLine = lineAt === -1 ? undefined : Number(rest[lineAt + 1]);
const tests = rest.filter((_, i) => lineAt === -1 || (i !== lineAt && i !== lineAt + 1));
const data = JSON.parse(readFileSync(report, 'utf8'));
const entry = data.files[file];
if (!entry) throw new Error(`no ${file} in ${report}`);
const offset = (source, { line, column }) => {
  const lines = source.split('\n');
  let at = 0;
  for (let i = 0; i < line - 1; i++) at += lines[i].length + 1;
  return at + column - 1;
};
const current = readFileSync(file, 'utf8');
const survivors = entry.mutants.filter(
  (m) => (m.status === 'Survived' || m.status === 'NoCoverage') && (onlyLine === undefined || m.location.start.line === onlyLine),
);
let killed = 0;
try {
  for (const mutant of survivors) {
    const from = offset(entry.source, mutant.location.start);
    const to = offset(entry.source, mutant.location.end);
    const original = entry.source.slice(from, to);
    // Find the original text in the current file near the same place (the file may have moved lines).
    const candidates = [];
    for (let at = current.indexOf(original); at !== -1; at = current.indexOf(original, at + 1)) candidates.push(at);
    if (candidates.length === 0) {
      console.log(`SKIP  :${mutant.location.start.line} original text gone`);
      continue;
    }
    const at = candidates.reduce((best, c) => (Math.abs(c - from) < Math.abs(best - from) ? c : best));
    writeFileSync(file, current.slice(0, at) + mutant.replacement + current.slice(at + original.length));
    let ok = true;
    try {
      execFileSync('npx', ['vitest', 'run', ...tests], { stdio: 'pipe' });
    } catch {
      ok = false;
    }
    if (!ok) killed++;
    const shown = `${original.replace(/\s+/g, ' ').slice(0, 70)} → ${mutant.replacement.replace(/\s+/g, ' ').slice(0, 70)}`;
    console.log(`${ok ? 'ALIVE' : 'KILL '} :${mutant.location.start.line} ${mutant.mutatorName} ${shown}`);
  }
} finally {
  writeFileSync(file, current);
}
console.log(`${killed} of ${survivors.length} killed`);
