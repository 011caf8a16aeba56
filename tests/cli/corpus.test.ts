/**
 * Decks we did not write: a corpus in the styles of reveal.js, reveal-md and Pandoc, folders and nested
 * folders, code, images and math. Each is built through the API (slide counts, key text); one through the real
 * CLI; the built pages are opened in one shared Chromium to check what only a browser shows (highlighting,
 * images and backgrounds loaded, KaTeX fonts).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, writeRendered } from '../../src/render/index.js';
import type { BuildResult } from '../../src/render/index.js';
import { createMarkdown, renderMarkdown } from '../../src/content/markdown.js';
import { KATEX_CSS, vendorAssets } from '../../src/render/vendor.js';
import type { Page } from 'puppeteer-core';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { openDeck } from '../helpers/deck-page.js';
import { type CliResult, ensureCompiled, OUT, pool, ROOT, runCli } from './run.js';

const DECKS = join(ROOT, 'tests', 'fixtures', 'decks');
const WORK = join(OUT, 'corpus');

interface Expected {
  slides: number;
  /** Slide titles in reading order. */
  titles: string[];
  /** reveal.js position [h, v] of the last slide. */
  last: [number, number];
  text?: string[];
}

const corpus: Record<string, Expected> = {
  'reveal-single/slides.md': {
    slides: 6,
    titles: ['Reveal.js single file', 'Attributes', 'A vertical stack', 'Down one', 'Down two', 'The end'],
    last: [3, 0],
    text: [
      'data-background-color="#1e3a5f"',
      'class="dark-slide"',
      'data-fragment-index="1"',
      'fragment fade-up',
      'Notes run to the end of the slide.',
    ],
  },
  'reveal-md/talk.md': {
    slides: 4,
    titles: ['Reveal-md style', 'Second slide', 'Vertical (two dashes)', 'Last slide'],
    last: [2, 0],
    text: ['still the same slide.', 'reveal-md accepts'],
  },
  folder: { slides: 4, titles: ['Folder deck', 'Middle file', 'Middle file, again', 'Tenth file'], last: [3, 0] },
  nested: { slides: 5, titles: ['Nested folders', 'Part one', 'Part one, A', 'Part one, B', 'Part two, C'], last: [4, 0] },
  'pandoc/title-block.md': {
    slides: 2,
    titles: ['First', 'Second'],
    last: [1, 0],
    // Pandoc's `% title` block is the deck's title, author and date, not slide text.
    text: ['<title>Pandoc title block</title>', '<meta name="author" content="Someone">'],
  },
  'pandoc/talk.md': {
    slides: 5,
    titles: ['Introduction', 'What Pandoc decks look like', 'A slide with code', 'Conclusion', 'Thanks'],
    // One slide per heading (a lookahead separator): every slide horizontal.
    last: [4, 0],
    text: ['Pandoc puts speaker notes in a fenced div.', '# A comment that looks like a heading'],
  },
  'code/deck.md': {
    slides: 4,
    titles: ['JavaScript', 'Separators inside code are not separators', 'Line highlights', 'Plain and tilde fences'],
    last: [3, 0],
    text: ['<code class="js">', '<code data-line-numbers="1|2-3" class="python">', 'Note: this is code, not a note', 'indented code block'],
  },
  'media/deck.md': {
    slides: 4,
    titles: ['A Markdown image', 'A background image', 'HTML image and a file name with a space', 'Remote images are left alone'],
    last: [3, 0],
    text: [
      'src="img/red.png"',
      'data-background-image="backgrounds/blue.png"',
      'src="img/with%20space.svg"',
      'src="https://example.com/remote.png"',
    ],
  },
  math: { slides: 2, titles: ['Inline and display math', 'Dollars in prose'], last: [1, 0], text: ['class="katex"', 'costs $5 and $10'] },
};

const built = new Map<string, BuildResult>();
let browser: Browser;
/** `deck build` of a folder deck and a single-file deck in one run of the real CLI, started in beforeAll. */
let cliBuild: Promise<CliResult>;

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  const [chromium] = await Promise.all([
    startChromium(),
    ensureCompiled(),
    ...Object.keys(corpus).map(async (name) => {
      const result = await buildDeck(join(DECKS, name));
      built.set(name, result);
      await writeRendered(join(WORK, name.replace(/[/.]/g, '-')), result.rendered);
    }),
  ]);
  browser = chromium;
  // A process of its own: it runs while the browser tests below do. Two decks: each into cli/<name>/.
  cliBuild = runCli(['build', join(DECKS, 'nested'), join(DECKS, 'reveal-md', 'talk.md'), '-o', join(WORK, 'cli')]);
  cliBuild.catch(() => undefined);
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([...opened.values()].map(async (open) => (await open).page.close()));
  if (browser) await closeBrowser(browser);
});

