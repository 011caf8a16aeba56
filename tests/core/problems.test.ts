/**
 * Many problems of one build reported as one error: every file:line in the order the deck reads its files
 * (numbers as numbers), problems without a file last, nested lists flattened; and a build step whose DeckError
 * joins the list while any other error (a bug) still stops the build.
 */
import { describe, expect, it } from 'vitest';
import { DeckError, ErrorCode } from '../../src/core/errors.js';
import { collecting, collectingAsync, combineProblems, DeckProblems } from '../../src/core/problems.js';

const bad = (file: string | undefined, line: number | undefined, message = 'bad', code: ErrorCode = ErrorCode.BadInput) =>
  new DeckError(code, message, { file, line, hint: 'fix it' });

describe('combineProblems', () => {
  it('none is no error, and one is that error itself', () => {
    expect(combineProblems([])).toBeUndefined();
    const one = bad('a.md', 1);
    expect(combineProblems([one])).toBe(one);
    expect(combineProblems([new DeckProblems([one, bad('b.md', 2)])])).toBeInstanceOf(DeckProblems);
  });

  it('lists every problem as file:line: message, without their hints, in file order with numbers as numbers', () => {
    const error = combineProblems([
      bad('slides/10-end.md', 3, 'ten'),
      bad(undefined, undefined, 'no file', ErrorCode.BadConfig),
      bad('slides/2-mid.md', 12, 'two, line 12'),
      bad('slides/2-mid.md', 4, 'two, line 4'),
      bad('slides/01-start.md', undefined, 'one, no line'),
    ]);
    expect(error).toBeInstanceOf(DeckProblems);
    expect(error!.message).toBe(
      [
        '5 problems in the deck:',
        '  slides/01-start.md: one, no line',
        '  slides/2-mid.md:4: two, line 4',
        '  slides/2-mid.md:12: two, line 12',
        '  slides/10-end.md:3: ten',
        '  no file',
      ].join('\n'),
    );
    expect(error!.format()).toMatch(/\n {2}hint: fix each file:line above; all of them were found in this one run$/);
    // The error's code is its first problem's; the list keeps each problem as it was.
    expect(error!.code).toBe(ErrorCode.BadInput);
    expect((error as DeckProblems).problems.map((problem) => problem.message)).toEqual([
      'one, no line',
      'two, line 4',
      'two, line 12',
      'ten',
      'no file',
    ]);
  });

  it('file names compare without case, as the deck orders its files', () => {
    const error = combineProblems([bad('B.md', 1, 'B'), bad('a.md', 1, 'a'), bad('c.md', 1, 'c')]) as DeckProblems;
    expect(error.problems.map((problem) => problem.message)).toEqual(['a', 'B', 'c']);
  });

  it('a problem without a file goes last wherever it starts', () => {
    const error = combineProblems([bad(undefined, 1, 'none'), bad('z.md', 9, 'z'), bad(undefined, 2, 'none again')]) as DeckProblems;
    expect(error.problems.map((problem) => problem.message)).toEqual(['z', 'none', 'none again']);
    expect(error.code).toBe(ErrorCode.BadInput);
  });

  it('the code is the first problem’s after sorting', () => {
    const error = combineProblems([bad('b.md', 1, 'b', ErrorCode.BadInput), bad('a.md', 1, 'a', ErrorCode.BadConfig)]);
    expect(error!.code).toBe(ErrorCode.BadConfig);
  });

  it('flattens a list of problems inside the list', () => {
    const inner = combineProblems([bad('b.md', 2, 'b2'), bad('a.md', 1, 'a1')])!;
    const error = combineProblems([inner, bad('a.md', 5, 'a5')]) as DeckProblems;
    expect(error.problems.map((problem) => problem.message)).toEqual(['a1', 'a5', 'b2']);
    expect(error.message).toMatch(/^3 problems in the deck:\n/);
  });
});

describe('collecting', () => {
  it('returns the step’s value when it succeeds', async () => {
    const problems: DeckError[] = [];
    expect(collecting(problems, () => 7, 0)).toBe(7);
    expect(await collectingAsync(problems, async () => 8, 0)).toBe(8);
    expect(problems).toEqual([]);
  });

  it('a DeckError joins the problems and the fallback is used', async () => {
    const problems: DeckError[] = [];
    const first = bad('a.md', 1);
    const second = bad('b.md', 2);
    expect(
      collecting(
        problems,
        () => {
          throw first;
        },
        'fallback',
      ),
    ).toBe('fallback');
    expect(
      await collectingAsync(
        problems,
        async () => {
          throw second;
        },
        'async fallback',
      ),
    ).toBe('async fallback');
    expect(problems).toEqual([first, second]);
  });

  it('any other error stops the build', async () => {
    const problems: DeckError[] = [];
    expect(() =>
      collecting(
        problems,
        () => {
          throw new TypeError('a bug');
        },
        0,
      ),
    ).toThrow(TypeError);
    await expect(
      collectingAsync(
        problems,
        async () => {
          throw new TypeError('a bug');
        },
        0,
      ),
    ).rejects.toThrow(TypeError);
    expect(problems).toEqual([]);
  });
});
