/**
 * The default deck (slides/): what the sources define is what gets built, the facts on the model slides, and the
 * page itself in a real Chromium from file://.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPage } from '../../src/browser/index.js';
import { buildDeck, writeRendered, type BuildResult } from '../../src/render/index.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { measureSlides, openDeck } from '../helpers/deck-page.js';

const slidesDir = join(import.meta.dirname, '../../slides');

/** Count slides straight from the sources: separator lines outside front matter and code fences, plus one a file. */
function countFromSources(): number {
  let total = 0;
  for (const file of readdirSync(slidesDir).filter((f) => f.endsWith('.md'))) {
    const lines = readFileSync(join(slidesDir, file), 'utf8').split(/\r?\n/);
    let i = 0;
    if (lines[0] === '---') i = lines.indexOf('---', 1) + 1;
    let fence = false;
    total += 1;
    for (; i < lines.length; i++) {
      if (/^(```|~~~)/.test(lines[i]!)) fence = !fence;
      else if (!fence && (lines[i] === '---' || lines[i] === '----')) total += 1;
    }
  }
  return total;
}

/** What the article says of each generation: year, and parameters as the slide must show them. */
const FACTS: Record<string, [number, string]> = {
  'GPT-1': [2018, '1.17 億'],
  'GPT-2': [2019, '15 億'],
  'GPT-3': [2020, '1750 億'],
  InstructGPT: [2022, '未公開'],
  'GPT-4': [2023, '未公開'],
  'GPT-4o': [2024, '未公開'],
};

describe('the default deck', () => {
  let built: BuildResult;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    // Chromium starts while the deck builds.
    const starting = startChromium();
    starting.catch(() => undefined);
    built = await buildDeck(slidesDir);
    const out = mkdtempSync(join(tmpdir(), 'deck-default-'));
    url = pathToFileURL(await writeRendered(out, built.rendered)).href;
    browser = await starting;
  });
  afterAll(async () => closeBrowser(browser));

  it('builds every slide the sources define, at least 12', () => {
    expect(built.deck.slides.length).toBe(countFromSources());
    expect(built.deck.slides.length).toBeGreaterThanOrEqual(12);
    expect(built.deck.config.lang).toBe('zh-Hant');
    expect(built.rendered.html).toContain('<title>技術的飛躍：GPT-1 至 GPT-4o 的演變</title>');
  });

  it('has one section per generation, each model slide showing its year and parameter figure', () => {
    const models = built.deck.sections.filter((s) => s.data.model);
    expect(models.map((s) => s.data.model)).toEqual(Object.keys(FACTS));
    for (const section of models) {
      const [year, params] = FACTS[section.data.model as string]!;
      expect(section.data.year).toBe(year);
      const slide = section.stacks[0]![0]!;
      expect(slide.layout).toBe('model');
      const html = new RegExp(`<section id="${slide.id}"[\\s\\S]*?</section>`).exec(built.rendered.html)![0];
      expect(html).toContain(`<span class="model-year">${year}</span>`);
      expect(html).toMatch(new RegExp(`model-params">.*${params}`));
    }
  });

  it('has speaker notes on every slide', () => {
    const missing = built.deck.slides.filter((s) => s.notes.trim().length < 20).map((s) => `${s.file}:${s.line}`);
    expect(missing).toEqual([]);
  });

  // One page load for both (the deck's 32 slides laid out and measured, then the fonts of a few nodes).
  it('loads from file:// with no console error, reveal.js sees every slide, none overflows, and draws the Chinese text with a Traditional Chinese font', async () => {
    await withPage(browser, async (page) => {
      const { errors } = await openDeck(page, url);
      const total = await page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
      expect(total).toBe(built.deck.slides.length);
      const boxes = await measureSlides(page);
      expect(boxes.map((b) => b.id)).toEqual(built.deck.slides.map((s) => s.id));
      const overflowing = boxes.filter((b) => b.scrollHeight > b.height || b.scrollWidth > b.width);
      expect(overflowing).toEqual([]);
      expect(errors).toEqual([]);
      const cdp = await page.createCDPSession();
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const fontsOf = async (selector: string) => {
        // Only a displayed slide has laid-out text: go to the slide holding the node first.
        await page.evaluate((sel) => {
          const reveal = (
            window as unknown as { Reveal: { getIndices(s: Element): { h: number; v?: number }; slide(h: number, v: number): void } }
          ).Reveal;
          const { h, v } = reveal.getIndices(document.querySelector(sel)!.closest('section:not(.stack)')!);
          reveal.slide(h, v ?? 0);
        }, selector);
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        return fonts.map((f) => f.familyName);
      };
      for (const selector of ['#slide-1 h1.title', '#slide-2 h2', '.comparison-table td.innovation', '.model-tagline', 'svg text']) {
        const families = await fontsOf(selector);
        expect(
          families.some((name) => /CJK TC|\bTC\b|Traditional/.test(name)),
          `${selector}: ${families}`,
        ).toBe(true);
        expect(
          families.some((name) => /CJK (JP|SC|KR)/.test(name)),
          `${selector}: ${families}`,
        ).toBe(false);
      }
    });
  });
});