/** No network: the one remote image in the corpus is answered locally with a 1×1 PNG, anything else fails. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
async function offline(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('file:')) void request.continue();
    else if (request.url() === 'https://example.com/remote.png')
      void request.respond({ status: 200, contentType: 'image/png', body: PIXEL });
    else void request.abort();
  });
}

const pageOf = (name: string) => pathToFileURL(join(WORK, name.replace(/[/.]/g, '-'), 'index.html')).href;

/**
 * Each corpus deck opened once, offline, in a page of its own, with the errors it logged: the load test opens them
 * all, and the tests of one deck read its page (a page load costs about half a CPU second). Closed in afterAll.
 */
const opened = new Map<string, Promise<{ page: Page; errors: string[] }>>();
function openedDeck(name: string): Promise<{ page: Page; errors: string[] }> {
  let open = opened.get(name);
  if (!open) {
    open = (async () => {
      const page = await browser.newPage();
      await offline(page);
      return { page, ...(await openDeck(page, pageOf(name))) };
    })();
    opened.set(name, open);
  }
  return open;
}

describe.each(Object.entries(corpus))('%s', (name, expected) => {
  it('builds with the expected slides, in order, with their text', () => {
    const { deck, rendered } = built.get(name)!;
    expect(deck.slides.map((s) => s.title)).toEqual(expected.titles);
    expect(deck.slides).toHaveLength(expected.slides);
    const lastSlide = deck.slides.at(-1)!;
    expect([lastSlide.h, lastSlide.v]).toEqual(expected.last);
    expect(rendered.html.match(/<section id="slide-/g)).toHaveLength(expected.slides);
    for (const text of expected.text ?? []) expect(rendered.html).toContain(text);
  });
});

// Each test opens pages of its own.
describe.concurrent('in the browser', () => {
  it('every corpus deck loads offline with no errors and reveal.js counts its slides', async () => {
    // Three decks at a time, each in a page of its own.
    await pool(Object.entries(corpus), 3, async ([name, expected]) => {
      const { page, errors } = await openedDeck(name);
      const total = await page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
      expect(total, name).toBe(expected.slides);
      expect(errors, name).toEqual([]);
    });
  });

  it('highlights code: reveal.js\'s highlight plugin marks up <code class="js"> and numbers lines', async () => {
    const { page } = await openedDeck('code/deck.md');
    const result = await page.evaluate(() => ({
      keywords: Array.from(document.querySelectorAll('#slide-1 code.hljs .hljs-keyword')).map((e) => e.textContent),
      comment: document.querySelector('#slide-1 code .hljs-comment')?.textContent,
      lineNumbers: document.querySelectorAll('#slide-3 code .hljs-ln-line').length,
      python: document.querySelector('#slide-3 code')?.classList.contains('hljs'),
    }));
    expect(result.keywords).toEqual(expect.arrayContaining(['const', 'function', 'return']));
    expect(result.comment).toBe('// the answer');
    expect(result.lineNumbers).toBeGreaterThanOrEqual(3);
    expect(result.python).toBe(true);
  });

  it('loads images and background images from the output folder', async () => {
    // Decoding an image waits for the page to be drawn, and only the tab in front is: this one, once every deck's
    // page is open (no later page takes its place).
    await Promise.all(Object.keys(corpus).map(openedDeck));
    const { page } = await openedDeck('media/deck.md');
    await page.bringToFront();
    const images = await page.evaluate(async () => {
      const reveal = (window as unknown as { Reveal: { slide(h: number): void } }).Reveal;
      reveal.slide(1);
      const local = Array.from(document.querySelectorAll<HTMLImageElement>('img')).filter((img) => !img.src.startsWith('http'));
      await Promise.all(local.map((img) => img.decode().catch(() => undefined)));
      const background = document.querySelector<HTMLElement>('.slide-background.present .slide-background-content');
      return {
        sizes: local.map((img) => [img.getAttribute('src'), img.naturalWidth]),
        background: background ? getComputedStyle(background).backgroundImage : '',
      };
    });
    expect(images.sizes).toEqual([
      ['img/red.png', 160],
      ['img/with%20space.svg', 200],
      ['img/with%20space.svg', 200],
    ]);
    expect(images.background).toMatch(/url\("file:.*\/backgrounds\/blue\.png"\)/);
    for (const file of ['img/red.png', 'backgrounds/blue.png', 'img/with space.svg']) {
      expect(existsSync(join(WORK, 'media-deck-md', file)), file).toBe(true);
    }
  });

  it('renders math with KaTeX and its fonts, offline', async () => {
    const { page, errors } = await openedDeck('math');
    const result = await page.evaluate(async () => {
      await document.fonts.ready;
      return {
        inline: document.querySelectorAll('#slide-1 .math-inline .katex').length,
        display: document.querySelectorAll('#slide-1 .katex-display').length,
        fontLoaded: document.fonts.check('16px KaTeX_Main'),
        katexFamily: Array.from(document.querySelectorAll('.katex')).map((e) => getComputedStyle(e).fontFamily)[0] ?? '',
        prose: document.querySelector('#slide-2')?.textContent?.includes('costs $5 and $10'),
      };
    });
    expect(result.inline).toBe(2);
    expect(result.display).toBe(1);
    expect(result.katexFamily).toContain('KaTeX_Main');
    expect(result.fontLoaded).toBe(true);
    expect(result.prose).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('math (unit)', () => {
  it('is off by default: dollar signs stay text', () => {
    expect(renderMarkdown(createMarkdown(), 'Euler: $e^{i\\pi}$')).toBe('<p>Euler: $e^{i\\pi}$</p>\n');
  });

  it('renders $inline$, $$display$$ blocks, leaves prices, escapes and code alone', () => {
    const md = createMarkdown({ math: true });
    expect(renderMarkdown(md, 'a $x^2$ b')).toMatch(
      /^<p>a <span class="math math-inline"><span class="katex">.*<annotation encoding="application\/x-tex">x\^2<\/annotation>/,
    );
    expect(renderMarkdown(md, '$$\n\\frac{1}{2}\n$$\n')).toMatch(/^<div class="math math-display"><span class="katex-display">/);
    expect(renderMarkdown(md, 'costs $5 and $10')).toBe('<p>costs $5 and $10</p>\n');
    expect(renderMarkdown(md, 'a \\$ sign and `$x$`')).toBe('<p>a $ sign and <code>$x$</code></p>\n');
    expect(renderMarkdown(md, '```\n$x$\n```')).toBe('<pre><code>$x$</code></pre>\n');
  });

  it('reports a TeX error as bad input quoting the formula', () => {
    const md = createMarkdown({ math: true });
    expect(() => renderMarkdown(md, 'bad $\\frac{1$ here')).toThrow(/^math: .* in \$\\frac\{1\$$/);
  });

  it("copies KaTeX's CSS and woff2 fonts only when math is on", () => {
    const without = vendorAssets('monokai');
    expect(without.urls.katexCss).toBeUndefined();
    expect(without.files.some((f) => f.target.startsWith('assets/katex/'))).toBe(false);
    const withMath = vendorAssets('monokai', { math: true });
    expect(withMath.urls.katexCss).toBe(KATEX_CSS);
    const fonts = withMath.files.filter((f) => f.target.startsWith('assets/katex/fonts/'));
    expect(fonts.length).toBeGreaterThanOrEqual(15);
    expect(fonts.every((f) => f.target.endsWith('.woff2'))).toBe(true);
    // Every font the stylesheet asks for in woff2 is there.
    const css = readFileSync(
      'source' in withMath.files.find((f) => f.target === KATEX_CSS)!
        ? (withMath.files.find((f) => f.target === KATEX_CSS) as { source: string }).source
        : '',
      'utf8',
    );
    const wanted = [...css.matchAll(/url\((fonts\/[^)]+\.woff2)\)/g)].map((m) => `assets/katex/${m[1]}`);
    expect(new Set(wanted)).toEqual(new Set(fonts.map((f) => f.target)));
  });
});

describe('through the real CLI', () => {
  it('builds a folder deck and a single-file deck with `node bin/deck.js build`', async () => {
    const { code, stdout, stderr } = await cliBuild;
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`built 5 slides → ${join(WORK, 'cli', 'nested', 'index.html')}`);
    expect(stdout).toContain(`built 4 slides → ${join(WORK, 'cli', 'talk', 'index.html')}`);
    expect(stdout).toContain('2 of 2 decks built');
    expect(existsSync(join(WORK, 'cli', 'nested', '02-part-two', 'images', 'square.svg'))).toBe(true);
    const html = readFileSync(join(WORK, 'cli', 'talk', 'index.html'), 'utf8');
    expect(html).toContain('<title>Reveal-md style talk</title>');
    expect(html).toContain('assets/theme/white.css');
    expect(html).toContain('assets/reveal/plugin/highlight/zenburn.css');
    expect(html.match(/<section id="slide-/g)).toHaveLength(4);
  });
});
