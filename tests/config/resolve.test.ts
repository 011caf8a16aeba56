/** Layering and validation of the deck's settings: defaults < config file < front matter < flags, frozen. */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { configKeysOf, resolveConfig, validateLayer } from '../../src/config/resolve.js';
import { DeckError, ErrorCode } from '../../src/core/errors.js';
import type { DeckWarning } from '../../src/core/warnings.js';
import { thrownDeckError } from '../helpers/deck-error.js';
import { EXPECTED_DEFAULTS } from '../helpers/expected-defaults.js';

describe('resolveConfig', () => {
  it('gives the defaults with no layers, frozen all the way down', () => {
    const config = resolveConfig([]);
    // Written out in the helper, not read from defaults.ts, so a changed default fails here.
    expect(config).toEqual(EXPECTED_DEFAULTS);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.timing)).toBe(true);
    expect(Object.isFrozen(config.pdf)).toBe(true);
    expect(Object.isFrozen(config.keywords)).toBe(true);
  });

  it('lets each later layer win, key by key, nested keys included', () => {
    const config = resolveConfig([
      {
        source: 'deck.config.yaml',
        values: { title: 'File', theme: 'gpt-dark', timing: { wordsPerMinute: 100, minSeconds: 5 }, pdf: { paper: 'letter' } },
      },
      { source: '01.md', values: { title: 'Front matter', timing: { minSeconds: 8 } } },
      { source: 'command line', values: { theme: 'white', pdf: { fragments: true }, title: undefined } },
    ]);
    expect(config.title).toBe('Front matter');
    expect(config.theme).toBe('white');
    expect(config.timing).toEqual({ ...defaultConfig().timing, wordsPerMinute: 100, minSeconds: 8 });
    expect(config.pdf).toEqual({ ...defaultConfig().pdf, paper: 'letter', fragments: true });
  });

  it('names the file, line, key and the allowed keys for an unknown key', () => {
    const error = thrownDeckError(() => resolveConfig([{ source: 'deck.config.yaml', values: { pdf: { papr: 'A4' } }, line: 1 }]));
    expect(error.code).toBe(ErrorCode.BadConfig);
    expect(error.file).toBe('deck.config.yaml');
    expect(error.line).toBe(1);
    expect(error.message).toBe('invalid settings: unknown key "pdf.papr"');
    // The keys allowed where the unknown one is: pdf's own.
    expect(error.hint).toBe(`allowed keys: ${Object.keys(defaultConfig().pdf).join(', ')}`);
    const several = thrownDeckError(() => validateLayer({ source: 'x', values: { colour: 1, shade: 2 }, lines: { colour: 2, shade: 3 } }));
    expect(several.message).toBe(
      '2 problems in the deck:\n  x:2: invalid settings: unknown key "colour"\n  x:3: invalid settings: unknown key "shade"',
    );
  });

  it('reports every bad key of a layer, each on its own line, and keeps the good ones', () => {
    const layer = {
      source: '01.md',
      values: { width: 'wide', title: 'Kept', pdf: { timeout: -1, papr: 'A4' } },
      lines: { width: 2, 'pdf.timeout': 5, 'pdf.papr': 6 },
    };
    const problems: DeckError[] = [];
    const config = resolveConfig([layer], [], problems);
    expect(config.title).toBe('Kept');
    expect(config.width).toBe(defaultConfig().width);
    const byLine = [...problems].sort((a, b) => a.line! - b.line!);
    expect(byLine.map((problem) => [problem.file, problem.line, problem.code])).toEqual([
      ['01.md', 2, ErrorCode.BadConfig],
      ['01.md', 5, ErrorCode.BadConfig],
      ['01.md', 6, ErrorCode.BadConfig],
    ]);
    expect(byLine[0]!.message).toMatch(/^invalid settings: "width": .*expected number/);
    expect(byLine[1]!.message).toMatch(/^invalid settings: "pdf\.timeout": /);
    expect(byLine[2]!.message).toBe('invalid settings: unknown key "pdf.papr"');
    expect(() => validateLayer(layer)).toThrow(/^3 problems in the deck:/);
  });

  it('several unknown keys in one mapping are one problem naming them all, and the layer’s good keys still apply', () => {
    const problems: DeckError[] = [];
    const config = resolveConfig(
      [
        {
          source: 'deck.config.yaml',
          values: { title: 'Kept', pdf: { papr: 'A4', fragmnts: true, paper: 'letter' } },
          lines: { pdf: 2, 'pdf.papr': 3, 'pdf.fragmnts': 4, 'pdf.paper': 5 },
        },
      ],
      [],
      problems,
    );
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [3, 'invalid settings: unknown key "pdf.papr", "pdf.fragmnts"'],
    ]);
    expect([config.title, config.pdf.paper, config.pdf.fragments]).toEqual(['Kept', 'letter', false]);
  });

  it('refuses values each key does not allow', () => {
    for (const values of [
      { separator: '(' },
      { separator: '' },
      { margin: 1.5 },
      { margin: -0.1 },
      { width: 0 },
      { height: 10.5 },
      { transition: 'spin' },
      { slideNumber: 'x' },
      { duration: 'soon' },
      { lang: 'x' },
      { theme: '' },
      { timing: { cjkCharsPerMinute: 0 } },
      { timing: { minSeconds: -1 } },
      { pdf: { handout: '4up' } },
      { pdf: { paper: 'A3' } },
      { pdf: { timeout: 1.5 } },
      { keywords: 5 },
      { controls: 'yes' },
      // Not numbers, though Number() would make one of each (1, 0, 720).
      { width: true },
      { margin: null },
      { height: [720] },
    ]) {
      expect(() => validateLayer({ source: 'c', values }), JSON.stringify(values)).toThrow(DeckError);
    }
  });

  it('accepts every documented value', () => {
    const config = resolveConfig([
      {
        source: 'c',
        values: {
          transition: 'zoom',
          slideNumber: false,
          controls: false,
          progress: false,
          hash: false,
          center: true,
          margin: 0,
          duration: '1.5h',
          math: true,
          keywords: ['a'],
          pdf: { handout: '6up', paper: 'letter', timeout: 5000, strict: false, fragments: true },
          timing: { cjkCharsPerMinute: 300, wordsPerMinute: 160, minSeconds: 0 },
        },
      },
    ]);
    expect(config).toMatchObject({ transition: 'zoom', slideNumber: false, center: true, margin: 0, duration: '1.5h' });
    for (const slideNumber of [true, 'h.v', 'h/v', 'c', 'c/t'])
      expect(resolveConfig([{ source: 'c', values: { slideNumber } }]).slideNumber).toBe(slideNumber);
    for (const duration of ['20m', '1h', '90s', '20 min', '45'])
      expect(resolveConfig([{ source: 'c', values: { duration } }]).duration).toBe(duration);
  });
});

