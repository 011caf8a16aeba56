/**
 * fast-check settings shared by every property test: a fixed seed by default, so CI never depends on luck, and
 * the seed printed by every run so any run (including a random one) can be replayed exactly.
 *
 *   FC_SEED=123 npx vitest run tests/content     replays seed 123
 *   FC_SEED=random npx vitest run tests/content  explores with a fresh seed (printed)
 *
 * A counterexample found this way becomes a plain unit test next to the property (see tests/content/markdown.test.ts).
 */
import fc from 'fast-check';

/** The seed CI runs with; any fixed number would do, this one is the talk's year. */
export const DEFAULT_SEED = 2024;

/** The seed for this run: FC_SEED (a number, or `random`), else DEFAULT_SEED. */
export function propertySeed(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.FC_SEED?.trim();
  if (!value) return DEFAULT_SEED;
  if (value === 'random') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(value);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got "${value}"`);
  return seed;
}

/**
 * fc.assert with the run's seed: prints `fast-check seed N` and, on failure, adds the command that replays it
 * (fast-check's own message already names the seed, the shrunk counterexample and its path).
 */
export function assertProperty<Ts>(property: fc.IRawProperty<Ts>, options: { numRuns: number; name?: string }): void {
  const seed = propertySeed();
  console.info(`fast-check seed ${seed}${options.name ? ` (${options.name})` : ''}: replay with FC_SEED=${seed}`);
  try {
    fc.assert(property, { seed, numRuns: options.numRuns });
  } catch (error) {
    if (error instanceof Error) error.message += `\n\nReplay this run: FC_SEED=${seed} npx vitest run <this file>`;
    throw error;
  }
}
