/** Files a slide refers to: found, checked, recorded for the build to copy, and the reference rewritten. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAssets, collectAttributeAssets, includedFile, type AssetContext } from '../../src/content/assets.js';
import { ErrorCode } from '../../src/core/errors.js';
import type { DeckError } from '../../src/core/errors.js';
import type { DeckWarning } from '../../src/core/warnings.js';
import type { Asset } from '../../src/content/types.js';

let work: string;
let root: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'deck-assets-'));
  root = join(work, 'deck');
  for (const file of [
    'img/a.png',
    'img/my pic.png',
    'img/photo(1).png',
    'img/a,b.png',
    'R&D.png',
    'media/v.mp4',
    'media/v.webm',
    'docs/guide.pdf',
    'style.css',
    'css/my style.css',
    'sub/01.md',
    'img/100%.png',
  ]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), 'x');
  }
  mkdirSync(join(work, 'outside'));
  writeFileSync(join(work, 'outside', 'pic.png'), 'x');
  writeFileSync(join(work, 'outside', 'theme.css'), 'x');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Collected {
  html: string;
  assets: Asset[];
  problems: DeckError[];
  warnings: DeckWarning[];
}

/** collectAssets on a slide of 01.md (or another file) whose text is `text`, starting at `line`. */
function collect(html: string, text = html, line = 1, file = '01.md'): Collected {
  const assets = new Map<string, Asset>();
  const problems: DeckError[] = [];
  const warnings: DeckWarning[] = [];
  const ctx: AssetContext = { root, file: join(root, file), fileName: file, text, line, problems, warnings };
  return { html: collectAssets(html, ctx, assets), assets: [...assets.values()], problems, warnings };
}

function attribute(name: string, value: string): Collected {
  const assets = new Map<string, Asset>();
  const problems: DeckError[] = [];
  const ctx: AssetContext = { root, file: join(root, '01.md'), fileName: '01.md', text: '', line: 4, problems };
  return { html: collectAttributeAssets(name, value, ctx, assets), assets: [...assets.values()], problems, warnings: [] };
}