describe('configKeysOf', () => {
  it('keeps the deck settings of a front matter block and leaves section data out', () => {
    expect(configKeysOf({ title: 'T', model: 'GPT-1', year: 2018, theme: 'gpt', layout: 'model', pdf: { paper: 'A4' } })).toEqual({
      title: 'T',
      theme: 'gpt',
      pdf: { paper: 'A4' },
    });
  });
});

describe('what a problem with a setting says', () => {
  it('hints what the key takes: the allowed values, the allowed forms, or the type', () => {
    expect(thrownDeckError(() => validateLayer({ source: 'c', values: { slideNumber: 'x' } })).hint).toBe(
      'allowed: boolean, "h.v", "h/v", "c", "c/t"',
    );
    expect(thrownDeckError(() => validateLayer({ source: 'c', values: { width: 'wide' } })).hint).toBe('expected a number');
    expect(thrownDeckError(() => validateLayer({ source: 'c', values: { pdf: 5 } })).hint).toBe('expected an object');
    expect(thrownDeckError(() => validateLayer({ source: 'c', values: { pdf: { handout: '4up' } } })).hint).toBe(
      'allowed values: "notes", "2up", "3up", "6up"',
    );
  });

  it('names the key’s own line, else its parent key’s, else where the layer starts', () => {
    const values = { pdf: { paper: 'A5' } };
    expect(thrownDeckError(() => validateLayer({ source: 'c', values, lines: { pdf: 4, 'pdf.paper': 5 }, line: 1 })).line).toBe(5);
    expect(thrownDeckError(() => validateLayer({ source: 'c', values, lines: { pdf: 4 }, line: 1 })).line).toBe(4);
    expect(thrownDeckError(() => validateLayer({ source: 'c', values, lines: {}, line: 2 })).line).toBe(2);
  });

  it('an unknown key suggests the setting it is a typo of, and only a near one', () => {
    const typo = thrownDeckError(() => validateLayer({ source: 'c', values: { widht: 1 } }));
    expect(typo.message).toBe('invalid settings: unknown key "widht" (did you mean "width"?)');
    expect(typo.hint).toMatch(/^allowed keys: title, .*, pdf; reveal\.js options go under revealOptions$/);
    expect(thrownDeckError(() => validateLayer({ source: 'c', values: { zzzzzzz: 1 } })).message).toBe(
      'invalid settings: unknown key "zzzzzzz"',
    );
  });
});

