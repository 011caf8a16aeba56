/**
 * The same Markdown gives the same slides as reveal.js's own markdown plugin, given the same text and separators:
 * every field deck (tests/fixtures/decks/field, tests/fixtures/export/field) and the parity fixture, one row each.
 * Both are rendered in a real Chromium and read back through the same DOM walk: the slides reveal.js can navigate
 * to (Reveal.getTotalSlides, the horizontal slides and each one's vertical slides), and each slide's text, notes,
 * background and fragments. The plugin gets the text through a JS string, CR LF kept (a <textarea> in HTML would
 * turn CR LF into LF). A deck that differs must say how in its row: the README's list of intentional differences.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPage } from '../../src/browser/index.js';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { buildDeck, revealDistDir, writeRendered } from '../../src/render/index.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { workAhead } from '../helpers/work-ahead.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');

interface Leaf {
  h: number;
  v: number;
  text: string;
  notes: string;
  background: string | null;
  fragments: number;
}

interface Reading {
  total: number;
  /** Vertical slides under each horizontal one (1 for a plain slide). */
  stacks: number[];
  leaves: Leaf[];
}

/**
 * An intentional difference (README, "Decks from other tools"): what it is, and how it shows between their
 * reading and ours. The harness asserts that the difference is there and that nothing else differs.
 */
interface Difference {
  readme: string;
  /** Their reading made into ours by the documented difference; then the two must be equal. */
  apply(theirs: Reading): Reading;
}

interface Row {
  name: string;
  /** The Markdown file (one file per deck). */
  file: string;
  differences?: Difference[];
}

/** Runs in the page: what reveal.js can navigate to, and each slide's content. */
function readDeck(): Reading {
  type RevealApi = {
    getSlides(): HTMLElement[];
    getIndices(slide: HTMLElement): { h: number; v?: number };
    getTotalSlides(): number;
    getHorizontalSlides(): HTMLElement[];
  };
  const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
  const norm = (s: string) =>
    s
      .replace(/\s+/g, ' ')
      .replace(/\s*\$\$\s*/g, '$$$$')
      .trim();
  const leaves = reveal.getSlides().map((slide) => {
    const clone = slide.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('aside.notes').forEach((n) => n.remove());
    // Math is TeX in the plugin's text (no math plugin there) and KaTeX here: compare the TeX.
    clone.querySelectorAll('.math').forEach((math) => {
      const tex = math.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? '';
      const delimiter = math.classList.contains('math-display') ? '$$' : '$';
      math.replaceWith(`${delimiter}${tex.trim()}${delimiter}`);
    });
    const { h, v } = reveal.getIndices(slide);
    return {
      h,
      v: v ?? 0,
      text: norm(clone.textContent ?? ''),
      notes: norm(slide.querySelector('aside.notes')?.textContent ?? ''),
      background: slide.getAttribute('data-background'),
      fragments: slide.querySelectorAll('.fragment').length,
    };
  });
  return {
    total: reveal.getTotalSlides(),
    stacks: reveal.getHorizontalSlides().map((slide) => Math.max(1, slide.querySelectorAll(':scope > section').length)),
    leaves,
  };
}

interface Separators {
  separator: string;
  verticalSeparator: string;
  notesSeparator: string;
}

