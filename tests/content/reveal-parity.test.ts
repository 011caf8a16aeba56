/**
 * The same Markdown gives the same slides as reveal.js's own markdown plugin, given the same separators: count,
 * order and nesting, text, notes, slide attributes and fragments. Both are rendered in a real Chromium and read
 * back through the same DOM walk.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPage } from '../../src/browser/index.js';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { buildDeck, writeRendered, revealDistDir } from '../../src/render/index.js';
import { startChromium, closeBrowser, type Browser } from '../helpers/chromium.js';

const fixture = join(import.meta.dirname, '../fixtures/content/parity.md');

interface Leaf {
  h: number;
  v: number;
  text: string;
  notes: string;
  background: string | null;
  fragments: number;
}

/** Runs in the page: every leaf slide's text (notes excluded), notes, background and fragment count. */
function readSlides(): Leaf[] {
  const reveal = (window as unknown as { Reveal: { getSlides(): HTMLElement[]; getIndices(s: HTMLElement): { h: number; v?: number } } })
    .Reveal;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return reveal.getSlides().map((slide) => {
    const clone = slide.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('aside.notes').forEach((n) => n.remove());
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
}

function revealPluginPage(dir: string, markdown: string): string {
  const dist = pathToFileURL(revealDistDir()).href;
  const html = `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><link rel="stylesheet" href="${dist}/reveal.css"></head>
<body><div class="reveal"><div class="slides">
<section data-markdown data-separator="${DEFAULT_SEPARATOR}" data-separator-vertical="${DEFAULT_VERTICAL_SEPARATOR}" data-separator-notes="${DEFAULT_NOTES_SEPARATOR}"><textarea data-template id="md"></textarea></section>
</div></div>
<script src="${dist}/reveal.js"></script><script src="${dist}/plugin/markdown.js"></script>
<script>document.getElementById('md').textContent = ${JSON.stringify(markdown).replace(/</g, '\\u003c')};
Reveal.initialize({ plugins: [RevealMarkdown], hash: false });</script></body></html>`;
  const file = join(dir, 'plugin.html');
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

describe('parity with reveal.js markdown plugin', () => {
  let browser: Browser;
  let ours: Leaf[];
  let theirs: Leaf[];

  beforeAll(async () => {
    browser = await startChromium();
    const dir = mkdtempSync(join(tmpdir(), 'deck-parity-'));
    const { rendered } = await buildDeck(fixture, { flags: { hash: false } });
    const index = await writeRendered(join(dir, 'ours'), rendered);
    const load = (url: string) =>
      withPage(browser, async (page) => {
        await page.goto(url);
        await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
        return page.evaluate(readSlides);
      });
    [ours, theirs] = await Promise.all([load(pathToFileURL(index).href), load(revealPluginPage(dir, readFileSync(fixture, 'utf8')))]);
  });

  afterAll(async () => closeBrowser(browser));

  it('has the same number, order and nesting of slides', () => {
    expect(theirs.length).toBe(7);
    expect(ours.map(({ h, v }) => [h, v])).toEqual(theirs.map(({ h, v }) => [h, v]));
  });

  it('has the same text on every slide', () => {
    expect(ours.map((s) => s.text)).toEqual(theirs.map((s) => s.text));
  });

  it('has the same notes, attributes and fragments', () => {
    expect(ours.map((s) => s.notes)).toEqual(theirs.map((s) => s.notes));
    expect(ours.map((s) => s.background)).toEqual(theirs.map((s) => s.background));
    expect(ours.map((s) => s.fragments)).toEqual(theirs.map((s) => s.fragments));
    expect(theirs.filter((s) => s.notes).length).toBe(4);
  });
});
