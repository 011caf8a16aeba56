import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { fencedRanges, scanFences, splitNotes, splitSlides } from '../../src/content/split.js';

const defaults = { separator: DEFAULT_SEPARATOR, verticalSeparator: DEFAULT_VERTICAL_SEPARATOR };
const texts = (stacks: { text: string }[][]) => stacks.map((stack) => stack.map((chunk) => chunk.text.trim()));

describe('splitSlides', () => {
  it('splits horizontal slides on --- alone on a line', () => {
    expect(texts(splitSlides('# A\n\n---\n\n# B\n---\n# C', defaults))).toEqual([['# A'], ['# B'], ['# C']]);
  });

  it('groups ---- into a vertical stack under the current slide', () => {
    const stacks = splitSlides('# A\n---\n# B\n----\n# B1\n----\n# B2\n---\n# C', defaults);
    expect(texts(stacks)).toEqual([['# A'], ['# B', '# B1', '# B2'], ['# C']]);
  });

  it('starts a stack with the first slide when the text opens with vertical slides', () => {
    expect(texts(splitSlides('# A\n----\n# A1', defaults))).toEqual([['# A', '# A1']]);
  });

  it('handles CRLF line ends', () => {
    const stacks = splitSlides('# A\r\n\r\n---\r\n\r\n# B\r\n----\r\n# B1', defaults);
    expect(texts(stacks)).toEqual([['# A'], ['# B', '# B1']]);
  });

  it('does not split inside fenced code blocks, ``` or ~~~', () => {
    const md = '# A\n\n```yaml\n---\nkey: 1\n----\n```\n\n---\n\n# B\n\n~~~\n---\n~~~\n';
    const stacks = splitSlides(md, defaults);
    expect(stacks).toHaveLength(2);
    expect(stacks[0]![0]!.text).toContain('key: 1');
    expect(stacks[1]![0]!.text).toContain('~~~\n---\n~~~');
  });

  it('does not treat a longer dash rule or an indented --- as a separator', () => {
    expect(splitSlides('# A\n-----\n# B', defaults)).toHaveLength(1);
    expect(splitSlides('# A\n  ---\n# B', defaults)).toHaveLength(1);
  });

  it('honours custom separators (reveal-md style, regular expressions)', () => {
    const stacks = splitSlides('A\n\n***\n\nB\n\n--v--\n\nB1', { separator: '\\n\\*\\*\\*\\n', verticalSeparator: '\\n--v--\\n' });
    expect(texts(stacks)).toEqual([['A'], ['B', 'B1']]);
  });

  it('reports each chunk offset so line numbers can be derived', () => {
    const md = '# A\n---\n# B\n';
    const [, [b]] = splitSlides(md, defaults) as [unknown, [{ offset: number; text: string }]];
    expect(md.slice(b.offset)).toBe('# B\n');
  });
});

describe('fencedRanges', () => {
  it('closes a fence only with a like fence at least as long', () => {
    const md = '````\n```\n---\n````\nafter';
    const [[start, end]] = fencedRanges(md) as [[number, number]];
    expect(md.slice(start, end)).toBe('````\n```\n---\n````\n');
  });
  it('gives an unclosed fence no range, so it hides no separator, and reports where it opened', () => {
    expect(fencedRanges('x\n```\n---\n')).toEqual([]);
    expect(scanFences('x\n```\n---\n').unclosed).toEqual([2]);
  });
  it('takes a fence line with an info string inside an open fence for a new fence: the open one was never closed', () => {
    const md = '```js\nfoo()```\n---\n```py\n---\n```\n';
    const scan = scanFences(md);
    expect(scan.unclosed).toEqual([0]);
    expect(scan.ranges.map(([start, end]) => md.slice(start, end))).toEqual(['```py\n---\n```\n']);
  });
});