describe('reveal.js options', () => {
  it('written at the top level go to revealOptions, beside those given there', () => {
    expect(resolveConfig([{ source: 'c', values: { loop: true, revealOptions: { controlsLayout: 'edges' } } }]).revealOptions).toEqual({
      loop: true,
      controlsLayout: 'edges',
    });
  });

  it('that are deck settings are taken out of revealOptions, unless the layer sets the key itself', () => {
    const lifted = resolveConfig([{ source: 'c', values: { revealOptions: { width: 1024, center: true, loop: true } } }]);
    expect([lifted.width, lifted.center, lifted.revealOptions]).toEqual([1024, true, { loop: true }]);
    const own = resolveConfig([{ source: 'c', values: { width: 800, revealOptions: { width: 1024 } } }]);
    expect([own.width, own.revealOptions]).toEqual([800, {}]);
  });

  it('revealOptions that is not a mapping is a problem with that key', () => {
    const error = thrownDeckError(() => validateLayer({ source: 'c', values: { revealOptions: 5 }, lines: { revealOptions: 3 } }));
    expect([error.line, error.message]).toEqual([3, 'invalid settings: "revealOptions": Invalid input: expected record, received number']);
    // YAML's `revealOptions:` with nothing under it is null; a list is not a mapping either.
    for (const revealOptions of [null, [{ loop: true }], 'loop']) {
      const bad = thrownDeckError(() => validateLayer({ source: 'c', values: { revealOptions, loop: true }, lines: { revealOptions: 4 } }));
      expect([bad.line, bad.message], JSON.stringify(revealOptions)).toEqual([
        4,
        expect.stringMatching(/^invalid settings: "revealOptions": /),
      ]);
    }
  });
});

describe('keys in front matter and flags', () => {
  it('front matter keeps an unknown key as section data, warning only of a near miss or another tool’s key', () => {
    const warnings: DeckWarning[] = [];
    const values = validateLayer(
      {
        source: '02.md',
        values: { them: 'x', model: 'GPT-2', toc: true, paginate: true, title: 'T' },
        kind: 'front-matter',
        lines: { them: 2, toc: 3, paginate: 4 },
      },
      warnings,
    );
    expect(values).toEqual({ title: 'T' });
    // Marp's directives in front matter are read with the slides (tests/content/marp-directives.test.ts).
    expect(warnings).toEqual([
      { file: '02.md', line: 2, message: '"them" is not a setting (did you mean "theme"?); it is kept as section data' },
      { file: '02.md', line: 3, message: '"toc" is a Pandoc setting that this tool does not support; it is ignored' },
    ]);
  });

  it('a config file does not read Marp’s directives: each is a warning on its line saying where they go', () => {
    const warnings: DeckWarning[] = [];
    const values = validateLayer({ source: 'deck.config.yaml', values: { paginate: true, title: 'T' }, lines: { paginate: 1 } }, warnings);
    expect(values).toEqual({ title: 'T' });
    expect(warnings).toEqual([
      {
        file: 'deck.config.yaml',
        line: 1,
        message:
          '"paginate" is a Marp directive: it is read in a Marp deck\'s front matter or in a <!-- paginate: … --> comment, not in a config file; here it is ignored',
      },
    ]);
  });

  it('a flag that is not a setting is an error, never data', () => {
    const error = thrownDeckError(() => validateLayer({ source: 'command line', values: { bogus: 1 }, kind: 'flags' }));
    expect([error.code, error.message]).toEqual([ErrorCode.BadConfig, 'invalid settings: unknown key "bogus"']);
  });
});

