/**
 * The export's print page skips the reveal.js plugin with nothing to do there (src/export/idle-plugins.ts): the
 * speaker notes. Code highlighting is in the page, the user's index.html included, only when a slide has a code
 * block (src/render/code-blocks.ts): a deck without code loads no highlight script at all, and one with code is
 * coloured in the live deck and in the PDF alike.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/log.js';
import { idlePlugins } from '../../src/export/idle-plugins.js';
import { exportPdf, type ExportPdfResult } from '../../src/export/index.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';

const NOTES = 'assets/reveal/plugin/notes.js';
const HIGHLIGHT = 'assets/reveal/plugin/highlight.js';

/** Each page's text runs with the fill colour they are drawn in ("r,g,b", 0–255). */
async function textColours(file: string): Promise<{ text: string; colours: Set<string> }[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  try {
    const pages: { text: string; colours: Set<string> }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const operators = await page.getOperatorList();
      let fill = '0,0,0';
      const saved: string[] = [];
      const colours = new Set<string>();
      operators.fnArray.forEach((fn, i) => {
        const args = operators.argsArray[i] as unknown[];
        if (fn === OPS.save) saved.push(fill);
        else if (fn === OPS.restore) fill = saved.pop() ?? fill;
        else if (fn === OPS.setFillRGBColor) {
          const colour = args as unknown as ArrayLike<number> | [string];
          fill =
            typeof colour[0] === 'string'
              ? [1, 3, 5].map((at) => Number.parseInt((colour[0] as string).slice(at, at + 2), 16)).join(',')
              : Array.from(colour as ArrayLike<number>).join(',');
        } else if (fn === OPS.showText) colours.add(fill);
      });
      pages.push({ text: content.items.map((item) => ('str' in item ? item.str : '')).join(''), colours });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

let browser: Browser;
let work: string;
const logs = { plain: createMemoryLogger(), code: createMemoryLogger() };
let plain: ExportPdfResult;
let code: ExportPdfResult;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'deck-idle-plugins-'));
  for (const name of ['plain', 'code']) mkdirSync(join(work, name));
  writeFileSync(
    join(work, 'plain', 'slides.md'),
    '# Plain deck\n\nInline `code` only.\n\nNote: Speaker notes here.\n\n---\n\n## Second\n\n- one\n- two\n\n---\n\n## Third\n\nThe end.\n',
  );
  writeFileSync(
    join(work, 'code', 'slides.md'),
    '# Code deck\n\n---\n\n## Some code\n\n```js\nconst answer = 42;\nfunction ask() {\n  return answer;\n}\n```\n\nNote: Explain the code.\n',
  );
  browser = await startChromium();
  [plain, code] = await Promise.all([
    exportPdf(join(work, 'plain'), { outDir: join(work, 'plain-out'), browser, logger: logs.plain }),
    exportPdf(join(work, 'code'), { outDir: join(work, 'code-out'), browser, logger: logs.code }),
  ]);
}, 180_000);

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The plugin scripts the export says it answered with empty plugins. */
const skipped = (logger: ReturnType<typeof createMemoryLogger>) =>
  logger.lines
    .filter((line) => line.message.startsWith('not loaded in the print page'))
    .map((line) => line.message.slice(line.message.indexOf('assets/')));

describe('idle plugins in the print page', () => {
  it('the speaker notes plugin is answered with an empty one', () => {
    const out = join(tmpdir(), 'x');
    expect([...idlePlugins(out).keys()]).toEqual([pathToFileURL(join(out, NOTES)).href]);
  });

  it('without code blocks: the notes plugin is skipped, no highlight plugin is in the page, and the PDFs have every slide', async () => {
    expect(skipped(logs.plain)).toEqual([NOTES]);
    expect(readFileSync(plain.index, 'utf8')).not.toContain('highlight');
    expect(plain.slides?.pages).toBe(3);
    const pages = await textColours(plain.slides!.path);
    // Each slide's text and its slide number.
    expect(pages.map((page) => page.text.replace(/\s+/g, ''))).toEqual(['PlaindeckInlinecodeonly.1', 'Secondonetwo2', 'ThirdTheend.3']);
    expect(plain.handout?.pages).toBe(3);
  });

  it('with a code block: highlighting runs, and the PDF colours the code as the live deck does', async () => {
    expect(skipped(logs.code)).toEqual([NOTES]);
    const pages = await textColours(code.slides!.path);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.text).toContain('const answer = 42;');
    // The live deck (both plugins loaded) in Chromium: the colours highlight.js gives a keyword and a number.
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(code.index).href, { waitUntil: 'load' });
      await page.waitForSelector('code.hljs .hljs-keyword');
      const live = await page.evaluate(() =>
        ['.hljs-keyword', '.hljs-number'].map((selector) => getComputedStyle(document.querySelector(`code.hljs ${selector}`)!).color),
      );
      const rgb = live.map((colour) => /rgba?\((\d+), (\d+), (\d+)/.exec(colour)!.slice(1, 4).join(','));
      for (const colour of rgb) expect(pages[1]!.colours, `keyword/number colour ${colour}`).toContain(colour);
    } finally {
      await page.close();
    }
  });

  it('the user’s index.html keeps the notes plugin, and links and copies the highlight plugin only with code', () => {
    for (const result of [plain, code]) {
      const html = readFileSync(result.index, 'utf8');
      expect(html).toContain(`src="${NOTES}"`);
    }
    const withCode = readFileSync(code.index, 'utf8');
    expect(withCode).toContain(`src="${HIGHLIGHT}"`);
    expect(withCode).toContain('plugins: [RevealNotes, RevealHighlight]');
    expect(readFileSync(join(code.index, '..', HIGHLIGHT), 'utf8').length).toBeGreaterThan(100_000);
    expect(readFileSync(join(code.index, '..', 'assets/reveal/plugin/highlight/monokai.css'), 'utf8')).toContain('.hljs');
    const plainHtml = readFileSync(plain.index, 'utf8');
    expect(plainHtml).not.toContain(HIGHLIGHT);
    expect(plainHtml).toContain('plugins: [RevealNotes]');
    expect(existsSync(join(plain.index, '..', HIGHLIGHT))).toBe(false);
    expect(existsSync(join(plain.index, '..', 'assets/reveal/plugin/highlight'))).toBe(false);
  });

  it('in Chromium, the deck without code requests no highlight script and starts without the plugin', async () => {
    const page = await browser.newPage();
    try {
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(pathToFileURL(plain.index).href, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady(), { polling: 100 });
      expect(requested.some((url) => url.endsWith('/assets/reveal/reveal.js'))).toBe(true);
      expect(requested.filter((url) => url.includes('highlight'))).toEqual([]);
      const plugins = await page.evaluate(() => {
        const reveal = (window as unknown as { Reveal: { hasPlugin(id: string): boolean } }).Reveal;
        return { notes: reveal.hasPlugin('notes'), highlight: reveal.hasPlugin('highlight') };
      });
      expect(plugins).toEqual({ notes: true, highlight: false });
    } finally {
      await page.close();
    }
  });
});
