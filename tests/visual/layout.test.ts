/**
 * Every slide of the default deck, in both theme variants, measured in a real Chromium at 1280×720 with reveal's
 * layout on: nothing overflows the slide, no text is drawn under 24px, no line holds a single character alone,
 * and every slide but the title and the section dividers uses its area (USES_AREA).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { closeBrowser, startChromium } from '../helpers/chromium.js';
import { THEMES, buildDefaultDeck, openDeck, showSlide, slideIndices } from './deck-page.js';

interface Measure {
  id: string;
  layout: string;
  /** The content's extent (text, images, SVG, code, tables) in slide pixels from the slide's top. */
  contentTop: number;
  contentBottom: number;
  scrollWidth: number;
  scrollHeight: number;
  /** Elements drawn outside the slide's 1280×720 box. */
  outside: string[];
  /** Text drawn smaller than 24px on screen. */
  small: string[];
  /** Text blocks whose last line is a single character. */
  orphans: string[];
}

/** Runs in the page: measure the current slide. */
function measure(): Measure {
  const reveal = (
    window as unknown as { Reveal: { getCurrentSlide(): HTMLElement; getScale(): number; getConfig(): { width: number; height: number } } }
  ).Reveal;
  const slide = reveal.getCurrentSlide();
  const scale = reveal.getScale();
  const { width, height } = reveal.getConfig();
  const slides = document.querySelector('.reveal .slides')!.getBoundingClientRect();
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
  const outside: string[] = [];
  const small: string[] = [];
  const orphans: string[] = [];
  const tolerance = 1;
  for (const el of slide.querySelectorAll('*')) {
    if (el.closest('aside.notes')) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (
      rect.left < slides.left - tolerance ||
      rect.top < slides.top - tolerance ||
      rect.right > slides.left + width * scale + tolerance ||
      rect.bottom > slides.top + height * scale + tolerance
    ) {
      outside.push(describe(el));
    }
    const hasText = [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
    if (hasText) {
      const size = parseFloat(getComputedStyle(el).fontSize) * scale;
      if (size < 24 - 0.01) small.push(`${describe(el)} ${size.toFixed(1)}px`);
    }
  }
  for (const block of slide.querySelectorAll('h1, h2, h3, p, li, td, th, .subtitle, .model-tagline')) {
    const text = block.textContent ?? '';
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const chars: { node: Text; offset: number }[] = [];
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let i = 0; i < node.data.length; i++) if (node.data[i]!.trim()) chars.push({ node, offset: i });
    }
    if (chars.length < 3 || !text.trim()) continue;
    const top = (c: { node: Text; offset: number }) => {
      const range = document.createRange();
      range.setStart(c.node, c.offset);
      range.setEnd(c.node, c.offset + 1);
      return range.getBoundingClientRect().top;
    };
    const last = chars[chars.length - 1]!;
    const before = chars[chars.length - 2]!;
    if (top(last) - top(before) > 4) orphans.push(describe(block));
  }
  for (const el of document.querySelectorAll('.reveal .slide-number, .reveal .slide-number *')) {
    const hasText = [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
    if (hasText && parseFloat(getComputedStyle(el).fontSize) < 24) small.push(`slide number ${getComputedStyle(el).fontSize}`);
  }
  let contentTop = Number.POSITIVE_INFINITY;
  let contentBottom = Number.NEGATIVE_INFINITY;
  const extend = (rect: DOMRect) => {
    if (rect.width < 1 || rect.height < 1) return;
    contentTop = Math.min(contentTop, (rect.top - slides.top) / scale);
    contentBottom = Math.max(contentBottom, (rect.bottom - slides.top) / scale);
  };
  const texts = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (!node.textContent?.trim() || node.parentElement?.closest('aside.notes, title, desc, style, script')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    extend(range.getBoundingClientRect());
  }
  for (const el of slide.querySelectorAll('img, svg, video, canvas, pre, table'))
    if (!el.closest('aside.notes')) extend(el.getBoundingClientRect());
  return {
    id: slide.id,
    layout: slide.dataset.layout ?? '',
    contentTop,
    contentBottom,
    scrollWidth: slide.scrollWidth,
    scrollHeight: slide.scrollHeight,
    outside,
    small,
    orphans,
  };
}

