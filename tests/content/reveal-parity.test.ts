/**
 * The same Markdown gives the same slides as reveal.js's own markdown plugin, given the same text and separators:
 * every field deck (tests/fixtures/decks/field, tests/fixtures/export/field) and the parity fixture, one row each.
 * Both are rendered in a real Chromium and read back through the same DOM walk: the slides reveal.js can navigate
 * to (Reveal.getTotalSlides, the horizontal slides and each one's vertical slides), and each slide's text, notes,
 * background and fragments. The plugin gets the text through a JS string, CR LF kept (a <textarea> in HTML would
 * turn CR LF into LF). A deck that differs must say how in its row: the README's list of intentional differences.
 *
 * The work is two page loads in all, not two a row: every row's plugin deck is its own reveal.js instance (each with
 * its own markdown plugin, the way reveal.js runs several decks on one page) on one page, and our built decks are
 * opened one after another in one tab.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPage } from '../../src/browser/index.js';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { buildDeck, revealDistDir, writeRendered } from '../../src/render/index.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';

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

/**
 * Runs in the page: what reveal.js can navigate to, and each slide's content. `instance` is the index of a plugin
 * deck on the plugin page (revealPluginPage), null for the page's own `Reveal` (our built deck).
 */
function readDeck(instance: number | null): Reading {
  type RevealApi = {
    getSlides(): HTMLElement[];
    getIndices(slide: HTMLElement): { h: number; v?: number };
    getTotalSlides(): number;
    getHorizontalSlides(): HTMLElement[];
  };
  const page = window as unknown as { Reveal: RevealApi; pluginDecks: RevealApi[] };
  const reveal = instance === null ? page.Reveal : page.pluginDecks[instance]!;
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

/** One deck for the plugin: its Markdown, handed over as a JS string, and the separators it is split with. */
interface PluginDeck {
  markdown: string;
  separators: Separators;
}

/**
 * A page with reveal.js, its markdown and highlight plugins, and one reveal.js instance per deck (embedded, each
 * in its own .reveal element with its own plugins), in `window.pluginDecks` in the order given.
 */
function revealPluginPage(dir: string, name: string, decks: readonly PluginDeck[]): string {
  const dist = pathToFileURL(revealDistDir()).href;
  const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${dist}/reveal.css">
<style>.reveal { width: 960px; height: 700px; }</style></head>
<body>
<script src="${dist}/reveal.js"></script><script src="${dist}/plugin/markdown.js"></script><script src="${dist}/plugin/highlight.js"></script>
<script>
window.pluginDecks = ${JSON.stringify(decks).replace(/</g, '\\u003c')}.map(({ markdown, separators }) => {
  const root = document.createElement('div');
  root.className = 'reveal';
  root.innerHTML = '<div class="slides"></div>';
  const section = document.createElement('section');
  section.setAttribute('data-markdown', '');
  section.setAttribute('data-separator', separators.separator);
  section.setAttribute('data-separator-vertical', separators.verticalSeparator);
  section.setAttribute('data-separator-notes', separators.notesSeparator);
  const template = document.createElement('script');
  template.type = 'text/template';
  template.textContent = markdown;
  section.appendChild(template);
  root.firstChild.appendChild(section);
  document.body.appendChild(root);
  const deck = new Reveal(root, { embedded: true, keyboard: false, plugins: [RevealMarkdown, RevealHighlight], hash: false, transition: 'none' });
  deck.initialize();
  return deck;
});
</script></body></html>`;
  const file = join(dir, `${name}.plugin.html`);
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

/** Open `url` in `page`, wait until every reveal.js deck on it is ready, and read `instances` (readDeck). */
async function readPage(page: Page, url: string, instances: readonly (number | null)[]): Promise<Reading[]> {
  await page.goto(url);
  await page.waitForFunction(() => {
    const ready = (deck?: { isReady(): boolean }) => deck?.isReady() === true;
    const { Reveal, pluginDecks } = window as unknown as { Reveal?: { isReady(): boolean }; pluginDecks?: { isReady(): boolean }[] };
    return pluginDecks ? pluginDecks.every(ready) : ready(Reveal);
  });
  const readings: Reading[] = [];
  for (const instance of instances) readings.push(await page.evaluate(readDeck, instance));
  return readings;
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

/** Markdown whose separator only matches with the CR kept: two slides if the plugin is handed CR LF as written. */
const CRLF_PROBE: PluginDeck = {
  markdown: '# A\r\n\r\n---\r\n\r\n# B\r\n',
  separators: { separator: '\\r\\n---\\r\\n', verticalSeparator: '^$x', notesSeparator: '^notes?:' },
};

/** A row built: our deck's index.html, and the Markdown and separators the plugin gets. */
interface Built {
  index: string;
  plugin: PluginDeck;
}

/** A promise whose failure is left to whoever awaits it (a row's test), not reported as unhandled. */
function kept<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

describe('parity with reveal.js markdown plugin, deck by deck', () => {
  let browser: Browser;
  let dir: string;
  let readme: string;
  /** Each row's build, started in beforeAll. */
  let builds: Map<Row, Promise<Built>>;
  /** Each row's reading of our deck, the decks opened one after another in one tab. */
  let ours: Map<Row, Promise<Reading>>;
  /** The plugin's reading of every row that built, and of the CR LF probe, from one page. */
  let theirs: Promise<{ rows: Map<Row, Reading>; probe: Reading }>;

  const build = async (row: Row): Promise<Built> => {
    const file = join(FIXTURES, row.file);
    const { deck, rendered } = await buildDeck(file, { flags: { hash: false, transition: 'none' } });
    const index = await writeRendered(join(dir, row.file.replace(/[^\w.-]+/g, '_')), rendered);
    const { separator, verticalSeparator, notesSeparator } = deck.config;
    const markdown = parseFrontMatter(readFileSync(file, 'utf8'), row.file).body;
    return { index, plugin: { markdown, separators: { separator, verticalSeparator, notesSeparator } } };
  };

  const readOurs = (): Map<Row, Promise<Reading>> => {
    const readings = new Map<Row, { resolve(reading: Reading): void; reject(error: unknown): void }>();
    const promises = new Map(
      ROWS.map((row) => [row, kept(new Promise<Reading>((resolve, reject) => readings.set(row, { resolve, reject })))]),
    );
    const tab = withPage(browser, async (page) => {
      for (const row of ROWS) {
        const reading = readings.get(row)!;
        await builds
          .get(row)!
          .then(async ({ index }) => (await readPage(page, pathToFileURL(index).href, [null]))[0]!)
          .then(reading.resolve, reading.reject);
      }
    });
    // A tab that could not be opened fails every row still waiting (a settled promise ignores the second call).
    tab.catch((error: unknown) => {
      for (const reading of readings.values()) reading.reject(error);
    });
    return promises;
  };

  const readTheirs = async (): Promise<{ rows: Map<Row, Reading>; probe: Reading }> => {
    const settled = await Promise.allSettled(ROWS.map((row) => builds.get(row)!));
    const built = ROWS.flatMap((row, i) => {
      const outcome = settled[i]!;
      return outcome.status === 'fulfilled' ? [{ row, plugin: outcome.value.plugin }] : [];
    });
    const url = revealPluginPage(dir, 'plugin-decks', [...built.map(({ plugin }) => plugin), CRLF_PROBE]);
    const readings = await withPage(browser, (page) => readPage(page, url, [...built.map((_, i) => i), built.length]));
    return { rows: new Map(built.map(({ row }, i) => [row, readings[i]!])), probe: readings[built.length]! };
  };

  beforeAll(async () => {
    readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    browser = await startChromium();
    dir = mkdtempSync(join(tmpdir(), 'deck-parity-'));
    builds = new Map(ROWS.map((row) => [row, kept(build(row))]));
    ours = readOurs();
    theirs = kept(readTheirs());
  });

  afterAll(async () => closeBrowser(browser));

  it.each(ROWS)('$name', async (row) => {
    await builds.get(row);
    const ourReading = await ours.get(row)!;
    const theirReading = (await theirs).rows.get(row)!;
    expect(theirReading.total, 'the plugin shows slides').toBeGreaterThan(0);
    const expected = (row.differences ?? []).reduce((reading, difference) => difference.apply(reading), theirReading);
    if (row.differences?.length) expect(expected, 'the documented difference is there').not.toEqual(theirReading);
    for (const difference of row.differences ?? []) expect(readme).toContain(difference.readme);
    expect(ourReading.total).toBe(expected.total);
    expect(ourReading.stacks).toEqual(expected.stacks);
    expect(ourReading.leaves.map(({ h, v }) => [h, v])).toEqual(expected.leaves.map(({ h, v }) => [h, v]));
    expect(ourReading.leaves.map((leaf) => leaf.text)).toEqual(expected.leaves.map((leaf) => leaf.text));
    expect(ourReading.leaves.map((leaf) => leaf.notes)).toEqual(expected.leaves.map((leaf) => leaf.notes));
    expect(ourReading.leaves.map((leaf) => leaf.background)).toEqual(expected.leaves.map((leaf) => leaf.background));
    expect(ourReading.leaves.map((leaf) => leaf.fragments)).toEqual(expected.leaves.map((leaf) => leaf.fragments));
  });

  it('counts CR LF text as CR LF in the plugin (the harness does not normalise it away)', async () => {
    const { probe } = await theirs;
    // The separator only matches with the CR kept: two slides.
    expect(probe.total).toBe(2);
  });
});
