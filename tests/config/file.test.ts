/** The config file: found beside the slides (yaml, yml, json in that order) or named with --config; errors name file and line. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAMES, loadConfigFile, parseConfigText } from '../../src/config/file.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { loadDeck } from '../../src/content/deck.js';
import { ErrorCode } from '../../src/core/errors.js';
import { rejectedDeckError } from '../helpers/deck-error.js';
import { thrownDeckError } from '../helpers/deck-error.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const { path: workPath } = useTempFolder('deck-config-');

describe('parseConfigText', () => {
  it('reads YAML and JSON into a layer named after the file', () => {
    expect(parseConfigText('title: T\npdf:\n  paper: letter\n', 'deck.config.yaml')).toEqual({
      source: 'deck.config.yaml',
      values: { title: 'T', pdf: { paper: 'letter' } },
      lines: { title: 1, pdf: 2, 'pdf.paper': 3 },
    });
    expect(parseConfigText('{"title":"J"}', 'deck.config.json')).toEqual({
      source: 'deck.config.json',
      values: { title: 'J' },
      lines: { title: 1 },
    });
    expect(parseConfigText('', 'deck.config.yaml').values).toEqual({});
    expect(parseConfigText('null', 'deck.config.json').values).toEqual({});
  });

  it('names the file and line of a YAML syntax error', () => {
    const cases: [string, number][] = [
      ['a: 1\nb: 2\n\tc: 3\n', 3],
      ['a: 1\na: 2\n', 2],
      ['a: 1\nb: 2\nc: d: e\n', 3],
    ];
    for (const [text, line] of cases) {
      const error = thrownDeckError(() => parseConfigText(text, 'deck.config.yaml'));
      expect([error.code, error.file, error.line], text).toEqual([ErrorCode.BadConfig, 'deck.config.yaml', line]);
      // What is wrong, in words, once: the place is the error's line, not a code frame in the message.
      expect(error.message).toMatch(/^not valid YAML: \w+ \w+ [^\n]+$/);
      expect(error.message).not.toMatch(/line \d|column \d|:$/);
    }
  });

  it('names the file of a JSON syntax error', () => {
    const error = thrownDeckError(() => parseConfigText('{"title": }', 'deck.config.json'));
    expect([error.code, error.file]).toEqual([ErrorCode.BadConfig, 'deck.config.json']);
    expect(error.message).toMatch(/^not valid JSON: /);
  });

  it('refuses a config that is not a mapping, YAML or JSON, naming the file', () => {
    for (const [text, file] of [
      ['- a\n- b\n', 'c.yaml'],
      ['just text\n', 'c.yaml'],
      ['[1, 2]', 'c.json'],
      ['5', 'c.json'],
      ['"text"', 'c.json'],
    ]) {
      const error = thrownDeckError(() => parseConfigText(text!, file!));
      expect([error.code, error.file, error.message], text).toEqual([
        ErrorCode.BadConfig,
        file,
        'the config must be a mapping of keys to values',
      ]);
    }
  });

  it('knows the line of each key of a JSON config, nested ones too, so a bad value names its line', () => {
    const text = '{\n  "title": "T",\n  "pdf": {\n    "paper": "A5"\n  },\n  "theme": "white"\n}\n';
    const layer = parseConfigText(text, 'deck.config.json');
    expect(layer.lines).toEqual({ title: 2, pdf: 3, 'pdf.paper': 4, theme: 6 });
    const error = thrownDeckError(() => resolveConfig([layer]));
    expect([error.file, error.line, error.hint]).toEqual(['deck.config.json', 4, 'allowed values: "A4", "letter"']);
  });

  it('a JSON key written with an escape has no line, rather than a wrong one', () => {
    const text = '{\n  "title": "T",\n  "\\u0077idth": 1024\n}\n';
    const layer = parseConfigText(text, 'deck.config.json');
    expect(layer.values).toEqual({ title: 'T', width: 1024 });
    expect(layer.lines).toEqual({ title: 2 });
  });

  it('knows the line of each key of a YAML config, nested ones too', () => {
    const text = '# talk settings\ntitle: T\n\npdf:\n  paper: letter\n  handout: 2up\ntiming:\n  minSeconds: 5\n';
    expect(parseConfigText(text, 'deck.config.yaml').lines).toEqual({
      title: 2,
      pdf: 4,
      'pdf.paper': 5,
      'pdf.handout': 6,
      timing: 7,
      'timing.minSeconds': 8,
    });
  });
});

describe('loadConfigFile', () => {
  it('finds deck.config.yaml before .yml before .json, and none when there is none', async () => {
    const dir = join(workPath(), 'order');
    mkdirSync(dir);
    expect(await loadConfigFile(dir)).toBeUndefined();
    for (const name of [...CONFIG_FILE_NAMES].reverse()) {
      writeFileSync(join(dir, name), name.endsWith('.json') ? `{"title":"${name}"}` : `title: ${name}\n`);
      expect((await loadConfigFile(dir))?.values.title).toBe(name);
    }
    expect(CONFIG_FILE_NAMES).toEqual(['deck.config.yaml', 'deck.config.yml', 'deck.config.json']);
  });

  it('reads an explicit file, and says so when it is missing', async () => {
    const path = join(workPath(), 'custom.yaml');
    writeFileSync(path, 'theme: gpt-dark\n');
    expect(await loadConfigFile(join(workPath(), 'order'), path)).toEqual({
      source: path,
      values: { theme: 'gpt-dark' },
      lines: { theme: 1 },
    });
    const error = await rejectedDeckError(loadConfigFile(workPath(), join(workPath(), 'missing.yaml')));
    expect([error.code, error.file, error.message]).toEqual([
      ErrorCode.BadConfig,
      join(workPath(), 'missing.yaml'),
      'config file not found',
    ]);
  });

  it('reports a config path it cannot read as an Io error', async () => {
    const dir = join(workPath(), 'unreadable');
    mkdirSync(join(dir, 'deck.config.yaml'), { recursive: true });
    const error = await rejectedDeckError(loadConfigFile(dir));
    expect([error.code, error.file]).toEqual([ErrorCode.Io, join(dir, 'deck.config.yaml')]);
    expect(error.message).toMatch(/cannot read/);
  });
});

describe("reveal-md's config files", () => {
  it('splits a deck with no config of ours by the separators of the reveal-md.json beside it, with reveal.json as revealOptions', async () => {
    const dir = join(workPath(), 'reveal-md-project');
    mkdirSync(dir);
    // As in engeir/slides: reveal-md reads these from the folder it runs in; `--` is this deck's vertical separator.
    writeFileSync(
      join(dir, 'reveal-md.json'),
      '{\n  "separator": "\\n---\\n",\n  "verticalSeparator": "\\n--\\n",\n  "revealOptions": { "slideNumber": false, "loop": true }\n}\n',
    );
    writeFileSync(join(dir, 'reveal.json'), '{ "controls": true, "loop": false, "history": true }\n');
    writeFileSync(join(dir, 'talk.md'), '# A\n\n---\n\n## B\n\nNote: b\n\n--\n\n## B2\n\nNote: b2\n');
    const deck = await loadDeck(join(dir, 'talk.md'));
    expect(deck.slides.map((slide) => [slide.title, slide.h, slide.v, slide.notes])).toEqual([
      ['A', 0, 0, ''],
      ['B', 1, 0, 'b'],
      ['B2', 1, 1, 'b2'],
    ]);
    expect([deck.config.slideNumber, deck.config.controls]).toEqual([false, true]);
    expect(deck.config.revealOptions).toEqual({ loop: true, history: true });
  });

  it('reads reveal.json alone, and leaves both to a deck.config beside them', async () => {
    const dir = join(workPath(), 'reveal-json-only');
    mkdirSync(dir);
    writeFileSync(join(dir, 'reveal.json'), '{ "loop": true }');
    expect((await loadConfigFile(dir))?.values).toEqual({ revealOptions: { loop: true } });
    writeFileSync(join(dir, 'deck.config.yaml'), 'title: ours\n');
    expect((await loadConfigFile(dir))?.values).toEqual({ title: 'ours' });
  });
});
