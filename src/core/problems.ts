/** Many problems of one build reported together: one error listing each with its file and line. */
import { DeckError, isDeckError } from './errors.js';

/** Several problems as one error (its code is the first one's); `problems` lists each with its file and line. */
export class DeckProblems extends DeckError {
  readonly problems: readonly DeckError[];

  constructor(problems: readonly DeckError[]) {
    const list = problems.map((problem) => `  ${problem.format().replace(/\n\s*hint:.*$/s, '')}`).join('\n');
    super(problems[0]!.code, `${problems.length} problems in the deck:\n${list}`, {
      hint: 'fix each file:line above; all of them were found in this one run',
    });
    this.problems = problems;
  }
}

/**
 * One error for every problem of a build, listing each with its file and line (a list inside the list is
 * flattened), in the order of the files and lines; undefined when there are none.
 */
export function combineProblems(problems: readonly DeckError[]): DeckError | undefined {
  const flat = problems.flatMap((problem) => (problem instanceof DeckProblems ? problem.problems : [problem]));
  if (flat.length === 0) return undefined;
  if (flat.length === 1) return flat[0];
  return new DeckProblems(sortByPlace(flat));
}

/** By file (names compared as the deck orders them, numbers as numbers), then line; problems without a file last. */
function sortByPlace(problems: readonly DeckError[]): DeckError[] {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return [...problems].sort((a, b) => {
    if (a.file === undefined || b.file === undefined) return Number(a.file === undefined) - Number(b.file === undefined);
    return collator.compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0);
  });
}

/**
 * Run one step of a build; a DeckError it throws joins `problems` (so the build goes on and reports every
 * problem in one run) and `fallback` is returned. Any other error (a bug, a failed read) propagates.
 */
export function collecting<T>(problems: DeckError[], step: () => T, fallback: T): T {
  try {
    return step();
  } catch (error) {
    if (!isDeckError(error)) throw error;
    problems.push(error);
    return fallback;
  }
}

/** The async form of `collecting`. */
export async function collectingAsync<T>(problems: DeckError[], step: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!isDeckError(error)) throw error;
    problems.push(error);
    return fallback;
  }
}
