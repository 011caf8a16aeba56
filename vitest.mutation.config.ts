// The fast tests Stryker runs against each mutant (`npm run mutation`): no browser, no CLI spawn; STRYKER_GROUP
// narrows them to the tests that reach the group's sources (scripts/mutation-groups.mjs).
import { defineConfig } from 'vitest/config';
import { fastTests, mutationGroups } from './scripts/mutation-groups.mjs';

const group = process.env.STRYKER_GROUP;
const groupTests = group !== undefined && group in mutationGroups ? mutationGroups[group as keyof typeof mutationGroups].tests : undefined;

export default defineConfig({
  test: {
    include: groupTests ?? fastTests,
    exclude: ['tests/content/reveal-parity.test.ts'],
    testTimeout: 60_000,
  },
});
