// Mutation testing (`npm run mutation`, not part of `npm test`): the modules with fast tests, one or two
// processes at a time so it shares the machine's two cores. Score and survivors: README, "Mutation testing".
// STRYKER_GROUP=core|content|parts runs one part, with its own report and incremental file, so a part's
// survivors can be read while the next part runs. content-text, content-html, content-deck and content-tools split content
// in four (their union is content), each short enough to finish on a busy machine and leave its own report.
// The group also picks the tests vitest.mutation.config.ts runs (mutation-groups.mjs).
import { mutationGroups } from './scripts/mutation-groups.mjs';

const group = process.env.STRYKER_GROUP;
if (group !== undefined && !(group in mutationGroups)) {
  throw new Error(`STRYKER_GROUP must be one of ${Object.keys(mutationGroups).join(', ')}; got "${group}"`);
}
const reports = group === undefined ? 'reports/mutation' : `reports/mutation/${group}`;
const settings = group === undefined ? undefined : mutationGroups[group];
// STRYKER_TYPECHECK=1|0 overrides the group's choice (scripts/mutation-groups.mjs).
const typeCheck =
  process.env.STRYKER_TYPECHECK === undefined ? settings?.typeCheck !== false : process.env.STRYKER_TYPECHECK !== '0';
const sources =
  group === undefined
    ? ['core', 'content', 'parts'].flatMap((name) => mutationGroups[name].mutate)
    : mutationGroups[group].mutate;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  checkers: typeCheck ? ['typescript'] : [],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants: regular expressions, schemas, tables) would each re-run every test
  // and take most of the time; they are left out of the score and listed as ignored in the report.
  ignoreStatic: true,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  // A mutant's tests take well under a second; a mutant that loops is stopped by Stryker's hit limit, and one
  // that hangs costs this long plus a new test runner, so the margin stays small.
  timeoutMS: 8_000,
  mutate: [...sources, '!src/**/index.ts'],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  // Later runs re-test only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  tempDirName: `.stryker-tmp${group === undefined ? '' : `-${group}`}`,
  cleanTempDir: 'always',
};
