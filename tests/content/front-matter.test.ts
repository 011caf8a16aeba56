import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { DeckError } from '../../src/core/errors.js';

describe('parseFrontMatter', () => {
  it('parses YAML between --- lines and reports where the body starts', () => {
    const fm = parseFrontMatter('---\ntitle: 你好\nyear: 2018\nparams: null\n---\n# Body\n', 'a.md');
    expect(fm.data).toEqual({ title: '你好', year: 2018, params: null });
    expect(fm.body).toBe('# Body\n');
    expect(fm.bodyLine).toBe(6);
  });

  it('handles CRLF', () => {
    const fm = parseFrontMatter('---\r\ntitle: x\r\n---\r\nbody', 'a.md');
    expect(fm.data.title).toBe('x');
    expect(fm.body).toBe('body');
  });

  it('returns the text unchanged without front matter', () => {
    expect(parseFrontMatter('# A\n---\n# B', 'a.md')).toEqual({ data: {}, body: '# A\n---\n# B', bodyLine: 1, keyLines: {} });
  });

  it('names the file and line of a YAML error', () => {
    const error = (() => {
      try {
        parseFrontMatter('---\ntitle: ok\nyear: [2018\n---\nbody', 'slides/03.md');
      } catch (e) {
        return e as DeckError;
      }
    })();
    expect(error).toBeInstanceOf(DeckError);
    expect(error!.file).toBe('slides/03.md');
    expect(error!.line).toBeGreaterThanOrEqual(3);
    expect(error!.format()).toMatch(/^slides\/03\.md:\d+: front matter is not valid YAML/);
  });

  it('rejects unclosed front matter and a non-mapping', () => {
    expect(() => parseFrontMatter('---\ntitle: x\n# Body', 'a.md')).toThrow(/not closed/);
    expect(() => parseFrontMatter('---\n- a\n- b\n---\nx', 'a.md')).toThrow(/mapping/);
  });
});

describe('parseFrontMatter: lines and refusals', () => {
  const thrown = (text: string) => {
    try {
      parseFrontMatter(text, 'slides/03.md');
    } catch (error) {
      return error as DeckError;
    }
    throw new Error('expected the front matter to be refused');
  };

  it('a file that is only front matter has an empty body on the closing line, or the line after it', () => {
    expect(parseFrontMatter('---\ntitle: x\n---', 'a.md')).toEqual({ data: { title: 'x' }, body: '', bodyLine: 3, keyLines: { title: 2 } });
    expect(parseFrontMatter('---\ntitle: x\n---\n', 'a.md').bodyLine).toBe(4);
  });

  it('refuses a key given twice, at the second one’s line, in one line of message', () => {
    expect(thrown('---\ntitle: a\nlang: en\ntitle: b\nyear: 1\n---\nx')).toMatchObject({
      message: 'front matter is not valid YAML: Map keys must be unique',
      file: 'slides/03.md',
      line: 4,
    });
  });

  it('names the last line with text for an error found at the end (an unclosed bracket or quote)', () => {
    expect(thrown('---\ntitle: ok\nyear: [2018\n\n---\nbody').line).toBe(3);
    expect(thrown("---\ntitle: 'open\nlang: en\n---\n")).toMatchObject({
      message: "front matter is not valid YAML: Missing closing 'quote",
      line: 3,
    });
  });

  it('refuses unclosed front matter at line 1, and a scalar or a list at line 2', () => {
    expect(thrown('---\ntitle: x\n# Body')).toMatchObject({
      message: 'front matter is not closed: add a line with only `---` after it',
      file: 'slides/03.md',
      line: 1,
    });
    for (const text of ['---\nhello\n---\nx', '---\n- a\n---\nx']) {
      expect(thrown(text)).toMatchObject({ message: 'front matter must be a mapping of keys to values', file: 'slides/03.md', line: 2 });
    }
  });
});

describe("Pandoc's % title block", () => {
  it('is read as title, author and date, with the body after it', () => {
    const fm = parseFrontMatter('% Pandoc title block\n% Someone\n% 2024-05-13\n\n# First\n', 'talk.md');
    expect(fm.data).toEqual({ title: 'Pandoc title block', author: 'Someone', date: '2024-05-13' });
    expect(fm.body).toBe('\n# First\n');
    expect(fm.bodyLine).toBe(4);
    expect(fm.keyLines).toEqual({ title: 1, author: 2, date: 3 });
  });

  it("continues a field on indented lines, splits authors at ';', and leaves out a bare %", () => {
    const fm = parseFrontMatter('% A long\r\n  title\r\n%\r\n% May 2024\r\n# Body\r\n', 'talk.md');
    expect(fm.data).toEqual({ title: 'A long title', date: 'May 2024' });
    expect(fm.bodyLine).toBe(5);
    expect(parseFrontMatter('% T\n% Ann; Bob\n  Cy\n', 't.md').data).toEqual({ title: 'T', author: ['Ann', 'Bob', 'Cy'] });
  });

  it('is not read after the first line, nor when YAML comes first', () => {
    expect(parseFrontMatter('# A\n% not a title\n', 'a.md').data).toEqual({});
    expect(parseFrontMatter('---\ntitle: Y\n---\n% body text\n', 'a.md').data).toEqual({ title: 'Y' });
  });
});
