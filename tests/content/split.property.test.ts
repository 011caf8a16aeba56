/**
 * Property-based tests (fast-check) of the splitter. The oracle shares no code with the splitter: decks are
 * generated from a model (stacks of slides, slides of lines and fenced code blocks that hold separator-like lines)
 * and written out with the separators, so the slides and notes expected are known by construction. On arbitrary
 * text, splitting never throws and loses no text: each gap between chunks is one whole separator match.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { matchesOutsideCode, splitNotes, splitSlides, type Chunk } from '../../src/content/split.js';
import { assertProperty } from '../helpers/property.js';

/** Each set of separators with the text that writes one between two slides (`eol` is the line ending). */
const SEPARATOR_SETS = [
  {
    name: 'reveal.js defaults',
    separator: DEFAULT_SEPARATOR,
    verticalSeparator: DEFAULT_VERTICAL_SEPARATOR,
    horizontalJoin: (eol: string) => `${eol}---${eol}`,
    verticalJoin: (eol: string) => `${eol}----${eol}`,
  },
  {
    name: 'reveal-md blank-line separators',
    separator: '^\\r?\\n---\\r?\\n$',
    verticalSeparator: '^\\r?\\n--\\r?\\n$',
    horizontalJoin: (eol: string) => `${eol}${eol}---${eol}${eol}`,
    verticalJoin: (eol: string) => `${eol}${eol}--${eol}${eol}`,
  },
  {
    name: 'HTML comment separators',
    separator: '<!--s-->',
    verticalSeparator: '<!--v-->',
    horizontalJoin: (eol: string) => `${eol}<!--s-->${eol}`,
    verticalJoin: (eol: string) => `${eol}<!--v-->${eol}`,
  },
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

/** Lines outside code that no separator set and no notes separator reads as a separator. */
const plainLine = fc.constantFrom(
  '# Title',
  '- item',
  'text 中文',
  'a --- b',
  '--- ',
  '  ---',
  '<div>',
  '`inline`',
  '    indented',
  '',
  '---x',
  'a <!--s--> b'.replace('<!--s-->', '<!-- s -->'),
);
/** Lines inside fenced code: separators and notes lines that must stay code, none of which closes a fence. */
const codeLine = fc.constantFrom('---', '----', '--', '', '<!--s-->', '<!--v-->', 'Note: in code', 'notes: too', 'x = 1', '  ---');
const fenced = fc
  .tuple(fc.constantFrom('```', '```js', '~~~', '````'), fc.array(codeLine, { maxLength: 6 }))
  .map(([open, lines]) => [open, ...lines, open.replace(/[a-z]+$/, '')]);
/** A slide: plain lines and fenced blocks, starting and ending with a line that has text. */
const slideLines = fc
  .array(
    fc.oneof(
      plainLine.map((l) => [l]),
      fenced,
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((blocks) => blocks.flat())
  .filter((lines) => lines[0] !== '' && lines[lines.length - 1] !== '');
/** The model of a deck: horizontal stacks of vertical slides, each slide its lines. */
const deckModel = fc.array(fc.array(slideLines, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 });
const eol = fc.constantFrom('\n', '\r\n');

function flatten(stacks: Chunk[][]): Chunk[] {
  return stacks.flat();
}

describe.each(SEPARATOR_SETS)('splitSlides with $name', (separators) => {
  const pattern = `${separators.separator}|${separators.verticalSeparator}`;

  it('never throws and always gives at least one slide', () => {
    assertProperty(
      fc.property(anyText, (text) => {
        const stacks = splitSlides(text, separators);
        expect(stacks.length).toBeGreaterThanOrEqual(1);
        for (const stack of stacks) expect(stack.length).toBeGreaterThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('gives back the slides and stacks a deck was written from, separators inside fenced code left alone', () => {
    assertProperty(
      fc.property(deckModel, eol, (model, lineEnd) => {
        const text = model
          .map((stack) => stack.map((lines) => lines.join(lineEnd)).join(separators.verticalJoin(lineEnd)))
          .join(separators.horizontalJoin(lineEnd));
        const stacks = splitSlides(text, separators);
        // Blank lines next to a separator may go to either side (reveal-md's separator starts on one).
        expect(stacks.map((stack) => stack.map((chunk) => chunk.text.trim()))).toEqual(
          model.map((stack) => stack.map((lines) => lines.join(lineEnd).trim())),
        );
      }),
      RUNS,
    );
  });

  it('loses no text: chunks cover the input in order and each gap is one whole separator', () => {
    const sticky = new RegExp(pattern, 'my');
    assertProperty(
      fc.property(anyText, (text) => {
        const chunks = flatten(splitSlides(text, separators));
        expect(chunks[0]!.offset).toBe(0);
        const last = chunks[chunks.length - 1]!;
        expect(last.offset + last.text.length).toBe(text.length);
        chunks.forEach((chunk, i) => {
          expect(text.slice(chunk.offset, chunk.offset + chunk.text.length)).toBe(chunk.text);
          if (i === 0) return;
          const gapStart = chunks[i - 1]!.offset + chunks[i - 1]!.text.length;
          expect(chunk.offset).toBeGreaterThan(gapStart);
          sticky.lastIndex = gapStart;
          expect(sticky.exec(text)?.[0]).toBe(text.slice(gapStart, chunk.offset));
        });
      }),
      RUNS,
    );
  });
});

describe('splitSlides: stacks', () => {
  it('classifies a separator with a lookahead as horizontal (Pandoc style: a slide per heading)', () => {
    // The separator matches only the newline before a heading; the heading stays on its slide.
    const stacks = splitSlides('# One\ntext\n## Two\ntext\n## Three', {
      separator: '\\r?\\n(?=#{1,2} )',
      verticalSeparator: DEFAULT_VERTICAL_SEPARATOR,
    });
    expect(stacks.map((stack) => stack.map((chunk) => chunk.text.split('\n')[0]))).toEqual([['# One'], ['## Two'], ['## Three']]);
  });

  it('opens a stack for vertical slides that come first', () => {
    const stacks = splitSlides('a\n----\nb\n---\nc', { separator: DEFAULT_SEPARATOR, verticalSeparator: DEFAULT_VERTICAL_SEPARATOR });
    expect(stacks.map((stack) => stack.map((chunk) => chunk.text))).toEqual([['a', 'b'], ['c']]);
  });
});

describe('splitNotes', () => {
  it('never throws, and body and notes always come from the text', () => {
    assertProperty(
      fc.property(anyText, (text) => {
        const { body, notes } = splitNotes(text, DEFAULT_NOTES_SEPARATOR);
        expect(text.startsWith(body)).toBe(true);
        expect(text.slice(body.length)).toContain(notes);
      }),
      RUNS,
    );
  });

  it('splits at the one Note: line outside code, whatever code above holds', () => {
    const notesLine = fc.constantFrom('say this', '中文備註', 'first\nsecond', 'again: Note:');
    assertProperty(
      fc.property(slideLines, fc.constantFrom('Note:', 'Notes:', 'note:', '  Note:'), notesLine, eol, (lines, marker, notes, lineEnd) => {
        const body = lines.join(lineEnd);
        const split = splitNotes(`${body}${lineEnd}${marker} ${notes.replace(/\n/g, lineEnd)}`, DEFAULT_NOTES_SEPARATOR);
        expect(split.body.trim()).toBe(body.trim());
        expect(split.notes).toBe(notes.replace(/\n/g, lineEnd).trim());
      }),
      RUNS,
    );
  });

  it('gives no notes and keeps all on the slide when two Note: lines are outside code, as reveal.js does', () => {
    assertProperty(
      fc.property(slideLines, eol, (lines, lineEnd) => {
        const text = [...lines, 'Note: one', 'visible', 'Note: two'].join(lineEnd);
        const split = splitNotes(text, DEFAULT_NOTES_SEPARATOR);
        expect(split.body).toBe(text);
        expect(split.notes).toBe('');
        expect(split.extraMarkers.length).toBeGreaterThanOrEqual(2);
      }),
      RUNS,
    );
  });

  it('gives no notes when every Note: line is inside fenced code', () => {
    assertProperty(
      fc.property(slideLines, eol, (lines, lineEnd) => {
        const text = [...lines, '```', 'Note: in code', '```', 'after'].join(lineEnd);
        expect(splitNotes(text, DEFAULT_NOTES_SEPARATOR)).toEqual({ body: text, notes: '', extraMarkers: [] });
      }),
      RUNS,
    );
  });
});

describe('matchesOutsideCode', () => {
  it('never throws, never returns an empty match, and returns matches in order', () => {
    assertProperty(
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