describe('media in a slide', () => {
  it('records each local file under its path inside the deck and keeps the reference', () => {
    const found = collect('<img src="img/a.png"><video data-src="media/v.mp4" poster="img/a.png"></video>');
    expect(found.html).toBe('<img src="img/a.png"><video data-src="media/v.mp4" poster="img/a.png"></video>');
    expect(found.assets).toEqual([
      { source: join(root, 'img/a.png'), target: 'img/a.png' },
      { source: join(root, 'media/v.mp4'), target: 'media/v.mp4' },
    ]);
    expect(found.problems).toEqual([]);
  });

  it('resolves a path from the slide’s own file, and writes it relative to the deck', () => {
    const found = collect('<img src="../img/a.png">', '', 1, 'sub/01.md');
    expect(found.html).toBe('<img src="img/a.png">');
    expect(found.assets).toEqual([{ source: join(root, 'img/a.png'), target: 'img/a.png' }]);
  });

  it('copies a file outside the deck to _assets/<hash>-<name>', () => {
    const found = collect('<img src="../outside/pic.png">');
    expect(found.html).toMatch(/^<img src="_assets\/[0-9a-f]{8}-pic\.png">$/);
    expect(found.assets).toEqual([{ source: join(work, 'outside', 'pic.png'), target: found.html.slice(10, -2) }]);
  });

  it('keeps single quotes, a query and a #fragment; encodes spaces; trims the value', () => {
    expect(collect("<img src='img/a.png?v=2#top'>").html).toBe("<img src='img/a.png?v=2#top'>");
    expect(collect('<img src="img/my%20pic.png">').assets).toEqual([{ source: join(root, 'img/my pic.png'), target: 'img/my pic.png' }]);
    expect(collect('<img src="img/my%20pic.png">').html).toBe('<img src="img/my%20pic.png">');
    const spaced = collect('<img src=" img/a.png ">');
    expect(spaced.problems).toEqual([]);
    expect(spaced.html).toBe('<img src="img/a.png">');
  });

  it('reads &amp; in a file name as &, and parentheses as part of the name', () => {
    const found = collect('<img src="R&amp;D.png"><img src="img/photo(1).png">');
    expect(found.problems).toEqual([]);
    expect(found.assets.map((asset) => asset.target)).toEqual(['R&D.png', 'img/photo(1).png']);
  });

  it('takes a name that is not a valid %-escape as written (100%.png)', () => {
    const found = collect('<img src="img/100%.png">');
    expect(found.problems).toEqual([]);
    expect(found.assets).toEqual([{ source: join(root, 'img/100%.png'), target: 'img/100%.png' }]);
    expect(found.html).toBe('<img src="img/100%25.png">');
  });

  it('leaves URLs, absolute paths, fragments and data: URIs alone', () => {
    const html =
      '<img src="https://example.com/a.png"><img src="//cdn.example.com/a.png"><img src="/abs.png"><img src="data:image/png;base64,AA"><iframe src="#x"></iframe>';
    const found = collect(html);
    expect(found.html).toBe(html);
    expect(found.assets).toEqual([]);
    expect(found.problems).toEqual([]);
  });

  it('a missing file is a problem naming the file, the line of the reference and where it looked', () => {
    const text = '# One\n\n<img src="img/none.png">\n';
    const found = collect('<img src="img/none.png">', text);
    expect(found.html).toBe('<img src="img/none.png">');
    expect(found.assets).toEqual([]);
    expect(found.problems).toHaveLength(1);
    expect(found.problems[0]).toMatchObject({
      code: ErrorCode.BadInput,
      message: 'image or media file not found: img/none.png',
      file: '01.md',
      line: 3,
      hint: `looked for ${join(root, 'img/none.png')}`,
    });
  });

  it('a folder is not a media file', () => {
    expect(collect('<img src="media/">').problems[0]?.message).toBe('image or media file not found: media/');
  });

  it('finds the line from the slide’s first line on, not an earlier mention in the file', () => {
    const text = '\nan earlier slide names gone.png\n\n---\n\n# Slide\n<img src="gone.png">\n';
    expect(collect('<img src="gone.png">', text, 5).problems[0]?.line).toBe(7);
  });

  it('names the line where the file name is, for a value broken over lines', () => {
    const text = '# Slide\n<img src="\n  gone.png">\n';
    expect(collect('<img src="\n  gone.png">', text).problems[0]?.line).toBe(3);
  });

  it('names the slide’s line when the reference is not in the text as written', () => {
    const text = 'intro\n\n# Slide\n\n![x](gone&lost.png)\n';
    expect(collect('<p><img src="gone&amp;lost.png" alt="x"></p>', text, 3).problems[0]?.line).toBe(3);
  });
});

describe('links to local files', () => {
  it('copies a linked file and keeps a link to a folder, a URL or a slide as it is, without a warning', () => {
    const html = '<a href="docs/guide.pdf">guide</a> <a href="docs">all</a> <a href="https://x.org">x</a> <a href="#/intro">i</a>';
    const found = collect(html);
    expect(found.html).toBe(html);
    expect(found.assets).toEqual([{ source: join(root, 'docs/guide.pdf'), target: 'docs/guide.pdf' }]);
    expect(found.warnings).toEqual([]);
    expect(found.problems).toEqual([]);
  });

  it('keeps a link to a folder written with a slash as it is, without a warning', () => {
    const found = collect('<a href="docs/">all</a> <a href="img/">pictures</a>');
    expect(found.html).toBe('<a href="docs/">all</a> <a href="img/">pictures</a>');
    expect(found.assets).toEqual([]);
    expect(found.warnings).toEqual([]);
  });

  it('a missing linked file is a warning with its line; the link is kept', () => {
    const text = '# Links\n\nsee [the notes](notes.pdf)\n';
    const found = collect('<a href=" notes.pdf">the notes</a>', text);
    expect(found.html).toBe('<a href=" notes.pdf">the notes</a>');
    expect(found.problems).toEqual([]);
    expect(found.warnings).toEqual([{ file: '01.md', line: 3, message: 'linked file not found: notes.pdf; the link is kept' }]);
  });
});