describe('splitSlides: fences that are not closed', () => {
  it('splits after a malformed fence as reveal.js does (issue 10: 3 slides, not 1)', () => {
    const md = '# A\n\n```js\nfoo()```\n\n---\n\n# B\n\n---\n\n# C\n';
    expect(splitSlides(md, defaults).map(([chunk]) => chunk!.text.trim().split('\n')[0])).toEqual(['# A', '# B', '# C']);
  });
  it('still keeps a separator inside a closed fence', () => {
    expect(splitSlides('# A\n```yaml\n---\nkey: 1\n```\n---\n# B\n', defaults)).toHaveLength(2);
  });
});

describe('splitNotes', () => {
  it('splits at a line starting Note: (any case, Notes: too)', () => {
    expect(splitNotes('# A\n\nNote: say hi\nand more', DEFAULT_NOTES_SEPARATOR)).toEqual({
      body: '# A\n',
      notes: 'say hi\nand more',
      extraMarkers: [],
    });
    expect(splitNotes('# A\nnotes: x', DEFAULT_NOTES_SEPARATOR).notes).toBe('x');
  });
  it('keeps the text when there are no notes', () => {
    expect(splitNotes('# A\nA note: not at line start', DEFAULT_NOTES_SEPARATOR)).toEqual({
      body: '# A\nA note: not at line start',
      notes: '',
      extraMarkers: [],
    });
  });
  it('ignores Note: inside a code block', () => {
    const md = '```\nNote: code\n```\nNote: real';
    expect(splitNotes(md, DEFAULT_NOTES_SEPARATOR)).toEqual({ body: '```\nNote: code\n```\n', notes: 'real', extraMarkers: [] });
  });
  it('keeps everything on the slide when there are two notes markers, as reveal.js does', () => {
    const md = '# A\n\nNote: one\n\nvisible?\n\nNote: two\n';
    expect(splitNotes(md, DEFAULT_NOTES_SEPARATOR)).toEqual({
      body: md,
      notes: '',
      extraMarkers: [md.indexOf('Note: one'), md.indexOf('Note: two')],
    });
  });
});

describe('fences as CommonMark reads them', () => {
  const slides = (md: string) => texts(splitSlides(md, defaults));

  it('closes a fence with trailing spaces after it', () => {
    expect(slides('```\n---\n```   \nafter\n\n---\n\nnext')).toEqual([['```\n---\n```   \nafter'], ['next']]);
  });

  it('does not open a fence on a backtick line whose info has a backtick, but does on a tilde one', () => {
    expect(slides('```inline```\n\n---\n\nB')).toEqual([['```inline```'], ['B']]);
    // A later ``` line opens a fence of its own instead of closing one, so the separator between stays one.
    expect(scanFences('```inline```\n---\n```\n')).toEqual({ ranges: [], unclosed: [17] });
    expect(slides('```inline```\n\n---\n\n```\ncode')).toEqual([['```inline```'], ['```\ncode']]);
    expect(scanFences('~~~ a`b\n---\n~~~\n')).toEqual({ ranges: [[0, 16]], unclosed: [] });
  });

  it('closes a fence only with its own character: ~~~ inside ``` is code', () => {
    expect(scanFences('```\na\n~~~\n---\n```\n')).toEqual({ ranges: [[0, 18]], unclosed: [] });
    expect(scanFences('```\na\n~~~js\n---\n```\n')).toEqual({ ranges: [[0, 20]], unclosed: [] });
  });

  it('keeps a shorter fence with an info string inside a longer one as code (Markdown showing Markdown)', () => {
    expect(scanFences('````md\n```js\n---\n````\n')).toEqual({ ranges: [[0, 22]], unclosed: [] });
  });

  it('splits on the separator alone when there is no vertical separator', () => {
    expect(texts(splitSlides('A\n\n---\n\nB', { separator: DEFAULT_SEPARATOR, verticalSeparator: '' }))).toEqual([['A'], ['B']]);
  });
});
