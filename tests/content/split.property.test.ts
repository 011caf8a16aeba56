/**
 * Property-based tests (fast-check) of the splitter: on any text, with the default or reveal-md separators,
 * splitting never throws, makes one slide more than there are separators outside fenced code, and loses no
 * text: the chunks joined with the separators they were split at give back the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { fencedRanges, matchesOutsideCode, splitNotes, splitSlides, type Chunk } from '../../src/content/split.js';

const SEPARATOR_SETS = [
  { name: 'reveal.js defaults', separator: DEFAULT_SEPARATOR, verticalSeparator: DEFAULT_VERTICAL_SEPARATOR },
  { name: 'reveal-md blank-line separators', separator: '^\\r?\\n---\\r?\\n$', verticalSeparator: '^\\r?\\n--\\r?\\n$' },
  { name: 'HTML comment separators', separator: '<!--s-->', verticalSeparator: '<!--v-->' },
] as const;

/** Lines a Markdown deck is made of, biased towards the ones that matter: separators, fences, notes. */
const line = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '---',
      '----',
      '--',
      '',
      '',
      '```',
      '~~~',
      '```js',
      '````',
      'Note: say this',
      'notes:',
      '<!--s-->',
      '<!--v-->',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom('# Title', '- item', '  ---', '--- ', 'a --- b', '```js [1|2]', '    code', '<div>', '\t~~~', '中文 ---'),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
);
const markdown = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, trailing]) => lines.join(eol) + (trailing ? eol : ''));
/** Anything at all, including lone surrogates and control characters. */
const anyText = fc.oneof(markdown, fc.string({ maxLength: 200, unit: 'binary' }));

const RUNS = { numRuns: 400 };

function flatten(stacks: Chunk[][]): Chunk[] {
  return stacks.flat();
}

describe.each(SEPARATOR_SETS)('splitSlides with $name', (separators) => {
  const pattern = `${separators.separator}|${separators.verticalSeparator}`;

  it('never throws and always gives at least one slide', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const stacks = splitSlides(text, separators);
        expect(stacks.length).toBeGreaterThanOrEqual(1);
        for (const stack of stacks) expect(stack.length).toBeGreaterThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('makes one slide more than there are separators outside fenced code', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const found = matchesOutsideCode(text, pattern);
        expect(flatten(splitSlides(text, separators))).toHaveLength(found.length + 1);
      }),
      RUNS,
    );
  });

  it('loses no text: the chunks joined with the separators give back the input, and offsets point at them', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const chunks = flatten(splitSlides(text, separators));
        const found = matchesOutsideCode(text, pattern);
        let joined = '';
        chunks.forEach((chunk, i) => {
          expect(text.slice(chunk.offset, chunk.offset + chunk.text.length)).toBe(chunk.text);
          joined += chunk.text + (found[i]?.[0] ?? '');
        });
        expect(joined).toBe(text);
      }),
      RUNS,
    );
  });

  it('never splits at a separator inside a fenced code block', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const ranges = fencedRanges(text);
        const all = [...text.matchAll(new RegExp(pattern, 'mg'))].filter((m) => m[0] !== '');
        const kept = new Set(matchesOutsideCode(text, pattern).map((m) => m.index));
        for (const match of all) {
          const lineStart = match.index + (/^\r?\n/.exec(match[0])?.[0].length ?? 0);
          const inCode = ranges.some(([start, end]) => lineStart > start && lineStart < end);
          if (!inCode) expect(kept.has(match.index), `separator at ${match.index} outside code was dropped`).toBe(true);
          else expect(kept.has(match.index), `separator at ${match.index} inside code was used`).toBe(false);
        }
      }),
      RUNS,
    );
  });
});

describe('splitSlides: stacks', () => {
  it('has one stack more than there are horizontal separators (default separators)', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const found = matchesOutsideCode(text, `${DEFAULT_SEPARATOR}|${DEFAULT_VERTICAL_SEPARATOR}`);
        const horizontal = found.filter((m) => new RegExp(DEFAULT_SEPARATOR).test(m[0])).length;
        const stacks = splitSlides(text, { separator: DEFAULT_SEPARATOR, verticalSeparator: DEFAULT_VERTICAL_SEPARATOR });
        // A text that opens with vertical separators puts its first chunk in the first stack.
        expect(stacks).toHaveLength(horizontal + 1);
      }),
      RUNS,
    );
  });

  it('classifies a separator with a lookahead as horizontal (Pandoc style: a slide per heading)', () => {
    // The separator matches only the newline before a heading; the heading stays on its slide. splitSlides
    // re-tests the matched text ("\n") against the separator on its own, where the lookahead cannot see the
    // heading, so every such slide is taken for a vertical one. Known bug in src/content/split.ts (reveal.js's
    // own slidify does the same); see the report.
    const stacks = splitSlides('# One\ntext\n## Two\ntext\n## Three', {
      separator: '\\r?\\n(?=#{1,2} )',
      verticalSeparator: DEFAULT_VERTICAL_SEPARATOR,
    });
    expect(stacks.map((stack) => stack.map((chunk) => chunk.text.split('\n')[0]))).toEqual([['# One'], ['## Two'], ['## Three']]);
  });
});

describe('splitNotes', () => {
  it('never throws; body is the text up to the first notes line outside code, notes the rest', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { body, notes } = splitNotes(text, DEFAULT_NOTES_SEPARATOR);
        const first = matchesOutsideCode(text, DEFAULT_NOTES_SEPARATOR, 'mgi')[0];
        if (!first) {
          expect(body).toBe(text);
          expect(notes).toBe('');
        } else {
          expect(body).toBe(text.slice(0, first.index));
          expect(notes).toBe(text.slice(first.index + first[0].length).trim());
          expect(body + first[0] + text.slice(first.index + first[0].length)).toBe(text);
        }
      }),
      RUNS,
    );
  });

  it('never takes a Note: line inside fenced code for the notes', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), fc.constantFrom('```', '~~~'), (lines, fence) => {
        const inside = lines.filter((l) => !/^\s*[`~]{3}/.test(l) && !/^ {4}|\t/.test(l));
        const text = `${fence}\n${[...inside, 'Note: in code'].join('\n')}\n${fence}\nafter`;
        expect(splitNotes(text, DEFAULT_NOTES_SEPARATOR).notes).toBe('');
      }),
      RUNS,
    );
  });
});

describe('matchesOutsideCode', () => {
  it('never throws, never returns an empty match, and returns matches in order', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(DEFAULT_SEPARATOR, '^', '$', '(?:)', 'a*', DEFAULT_NOTES_SEPARATOR), (text, pattern) => {
        const found = matchesOutsideCode(text, pattern);
        for (let i = 0; i < found.length; i++) {
          expect(found[i]![0]).not.toBe('');
          if (i > 0) expect(found[i]!.index).toBeGreaterThan(found[i - 1]!.index);
        }
      }),
      RUNS,
    );
  });
});
