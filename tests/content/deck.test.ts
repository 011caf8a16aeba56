/** A deck from its files: each file's own separators, config layering with front matter, slide numbering. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck, loadDeckCollecting, parseDeck } from '../../src/content/deck.js';
import { readSources } from '../../src/content/sources.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const { folder } = useTempFolder('deck-content-');

describe('separators set in a file', () => {
  it("apply to that file only: a later file's notesSeparator, separator and verticalSeparator", async () => {
    const dir = folder('per-file', {
      '01-reveal.md': '# One\n\nNote: reveal notes\n\n---\n\n# Two\n\n::: notes\nnot notes here\n:::\n',
      '02-pandoc.md':
        "---\nnotesSeparator: '^Speaker:'\nseparator: '^===$'\n---\n# Three\n\nSpeaker: own notes\n\n===\n\n# Four\n\nNote: stays text\n",
      '03-again.md': '# Five\n\nNote: default again\n\n---\n\n# Six\n',
    });
    const deck = await loadDeck(dir);
    expect(deck.slides.map((slide) => [slide.title, slide.notes])).toEqual([
      ['One', 'reveal notes'],
      ['Two', 'not notes here'],
      ['Three', 'own notes'],
      ['Four', ''],
      ['Five', 'default again'],
      ['Six', ''],
    ]);
    // With reveal.js's own separator a `::: notes` div is still Pandoc's notes (src/content/fenced-divs.ts).
    expect(deck.slides[1]!.html).not.toContain('not notes here');
    expect(deck.slides[3]!.html).toContain('Note: stays text');
    expect(deck.slides.map((slide) => [slide.file, slide.index, slide.h])).toEqual([
      ['01-reveal.md', 0, 0],
      ['01-reveal.md', 1, 1],
      ['02-pandoc.md', 2, 2],
      ['02-pandoc.md', 3, 3],
      ['03-again.md', 4, 4],
      ['03-again.md', 5, 5],
    ]);
  });

  it("a notesSeparator on Pandoc's `::: notes` line (the old advice) leaves the div to be Pandoc's notes", async () => {
    const dir = folder('pandoc-separator', {
      '01.md': "---\nnotesSeparator: '^::: *notes'\n---\n# One\n\n::: notes\nSay one.\n:::\n\nAfter one.\n",
      '02.md': "---\nnotesSeparator: '^::: *\\{\\.notes\\}'\n---\n# Two\n\n::: {.notes}\nSay two.\n:::\n",
      '03.md': "---\nnotesSeparator: '^Speaker:'\n---\n# Three\n\nSpeaker: said\n:::\n",
    });
    const deck = await loadDeck(dir);
    expect(deck.slides.map((slide) => [slide.title, slide.notes])).toEqual([
      ['One', 'Say one.'],
      ['Two', 'Say two.'],
      ['Three', 'said\n:::'],
    ]);
    expect(deck.slides[0]!.html).toContain('After one.');
    for (const slide of deck.slides.slice(0, 2)) expect(slide.html).not.toMatch(/:::|Say/);
  });

  it('a first file sets them for the whole deck, and the config file for every file', async () => {
    const dir = folder('deck-wide', {
      'deck.config.yaml': "verticalSeparator: '^~~v~~$'\n",
      '01.md': "---\ntitle: Wide\nnotesSeparator: '^Speaker:'\n---\n# A\n\nSpeaker: from the first file\n",
      '02.md': '# B\n\n~~v~~\n\n# B1\n\nSpeaker: deck-wide\n',
    });
    const deck = await loadDeck(dir);
    expect(deck.config.title).toBe('Wide');
    expect(deck.slides.map((slide) => [slide.title, slide.h, slide.v, slide.notes])).toEqual([
      ['A', 0, 0, 'from the first file'],
      ['B', 1, 0, ''],
      ['B1', 1, 1, 'deck-wide'],
    ]);
  });
});

describe('config layering through a deck', () => {
  it('front matter of the first file beats the config file, flags beat both; later files do not set deck keys', async () => {
    const dir = folder('layers', {
      'deck.config.yaml': 'title: From file\ntheme: gpt-dark\ntransition: fade\npdf:\n  paper: letter\n',
      '01.md': '---\ntitle: From front matter\ntransition: zoom\n---\n# A\n',
      '02.md': '---\ntitle: Section two\ntheme: white\n---\n# B\n',
    });
    const deck = await loadDeck(dir, { flags: { transition: 'none' } });
    expect([deck.config.title, deck.config.theme, deck.config.transition, deck.config.pdf.paper]).toEqual([
      'From front matter',
      'gpt-dark',
      'none',
      'letter',
    ]);
    expect(deck.sections.map((section) => section.title)).toEqual(['From front matter', 'Section two']);
  });
});

describe('what the deck records', () => {
  it('where each setting was written: front matter of the first file, else the config file', async () => {
    const dir = folder('origins', {
      'deck.config.yaml': 'theme: white\ntitle: From file\n',
      '01.md': '---\nlang: en\ntitle: Mine\n---\n# A\n',
      '02.md': '---\ntransition: zoom\n---\n# B\n',
    });
    const deck = await loadDeck(dir, { flags: { controls: false } });
    expect(deck.settingOrigins).toEqual({
      theme: { file: join(dir, 'deck.config.yaml'), line: 1 },
      title: { file: '01.md', line: 3 },
      lang: { file: '01.md', line: 2 },
    });
  });

  it('the files it read, and no timings file when there is none', async () => {
    const dir = folder('files', { '01.md': '# A\n', '02.md': '# B\n' });
    const deck = await loadDeck(dir);
    expect(deck.files).toEqual([join(dir, '01.md'), join(dir, '02.md')]);
    expect(deck.timingsFile).toBe(join(dir, 'timings.json'));
  });

  it('renders math only when the deck turns it on', async () => {
    const on = await loadDeck(folder('math-on', { '01.md': '---\nmath: true\n---\n# A\n\nthe area $\\pi r^2$\n' }));
    expect(on.slides[0]!.html).toContain('<span class="math math-inline"><span class="katex">');
    const off = await loadDeck(folder('math-off', { '01.md': '# A\n\nthe area $\\pi r^2$\n' }));
    expect(off.slides[0]!.html).toContain('the area $\\pi r^2$');
  });

  it('takes `timing: 45` in the first file as that file’s seconds per slide, not as the timing settings', async () => {
    const deck = await loadDeck(folder('timing-number', { '01.md': '---\ntiming: 45\n---\n# A\n\n---\n\n# B\n' }));
    expect(deck.slides.map((slide) => [slide.timing, slide.timingSource])).toEqual([
      [45, 'front-matter'],
      [45, 'front-matter'],
    ]);
    expect(deck.config.timing.secondsPerStep).toBe(2);
  });

  it('reads `timing:` settings from the first file’s front matter when it is a mapping', async () => {
    const deck = await loadDeck(folder('timing-map', { '01.md': '---\ntiming:\n  secondsPerStep: 5\n---\n# A\n' }));
    expect(deck.config.timing.secondsPerStep).toBe(5);
  });
});

describe('problems across the deck', () => {
  it('a deck that does not exist is one problem and no deck', async () => {
    const outcome = await loadDeckCollecting(join(folder('empty-parent', {}), 'nowhere'));
    expect(outcome.deck).toBeUndefined();
    expect(outcome.problems.map((problem) => problem.message)).toEqual(['the deck does not exist']);
  });

  it('a deck whose only file has bad front matter is that problem and a deck with no slides', async () => {
    const { deck, problems } = await loadDeckCollecting(folder('bad-only-file', { '01.md': '---\ntitle: [\n---\n# A\n' }));
    expect(problems.map((problem) => problem.file)).toEqual(['01.md']);
    expect(deck!.slides).toEqual([]);
  });

  it('a stylesheet given on the command line only, with no config file, is found in the deck', async () => {
    const dir = folder('flag-css', { '01.md': '# A\n', 'extra.css': 'p {}\n' });
    const deck = await loadDeck(dir, { flags: { css: ['extra.css'] } });
    expect(deck.assets.map((asset) => asset.source)).toContain(join(dir, 'extra.css'));
    const { problems } = await loadDeckCollecting(dir, { flags: { css: ['gone.css'] } });
    expect(problems.map((problem) => [problem.message, problem.file, problem.line])).toEqual([
      ['file not found: gone.css', undefined, undefined],
    ]);
  });

  it('the data files beside the slides reach the deck', async () => {
    const deck = await loadDeck(folder('with-data', { '01.md': '# A\n', 'data.yaml': 'year: 2024\n', 'sales.data.json': '{"q1": 5}' }));
    expect(deck.data).toEqual({ year: 2024, sales: { q1: 5 } });
  });

  it('a missing stylesheet or script is reported at the line of its setting', async () => {
    const dir = folder('includes', {
      'deck.config.yaml': 'title: T\nscripts:\n  - gone.js\n',
      '01.md': '---\nlang: en\ncss: missing.css\n---\n# A\n',
    });
    const { problems } = await loadDeckCollecting(dir);
    expect(problems.map((problem) => [problem.message, problem.file, problem.line])).toEqual([
      ['file not found: missing.css', '01.md', 3],
      ['file not found: gone.js', join(dir, 'deck.config.yaml'), 2],
    ]);
  });

  it('a bad command-line setting is named as coming from the command line', async () => {
    const { problems } = await loadDeckCollecting(folder('bad-flag', { '01.md': '# A\n' }), {
      flags: { transition: 'sideways' } as never,
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.format()).toContain('command line');
  });

  it('the same slide id twice is a problem at the second slide, naming the first', async () => {
    const dir = folder('ids', {
      '01.md': '<!-- .slide: id="intro" -->\n# A\n',
      '02.md': '# B\n\n---\n\n<!-- .slide: id="intro" -->\n# C\n\n---\n\n<!-- .slide: id="slide-2" -->\n# D\n',
    });
    const { problems } = await loadDeckCollecting(dir);
    expect(problems.map((problem) => [problem.message, problem.file, problem.line, problem.hint])).toEqual([
      ['slide id "intro" is used twice (first at 01.md:1)', '02.md', 5, 'give each slide its own id'],
      ['slide id "slide-2" is used twice (first at 02.md:1)', '02.md', 10, 'give each slide its own id'],
    ]);
    await expect(loadDeck(dir)).rejects.toThrow(/2 problems in the deck/);
  });

  it("names the line that writes a slide's id or timing, not the slide's first line", async () => {
    const dir = folder('origins', {
      '01.md': '# A\n\nText first, as reveal-md decks are often written\n<!-- .slide: id="intro" -->\n',
      '02.md':
        '# B\n\n---\n\n## C\n\nMore text\n\n<!-- .slide: id="intro" -->\n\n---\n\n## D\n\n- a\n- b\n\n<!-- .slide: data-timing="soon" -->\n',
    });
    const { problems } = await loadDeckCollecting(dir);
    expect(problems.map((problem) => [problem.message, problem.file, problem.line])).toEqual([
      ['data-timing="soon" is not a time', '02.md', 18],
      ['slide id "intro" is used twice (first at 01.md:4)', '02.md', 9],
    ]);
  });

  it('links to a slide by id become plain fragments; other links stay', async () => {
    const deck = await loadDeck(
      folder('links', {
        '01.md': '<!-- .slide: id="intro" -->\n# A\n\n[again](#/intro) [third](#/3) [gone](#/nowhere) [x](https://x.org/#/intro)\n',
      }),
    );
    expect(deck.slides[0]!.html).toContain('<a href="#intro">again</a>');
    expect(deck.slides[0]!.html).toContain('<a href="#/3">third</a>');
    expect(deck.slides[0]!.html).toContain('<a href="#/nowhere">gone</a>');
    expect(deck.slides[0]!.html).toContain('<a href="https://x.org/#/intro">x</a>');
  });
});

describe('parseDeck', () => {
  it('throws every problem of the deck at once, and returns the deck when there is none', async () => {
    const good = folder('parse-good', { '01.md': '# A\n' });
    expect(parseDeck(await readSources(good), undefined).slides.map((slide) => slide.title)).toEqual(['A']);
    const bad = folder('parse-bad', { '01.md': '<!-- .slide: id="x" -->\n# A\n\n---\n\n<!-- .slide: id="x" -->\n# B\n' });
    const sources = await readSources(bad);
    expect(() => parseDeck(sources, undefined)).toThrow('slide id "x" is used twice (first at 01.md:1)');
  });
});

describe('math a deck does not ask for', () => {
  it('is on in reveal-md, Marp and Slidev decks, whose tools always read $…$ as TeX; off in a reveal.js deck', async () => {
    // As engeir/slides's EGU talk (reveal-md: `$\mathrm{SO_2}$ injected`) and mmasdeu/LeanBootcamp (`$x$`).
    const slide = '# Forcing\n\n$\\mathrm{SO_2}$ injected, for $5 and $10\n';
    const decks = {
      'reveal-md front matter': { 'talk.md': `---\nrevealOptions:\n  transition: fade\n---\n${slide}` },
      'reveal-md.json': { 'reveal-md.json': '{ "separator": "\\n---\\n" }', 'talk.md': slide },
      Marp: { 'talk.md': `---\nmarp: true\n---\n${slide}` },
      Slidev: { 'slides.md': `---\ndrawings:\n  persist: false\n---\n${slide}` },
      'reveal-md with math: false': { 'talk.md': `---\nrevealOptions: {}\nmath: false\n---\n${slide}` },
      'reveal.js': { 'talk.md': slide },
    };
    const rendered: Record<string, [boolean, boolean]> = {};
    for (const [name, files] of Object.entries(decks)) {
      const deck = await loadDeck(folder(`auto-math-${Object.keys(rendered).length}`, files));
      rendered[name] = [deck.config.math, deck.slides[0]!.html.includes('class="katex"')];
      expect(deck.slides[0]!.html, name).toContain('for $5 and $10');
    }
    expect(rendered).toEqual({
      'reveal-md front matter': [true, true],
      'reveal-md.json': [true, true],
      Marp: [true, true],
      Slidev: [true, true],
      'reveal-md with math: false': [false, false],
      'reveal.js': [false, false],
    });
  });
});
