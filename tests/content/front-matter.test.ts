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
