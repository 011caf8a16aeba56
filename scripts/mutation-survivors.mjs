// The mutants a Stryker run left alive, by file: where, which mutator, original → replacement.
//   node scripts/mutation-survivors.mjs reports/mutation/core/mutation.json [more mutation.json …] [--all]
//     [--files <regex>]
// Prints the score (killed + timed out over everything that ran, as Stryker counts it) per file and in total,
// then each Survived and NoCoverage mutant; --all also lists the ones killed; --files keeps only the source files
// whose path matches (a report also carries the files of its incremental base that the run did not mutate).
// Reads the JSON that Stryker's json reporter writes (the mutation-testing-report-schema).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const showAll = args.includes('--all');
const filesAt = args.indexOf('--files');
const only = filesAt === -1 ? undefined : new RegExp(args[filesAt + 1] ?? '');
const reports = args.filter((arg, index) => arg !== '--all' && (filesAt === -1 || (index !== filesAt && index !== filesAt + 1)));
if (reports.length === 0) {
  console.error('usage: node scripts/mutation-survivors.mjs <mutation.json> [more …] [--all] [--files <regex>]');
  process.exit(2);
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** The source text a mutant replaces (locations are 1-based lines, 1-based columns, end exclusive). */
function originalText(source, { start, end }) {
  const lines = source.split('\n');
  const first = start.line - 1;
  const last = end.line - 1;
  if (first === last) return lines[first].slice(start.column - 1, end.column - 1);
  return [lines[first].slice(start.column - 1), ...lines.slice(first + 1, last), lines[last].slice(0, end.column - 1)].join('\n');
}

/** One line, at most 100 characters, for the listing. */
function short(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 97)}...` : flat;
}

const total = { detected: 0, undetected: 0, other: 0 };
for (const report of reports) {
  const { files } = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`# ${report}`);
  const kept = Object.entries(files).filter(([file]) => only === undefined || only.test(file));
  for (const [file, { source, mutants }] of kept.sort(([a], [b]) => a.localeCompare(b))) {
    const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
    const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length;
    total.detected += detected;
    total.undetected += undetected;
    total.other += mutants.length - detected - undetected;
    const score = detected + undetected === 0 ? 'n/a' : `${((100 * detected) / (detected + undetected)).toFixed(1)}%`;
    console.log(`\n${file}: ${score} (${detected} killed, ${undetected} alive)`);
    const listed = mutants
      .filter((m) => showAll || UNDETECTED.has(m.status))
      .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
    for (const mutant of listed) {
      const where = `${file}:${mutant.location.start.line}:${mutant.location.start.column}`;
      const original = short(originalText(source, mutant.location));
      console.log(`  ${where} ${mutant.status} ${mutant.mutatorName}: ${original} → ${short(mutant.replacement ?? '')}`);
    }
  }
  console.log('');
}
const ran = total.detected + total.undetected;
console.log(
  `Total: ${ran === 0 ? 'n/a' : `${((100 * total.detected) / ran).toFixed(1)}%`} killed ` +
    `(${total.detected} of ${ran}; ${total.other} ignored, compile errors or not run)`,
);