describe('values as other tools and hand-written files give them', () => {
  const one = (values: Record<string, unknown>) => resolveConfig([{ source: 'c', values }]);

  it('reads a number written as a string, spaces and decimals included, and only a whole number', () => {
    expect(one({ width: '1024', height: '  768 ', margin: '0.125' })).toMatchObject({ width: 1024, height: 768, margin: 0.125 });
    expect(one({ timing: { minSeconds: '10' } }).timing.minSeconds).toBe(10);
    for (const width of ['1024px', 'x1024', '10 24', '1.', '-', '']) expect(() => one({ width }), width).toThrow(DeckError);
    expect(() => one({ margin: '-0.5' })).toThrow(/"margin"/);
  });

  it('reads "true" and "false" in any case and with spaces as booleans, and nothing else', () => {
    expect(one({ controls: ' FALSE ', progress: 'True', hash: 'false', center: 'true' })).toMatchObject({
      controls: false,
      progress: true,
      hash: false,
      center: true,
    });
    expect(one({ controls: ' true ' }).controls).toBe(true);
    for (const controls of ['no', 'falsey', 'not true', 'yes']) expect(() => one({ controls }), controls).toThrow(DeckError);
    expect(one({ slideNumber: 'FALSE' }).slideNumber).toBe(false);
    expect(one({ slideNumber: 'True' }).slideNumber).toBe(true);
    expect(one({ slideNumber: 'c/t' }).slideNumber).toBe('c/t');
    for (const slideNumber of ['untrue', 'falsely', 'is true']) expect(() => one({ slideNumber }), slideNumber).toThrow(DeckError);
  });

  it('splits comma keywords, dropping empty ones', () => {
    expect(one({ keywords: 'GPT, 語言模型, ,AI,' }).keywords).toEqual(['GPT', '語言模型', 'AI']);
  });

  it('math: katex and mathjax (reveal-md, Pandoc) turn it on', () => {
    expect(one({ math: 'katex' }).math).toBe(true);
    expect(one({ math: 'mathjax' }).math).toBe(true);
    expect(one({ math: 'false' }).math).toBe(false);
    expect(() => one({ math: 'tex' })).toThrow(DeckError);
  });

  it('refuses a separator that is not a regular expression, naming the key', () => {
    const error = thrownDeckError(() => validateLayer({ source: 'c', values: { notesSeparator: '[' } }));
    expect(error.message).toBe('invalid settings: "notesSeparator": must be a valid regular expression');
  });
});

describe("Pandoc's incremental and slide-level", () => {
  it('are settings, layered like the others: deck config < front matter < flags', () => {
    const warnings: DeckWarning[] = [];
    const config = resolveConfig(
      [
        { source: 'deck.config.yaml', values: { incremental: true, 'slide-level': 3 } },
        { source: 'talk.md', values: { incremental: 'false', 'slide-level': '2' }, kind: 'front-matter' },
      ],
      warnings,
    );
    expect([config.incremental, config.slideLevel]).toEqual([false, 2]);
    expect(
      resolveConfig([
        { source: 'talk.md', values: { incremental: 'false' } },
        { source: 'command line', values: { incremental: true }, kind: 'flags' },
      ]).incremental,
    ).toBe(true);
    expect(resolveConfig([{ source: 'deck.config.yaml', values: { slideLevel: 0 } }]).slideLevel).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('a bad slide-level is reported on its own line with what it takes; other Pandoc-only keys still warn', () => {
    const problems: DeckError[] = [];
    const warnings: DeckWarning[] = [];
    resolveConfig(
      [{ source: 'talk.md', values: { 'slide-level': 7, toc: true }, lines: { 'slide-level': 4, toc: 5 }, kind: 'front-matter' }],
      warnings,
      problems,
    );
    expect(problems.map((problem) => [problem.file, problem.line, problem.message])).toEqual([
      ['talk.md', 4, expect.stringContaining('"slideLevel"')],
    ]);
    expect(warnings).toEqual([
      { file: 'talk.md', line: 5, message: '"toc" is a Pandoc setting that this tool does not support; it is ignored' },
    ]);
  });
});