/** A page with reveal.js, its markdown and highlight plugins, and the Markdown handed over as a JS string. */
function revealPluginPage(dir: string, name: string, markdown: string, separators: Separators): string {
  const dist = pathToFileURL(revealDistDir()).href;
  const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${dist}/reveal.css"></head>
<body><div class="reveal"><div class="slides"></div></div>
<script src="${dist}/reveal.js"></script><script src="${dist}/plugin/markdown.js"></script><script src="${dist}/plugin/highlight.js"></script>
<script>
const separators = ${JSON.stringify(separators)};
const section = document.createElement('section');
section.setAttribute('data-markdown', '');
section.setAttribute('data-separator', separators.separator);
section.setAttribute('data-separator-vertical', separators.verticalSeparator);
section.setAttribute('data-separator-notes', separators.notesSeparator);
const template = document.createElement('script');
template.type = 'text/template';
template.textContent = ${JSON.stringify(markdown).replace(/</g, '\\u003c')};
section.appendChild(template);
document.querySelector('.slides').appendChild(section);
Reveal.initialize({ plugins: [RevealMarkdown, RevealHighlight], hash: false, transition: 'none' });
</script></body></html>`;
  const file = join(dir, `${name}.plugin.html`);
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

/**
 * A separator with a lookahead (a slide per heading): the plugin tests the matched text ("\n\n") against the
 * horizontal separator out of context, the lookahead fails, and every slide becomes a vertical one under the
 * first. Here it is tested where it matched: one horizontal slide per heading.
 */
const lookaheadSeparator: Difference = {
  readme: 'A separator with a lookahead',
  apply: (theirs) => ({
    total: theirs.total,
    stacks: theirs.leaves.map(() => 1),
    leaves: theirs.leaves.map((leaf, i) => ({ ...leaf, h: i, v: 0 })),
  }),
};

/**
 * `---` inside a closed fenced code block: the plugin splits there (it splits before Markdown is parsed), giving
 * two slides, each with half the code; here the fence keeps it, one slide. Their slides `at` and `at + 1` are
 * our one slide, its text theirs joined by the separator's own text.
 */
const closedFence = (at: number): Difference => ({
  readme: 'A separator inside a **closed** fenced code block is not a separator',
  apply: (theirs) => {
    const leaves = theirs.leaves.flatMap((leaf, i) => {
      if (i === at) return [{ ...leaf, text: `${leaf.text} --- ${theirs.leaves[at + 1]!.text}` }];
      if (i === at + 1) return [];
      return [i > at ? { ...leaf, h: leaf.h - 1 } : leaf];
    });
    return { total: theirs.total - 1, stacks: theirs.stacks.filter((_, h) => h !== theirs.leaves[at + 1]!.h), leaves };
  },
});

/**
 * A `notesSeparator` on Pandoc's `::: notes` line: the plugin splits there and keeps the div's closing `:::` in
 * the notes; here the div is Pandoc's notes, without its fences.
 */
const pandocNotesDiv: Difference = {
  readme: "A `notesSeparator` that matches Pandoc's `::: notes` line",
  apply: (theirs) => ({ ...theirs, leaves: theirs.leaves.map((leaf) => ({ ...leaf, notes: leaf.notes.replace(/\s*:::$/, '') })) }),
};

/**
 * Pandoc's `incremental: true`: the plugin does not know the setting and shows each list at once; here every list
 * item is a fragment, as `pandoc -i` writes it. `items` is each slide's number of list items (its new fragments).
 */
const incrementalDeck = (items: number[]): Difference => ({
  readme: "Pandoc's `incremental: true`",
  apply: (theirs) => ({ ...theirs, leaves: theirs.leaves.map((leaf, i) => ({ ...leaf, fragments: leaf.fragments + (items[i] ?? 0) })) }),
});

const ROWS: Row[] = [
  { name: 'parity fixture (reveal.js markdown plugin syntax)', file: 'content/parity.md' },
  { name: 'reveal.js with HTML <section> slides, ids, data-src (English)', file: 'decks/field/reveal-animate-en/deck.md' },
  { name: 'malformed fences and doubled notes markers (Spanish)', file: 'decks/field/malformed-es/deck.md' },
  { name: 'reveal-md, CRLF, own separators (Japanese)', file: 'decks/field/reveal-md-ja/slides.md' },
  { name: 'reveal-md, CRLF, code and a vertical stack (English)', file: 'decks/field/reveal-md-crlf-en/slides.md' },
  {
    name: 'Pandoc, ::: notes, incremental: true (Korean)',
    file: 'decks/field/pandoc-ko/talk.md',
    differences: [pandocNotesDiv, incrementalDeck([0, 2])],
  },
  { name: 'vscode-reveal, fragments, images, code, notes (German)', file: 'decks/field/vscode-reveal-de/präsentation.md' },
  {
    name: 'Quarto-like, a slide per heading, {.notes}, math (Russian)',
    file: 'decks/field/quarto-ru/доклад.md',
    differences: [lookaheadSeparator, pandocNotesDiv],
  },
  { name: 'a YAML example with --- in a closed fence', file: 'decks/field/yaml-fence-en/deck.md', differences: [closedFence(1)] },
  { name: 'fit', file: 'export/field/fit/deck.md' },
  { name: 'too long to fit', file: 'export/field/too-long/deck.md' },
  { name: 'reveal.js theme with web fonts (league)', file: 'export/field/league/deck.md' },
  { name: 'slide ids and links', file: 'export/field/links/deck.md' },
  { name: 'links to local files', file: 'export/field/local-links/deck.md' },
  { name: 'reveal.js theme with a margin', file: 'export/field/reveal-theme/deck.md' },
];

describe('parity with reveal.js markdown plugin, deck by deck', () => {
  let browser: Browser;
  let dir: string;
  const load = (url: string) =>
    withPage(browser, async (page) => {
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      return page.evaluate(readDeck);
    });

  let readme: string;

  /** Each row's two readings, ours and the plugin's, taken three rows at a time from beforeAll on. */
  const readings = workAhead(ROWS, 3, async (row) => {
    const file = join(FIXTURES, row.file);
    const { deck, rendered } = await buildDeck(file, { flags: { hash: false, transition: 'none' } });
    const name = row.file.replace(/[^\w.-]+/g, '_');
    const index = await writeRendered(join(dir, name), rendered);
    const text = readFileSync(file, 'utf8');
    const body = parseFrontMatter(text, row.file).body;
    const { separator, verticalSeparator, notesSeparator } = deck.config;
    const [ours, theirs] = await Promise.all([
      load(pathToFileURL(index).href),
      load(revealPluginPage(dir, name, body, { separator, verticalSeparator, notesSeparator })),
    ]);
    return { ours, theirs };
  });

  beforeAll(async () => {
    readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    browser = await startChromium();
    dir = mkdtempSync(join(tmpdir(), 'deck-parity-'));
    readings.start();
  });

  afterAll(async () => closeBrowser(browser));

  it.each(ROWS)('$name', async (row) => {
    const { ours, theirs } = await readings.of(row);
    expect(theirs.total, 'the plugin shows slides').toBeGreaterThan(0);
    const expected = (row.differences ?? []).reduce((reading, difference) => difference.apply(reading), theirs);
    if (row.differences?.length) expect(expected, 'the documented difference is there').not.toEqual(theirs);
    for (const difference of row.differences ?? []) expect(readme).toContain(difference.readme);
    expect(ours.total).toBe(expected.total);
    expect(ours.stacks).toEqual(expected.stacks);
    expect(ours.leaves.map(({ h, v }) => [h, v])).toEqual(expected.leaves.map(({ h, v }) => [h, v]));
    expect(ours.leaves.map((leaf) => leaf.text)).toEqual(expected.leaves.map((leaf) => leaf.text));
    expect(ours.leaves.map((leaf) => leaf.notes)).toEqual(expected.leaves.map((leaf) => leaf.notes));
    expect(ours.leaves.map((leaf) => leaf.background)).toEqual(expected.leaves.map((leaf) => leaf.background));
    expect(ours.leaves.map((leaf) => leaf.fragments)).toEqual(expected.leaves.map((leaf) => leaf.fragments));
  });

  it('counts CR LF text as CR LF in the plugin (the harness does not normalise it away)', async () => {
    const probe = await withPage(browser, async (page) => {
      await page.goto(
        revealPluginPage(dir, 'crlf-probe', '# A\r\n\r\n---\r\n\r\n# B\r\n', {
          separator: '\\r\\n---\\r\\n',
          verticalSeparator: '^$x',
          notesSeparator: '^notes?:',
        }),
      );
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      return page.evaluate(readDeck);
    });
    // The separator only matches with the CR kept: two slides.
    expect(probe.total).toBe(2);
  });
});