/**
 * A slide uses its area when its content covers at least half the slide's height, or sits centred (its middle
 * within 8% of the slide's middle: a statement, a quote). A heading and three bullets at the top do neither.
 */
const USES_AREA = { minShare: 0.5, maxCentreOffset: 0.08 };
const SLIDE_HEIGHT = 720;
/** Layouts meant to be sparse. */
const SPARSE_LAYOUTS = new Set(['title', 'section']);

function usesArea(m: Measure): boolean {
  const share = (m.contentBottom - m.contentTop) / SLIDE_HEIGHT;
  const offset = Math.abs((m.contentTop + m.contentBottom) / 2 - SLIDE_HEIGHT / 2) / SLIDE_HEIGHT;
  return share >= USES_AREA.minShare || offset <= USES_AREA.maxCentreOffset;
}

let browser: Browser;
const results = new Map<string, Measure[]>();
let planted: Measure;
let topHeavy: Measure;

beforeAll(async () => {
  browser = await startChromium();
  for (const theme of THEMES) {
    const page: Page = await openDeck(browser, await buildDefaultDeck(theme));
    const measures: Measure[] = [];
    for (const { h, v } of await slideIndices(page)) {
      await showSlide(page, h, v);
      measures.push(await page.evaluate(measure));
    }
    results.set(theme, measures);
    if (theme === 'gpt') {
      // The measure must see faults: plant each kind on the last slide.
      await page.evaluate(() => {
        const slide = (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide();
        slide.insertAdjacentHTML(
          'beforeend',
          '<p style="font-size:20px">小字</p><p style="width:2000px">太寬</p><p style="width:280px;font-size:34px">一二三四五六七八九</p>',
        );
      });
      planted = await page.evaluate(measure);
      // A heading and three bullets at the top, the meetup slide the layouts replace.
      await page.evaluate(() => {
        const slide = (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide();
        slide.dataset.layout = 'plain';
        slide.innerHTML = '<h2>GPT-2 的特點</h2><ul><li>參數 15 億</li><li>無需特定任務微調</li><li>生成連貫文本</li></ul>';
      });
      topHeavy = await page.evaluate(measure);
    }
  }
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
});

describe('the measure', () => {
  it('catches overflow, small text and an orphan when they are there', () => {
    expect(planted.scrollWidth).toBeGreaterThan(1280);
    expect(planted.outside.join()).toContain('太寬');
    expect(planted.small.join()).toContain('小字');
    expect(planted.orphans.join()).toContain('一二三四五');
  });

  it('tells a heading and three bullets at the top from a slide that uses its area', () => {
    expect(topHeavy.contentTop).toBeLessThan(120);
    expect(usesArea(topHeavy)).toBe(false);
  });
});

describe.each(THEMES)('the default deck in %s', (theme) => {
  it('has all its slides measured', () => {
    expect(results.get(theme)!.length).toBeGreaterThanOrEqual(25);
  });

  it('has no slide whose content overflows its 1280×720 box', () => {
    const overflowing = results
      .get(theme)!
      .filter((m) => m.scrollWidth > 1280 || m.scrollHeight > 720 || m.outside.length)
      .map((m) => `${m.id}: ${m.scrollWidth}×${m.scrollHeight} ${m.outside.slice(0, 3).join(', ')}`);
    expect(overflowing).toEqual([]);
  });

  it('draws no text under 24px at 1280×720', () => {
    expect(results.get(theme)!.flatMap((m) => m.small.map((s) => `${m.id}: ${s}`))).toEqual([]);
  });

  it('uses the area of every slide but the title and the section dividers', () => {
    const sparse = results
      .get(theme)!
      .filter((m) => !SPARSE_LAYOUTS.has(m.layout) && !usesArea(m))
      .map((m) => `${m.id} (${m.layout}): content from ${Math.round(m.contentTop)} to ${Math.round(m.contentBottom)} px of 720`);
    expect(sparse).toEqual([]);
  });

  it('leaves no single character alone on a last line', () => {
    expect(results.get(theme)!.flatMap((m) => m.orphans.map((s) => `${m.id}: ${s}`))).toEqual([]);
  });
});
