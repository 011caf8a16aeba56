// The mutation groups: which sources each STRYKER_GROUP mutates and which tests run against its mutants.
// Read by stryker.config.mjs (mutate) and vitest.mutation.config.ts (include); the union of the content-*
// groups is content. core runs every fast test (as its published run did); content and parts run only the tests
// that reach their sources, since no other test covers their mutants and the rest only lengthens the dry run.
// typeCheck: false runs a group without Stryker's TypeScript checker, which took three quarters of the CPU time
// on content (41 mutants of sections.ts: 149 CPU s with it, 39 without, same survivors): a mutant that would not
// compile is then run like any other (esbuild strips the types) and counted, killed or not.

const contentTests = [
  'tests/content/**/*.test.ts',
  // Tests elsewhere that load decks through src/content, so they may kill its mutants too.
  'tests/config/other-tools.test.ts',
  'tests/export/{slides,checks}.test.ts',
];

const content = {
  text: ['src/content/{split,slides,lines,utf8,sources,front-matter}.ts'],
  html: ['src/content/{markdown,math,attributes,sections,slide-ids}.ts'],
  deck: ['src/content/{deck,assets,data,timing}.ts'],
};
// The rest of src/content: what other tools' decks bring (Pandoc, Marp, Slidev, reveal-md notes), inferred title
// and language, visuals, pauses, title blocks. A glob with the three parts taken out, so a new file is in a group.
content.tools = [
  'src/content/*.ts',
  '!src/content/types.ts',
  ...Object.values(content)
    .flat()
    .map((glob) => `!${glob}`),
];

/** Every fast test: no browser, no CLI spawn. */
export const fastTests = [
  'tests/core/**/*.test.ts',
  'tests/config/**/*.test.ts',
  'tests/content/**/*.test.ts',
  'tests/serve/{coalesce,html-diff,listen,protocol,rate-limit,safe-path,token,urls}.test.ts',
  'tests/rehearse/{recorder,report,record-limits,apply,format,journal,summarize}.test.ts',
  'tests/export/{requests,slides,checks,pdf-amend}.test.ts',
];

export const mutationGroups = {
  core: { mutate: ['src/core/**/*.ts', 'src/config/**/*.ts'], tests: fastTests },
  content: { mutate: ['src/content/**/*.ts', '!src/content/types.ts'], tests: contentTests, typeCheck: false },
  'content-text': { mutate: content.text, tests: contentTests, typeCheck: false },
  'content-html': { mutate: content.html, tests: contentTests, typeCheck: false },
  'content-deck': { mutate: content.deck, tests: contentTests, typeCheck: false },
  'content-tools': { mutate: content.tools, tests: contentTests, typeCheck: false },
  parts: {
    mutate: [
      'src/serve/{coalesce,html-diff,listen,protocol,rate-limit,safe-path,token,urls}.ts',
      'src/rehearse/{model,journal,summarize,format}.ts',
      'src/export/{requests,slides,checks}.ts',
    ],
    tests: [
      'tests/serve/{coalesce,html-diff,listen,protocol,rate-limit,safe-path,token,urls}.test.ts',
      'tests/rehearse/{recorder,report,record-limits,apply,format,journal,summarize}.test.ts',
      'tests/export/{requests,slides,checks,pdf-amend}.test.ts',
    ],
    typeCheck: false,
  },
};