describe('slide attributes that name files', () => {
  it('checks each file of a data-background-video list and keeps the commas', () => {
    const found = attribute('data-background-video', 'media/v.mp4,media/v.webm');
    expect(found.html).toBe('media/v.mp4,media/v.webm');
    expect(found.assets.map((asset) => asset.target)).toEqual(['media/v.mp4', 'media/v.webm']);
    expect(found.problems).toEqual([]);
  });

  it('takes another attribute’s value as one file, commas included', () => {
    const found = attribute('data-background-image', 'img/a,b.png');
    expect(found.problems).toEqual([]);
    expect(found.assets.map((asset) => asset.target)).toEqual(['img/a,b.png']);
  });

  it('leaves colours and CSS functions alone', () => {
    for (const value of [
      '#ff0000',
      'red',
      'rgb(0, 0, 0)',
      'rgba(0, 0, 0, 0.5)',
      'hsl(120, 50%, 50%)',
      'hsla(120, 50%, 50%, 0.3)',
      'linear-gradient(to right, red, blue)',
      ' radial-gradient(circle, #fff, #000)',
    ]) {
      const found = attribute('data-background', value);
      expect(found, value).toEqual({ html: value, assets: [], problems: [], warnings: [] });
    }
  });

  it('a missing background image is a problem', () => {
    expect(attribute('data-background-image', 'img/none.png').problems[0]).toMatchObject({
      message: 'image or media file not found: img/none.png',
      file: '01.md',
      line: 4,
    });
  });
});

describe('stylesheets and scripts from the settings', () => {
  const include = (path: string) => {
    const assets = new Map<string, Asset>();
    const problems: DeckError[] = [];
    const url = includedFile(path, root, { file: 'deck.config.yaml', line: 2 }, assets, problems);
    return { url, assets: [...assets.values()], problems };
  };

  it('keeps a URL as it is, without copying', () => {
    for (const url of ['https://cdn.example.com/x.css', '//cdn.example.com/x.css', 'git+ssh://host/x.js']) {
      expect(include(url)).toEqual({ url, assets: [], problems: [] });
    }
  });

  it('copies a path inside the deck under the same path, encoded for a URL', () => {
    expect(include('style.css')).toEqual({
      url: 'style.css',
      assets: [{ source: join(root, 'style.css'), target: 'style.css' }],
      problems: [],
    });
    expect(include('css/my style.css')).toEqual({
      url: 'css/my%20style.css',
      assets: [{ source: join(root, 'css/my style.css'), target: 'css/my style.css' }],
      problems: [],
    });
    expect(include('css//my style.css').url).toBe('css/my%20style.css');
  });

  it('copies a file outside the deck to _assets/<hash>-<name>', () => {
    const { url, assets } = include('../outside/theme.css');
    expect(url).toMatch(/^_assets\/[0-9a-f]{8}-theme\.css$/);
    expect(assets).toEqual([{ source: join(work, 'outside', 'theme.css'), target: url }]);
  });

  it('a missing file or a folder is a problem at the setting’s line', () => {
    for (const path of ['missing.css', 'css']) {
      const { url, assets, problems } = include(path);
      expect(url).toBe(path);
      expect(assets).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        code: ErrorCode.BadInput,
        message: `file not found: ${path}`,
        file: 'deck.config.yaml',
        line: 2,
        hint: `looked for ${join(root, path)}`,
      });
    }
  });
});
