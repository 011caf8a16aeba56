// Mutation testing (`npm run mutation`, not part of `npm test`): the modules with fast tests, one or two
// processes at a time so it shares the machine's two cores. Score and survivors: README, "Mutation testing".
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
  mutate: [
    'src/core/**/*.ts',
    'src/config/**/*.ts',
    'src/content/**/*.ts',
    '!src/**/index.ts',
    '!src/content/types.ts',
    'src/serve/{coalesce,html-diff,listen,protocol,rate-limit,safe-path,token,urls}.ts',
    'src/rehearse/{model,journal,summarize,format}.ts',
    'src/export/{requests,slides,checks}.ts',
  ],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Later runs re-test only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
