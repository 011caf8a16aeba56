/**
 * Every slide of the default deck, in both theme variants, measured in a real Chromium at 1280×720 with reveal's
 * layout on: nothing overflows the slide, no text is drawn under 24px, no line holds a single character alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from '../../src/browser/launch.js';
import { THEMES, buildDefaultDeck, openDeck, showSlide, slideIndices } from './deck-page.js';

interface Measure {
  id: string;
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
  return { id: slide.id, scrollWidth: slide.scrollWidth, scrollHeight: slide.scrollHeight, outside, small, orphans };
}

let browser: Browser;
const results = new Map<string, Measure[]>();
let planted: Measure;

beforeAll(async () => {
  browser = await launchBrowser({ executablePath: '/usr/bin/chromium' });
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
    }
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('the measure', () => {
  it('catches overflow, small text and an orphan when they are there', () => {
    expect(planted.scrollWidth).toBeGreaterThan(1280);
    expect(planted.outside.join()).toContain('太寬');
    expect(planted.small.join()).toContain('小字');
    expect(planted.orphans.join()).toContain('一二三四五');
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

  it('leaves no single character alone on a last line', () => {
    expect(results.get(theme)!.flatMap((m) => m.orphans.map((s) => `${m.id}: ${s}`))).toEqual([]);
  });
});
