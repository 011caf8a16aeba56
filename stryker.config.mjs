// Mutation testing (`npm run mutation`, not part of `npm test`): the modules with fast tests, one or two
// processes at a time so it shares the machine's two cores. Score and survivors: README, "Mutation testing".
// STRYKER_GROUP=core|content|parts runs one part, with its own report and incremental file, so a part's
// survivors can be read while the next part runs.

const groups = {
  core: ['src/core/**/*.ts', 'src/config/**/*.ts'],
  content: ['src/content/**/*.ts', '!src/content/types.ts'],
  parts: [
    'src/serve/{coalesce,html-diff,listen,protocol,rate-limit,safe-path,token,urls}.ts',
    'src/rehearse/{model,journal,summarize,format}.ts',
    'src/export/{requests,slides,checks}.ts',
  ],
};

const group = process.env.STRYKER_GROUP;
if (group !== undefined && !(group in groups)) {
  throw new Error(`STRYKER_GROUP must be one of ${Object.keys(groups).join(', ')}; got "${group}"`);
}
const reports = group === undefined ? 'reports/mutation' : `reports/mutation/${group}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants: regular expressions, schemas, tables) would each re-run every test
  // and take most of the time; they are left out of the score and listed as ignored in the report.
  ignoreStatic: true,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  mutate: [...(group === undefined ? Object.values(groups).flat() : groups[group]), '!src/**/index.ts'],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  // Later runs re-test only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  tempDirName: `.stryker-tmp${group === undefined ? '' : `-${group}`}`,
  cleanTempDir: 'always',
};
