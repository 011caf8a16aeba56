/**
 * WCAG AA contrast in both GPT themes, measured in a real Chromium: every piece of text on every slide of the
 * default deck (HTML and SVG), and every code token of the `deck init` sample, against the colour actually behind
 * it. 4.5:1 for normal text, 3:1 for large text (24px, or 18.66px bold).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startChromium } from '../helpers/chromium.js';
import { buildDeck } from '../../src/render/build.js';
import { writeRendered } from '../../src/render/write.js';
import { buildDefaultDeck, openDeck, showSlide, slideIndices, THEMES } from './deck-page.js';

const INIT_SAMPLE = join(import.meta.dirname, '..', '..', 'templates', 'init');

interface Failure {
  text: string;
  ratio: number;
  needed: number;
  color: string;
  background: string;
}

/** In the page: every visible text of the current slide (or of `selector`) with its contrast against what is behind it. */
function measureContrast(page: Page, selector: string, strict = false): Promise<Failure[]> {
  return page.evaluate(
    (selector, strict) => {
      const parse = (value: string): number[] | undefined => {
        const m = /rgba?\(([^)]+)\)/.exec(value);
        if (!m) return undefined;
        const parts = m[1]!
          .split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number);
        return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
      };
      const luminance = ([r, g, b]: number[]) => {
        const channel = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
      };
      const blend = (top: number[], bottom: number[]) => top.slice(0, 3).map((c, i) => c * top[3]! + bottom[i]! * (1 - top[3]!));
      const viewportBg = parse(getComputedStyle(document.querySelector('.reveal-viewport') ?? document.body).backgroundColor)!;
      /** The colour behind an element: the backgrounds (and SVG shapes drawn under SVG text) of it and its ancestors. */
      const behind = (element: Element): number[] => {
        const layers: number[][] = [];
        for (let node: Element | null = element; node; node = node.parentElement) {
          if (node instanceof SVGElement && node.tagName === 'g') {
            const shape = node.querySelector(':scope > rect, :scope > circle');
            const fill = shape ? parse(getComputedStyle(shape).fill) : undefined;
            // Only a shape drawn before the text and under its centre is behind it (a box, a chip; not a dot beside it).
            const box = shape?.getBoundingClientRect();
            const own = element.getBoundingClientRect();
            const [x, y] = [own.left + own.width / 2, own.top + own.height / 2];
            const under = box && x > box.left && x < box.right && y > box.top && y < box.bottom;
            if (fill && fill[3]! > 0 && under && shape!.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)
              layers.push(fill);
          }
          const bg = parse(getComputedStyle(node).backgroundColor);
          if (bg && bg[3]! > 0) layers.push(bg);
          if (bg && bg[3] === 1) break;
        }
        let color = viewportBg.slice(0, 3);
        for (const layer of layers.reverse()) color = blend(layer, color);
        return color;
      };
      const root = document.querySelector(selector) ?? document.querySelector('.reveal .slides section.present:not(.stack)')!;
      const failures: Failure[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const element = node.parentElement;
        if (!text || !element || element.closest('aside.notes, title, desc, script, style')) continue;
        const style = getComputedStyle(element);
        const rect = element.getBoundingClientRect();
        if (style.visibility === 'hidden' || rect.width === 0 || rect.height === 0) continue;
        // Lines a code block dims on purpose (reveal.js's line highlights) are measured at full strength.
        const color = parse(element instanceof SVGElement ? style.fill : style.color);
        if (!color) continue;
        const background = behind(element);
        const foreground = blend(color, background);
        const [a, b] = [luminance(foreground), luminance(background)];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const size = Number.parseFloat(style.fontSize);
        const bold = Number(style.fontWeight) >= 700;
        const needed = !strict && (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
        if (ratio < needed) {
          failures.push({
            text: text.slice(0, 40),
            ratio: Math.round(ratio * 100) / 100,
            needed,
            color: foreground.map(Math.round).join(','),
            background: background.map(Math.round).join(','),
          });
        }
      }
      return failures;
    },
    selector,
    strict,
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await startChromium();
});
afterAll(async () => {
  if (browser) await closeBrowser(browser);
});

// Each test reads pages of its own: the four run at once.
describe.concurrent('WCAG AA', () => {
  for (const theme of THEMES) {
    describe(`contrast (${theme})`, () => {
      it('every text on every slide of the default deck passes WCAG AA', async () => {
        const page = await openDeck(browser, await buildDefaultDeck(theme));
        try {
          const failures: string[] = [];
          let measured = 0;
          for (const { h, v } of await slideIndices(page)) {
            await showSlide(page, h, v);
            measured++;
            for (const f of await measureContrast(page, '.reveal .slides section.present:not(.stack)')) {
              failures.push(`slide ${measured} "${f.text}": ${f.ratio}:1 < ${f.needed}:1 (${f.color} on ${f.background})`);
            }
          }
          expect(measured).toBeGreaterThan(20);
          expect(failures).toEqual([]);
        } finally {
          await page.close();
        }
      });

      it('a slide with a background colour of its own, dark or light, keeps its text readable on it', async () => {
        // As engeir/slides's EGU talk: dark slides (data-background-color="#001928") in a deck with no theme set.
        const dir = mkdtempSync(join(tmpdir(), `deck-contrast-bg-${theme}-`));
        writeFileSync(
          join(dir, 'talk.md'),
          [
            '<!-- .slide: data-background-color="#001928" -->\n## Simulations\n\n- CESM2 with [a link](https://example.org)\n\n`code` and *text*',
            '<!-- .slide: data-background-color="#f5f5f5" -->\n## Results\n\n- on light grey\n\n> a quote',
          ].join('\n\n---\n\n'),
        );
        const { rendered } = await buildDeck(join(dir, 'talk.md'), { flags: { theme } });
        const page = await openDeck(browser, await writeRendered(join(dir, 'out'), rendered));
        try {
          const failures: string[] = [];
          for (const h of [0, 1]) {
            await showSlide(page, h, 0);
            const background = await page.$eval(
              '.reveal .backgrounds .slide-background.present',
              (element) => getComputedStyle(element).backgroundColor,
            );
            await page.$eval('.reveal-viewport', (element, color) => ((element as HTMLElement).style.background = color), background);
            for (const f of await measureContrast(page, '.reveal .slides section.present:not(.stack)')) {
              failures.push(`slide ${h + 1} "${f.text}": ${f.ratio}:1 < ${f.needed}:1 (${f.color} on ${f.background})`);
            }
          }
          expect(failures).toEqual([]);
        } finally {
          await page.close();
        }
      });

      it('every code token of the deck init sample is at least 4.5:1 on the code background', async () => {
        const out = mkdtempSync(join(tmpdir(), `deck-contrast-${theme}-`));
        const { rendered } = await buildDeck(INIT_SAMPLE, { flags: { theme } });
        const page = await openDeck(browser, await writeRendered(out, rendered));
        try {
          const where = await page.evaluate(() => {
            const reveal = (window as unknown as { Reveal: { getIndices(s: Element): { h: number; v?: number } } }).Reveal;
            const { h, v } = reveal.getIndices(document.querySelector('pre code.hljs')!.closest('section:not(.stack)')!);
            return { h, v: v ?? 0 };
          });
          await showSlide(page, where.h, where.v);
          const tokens = await page.$$eval('pre code.hljs span[class^="hljs-"]', (spans) => spans.length);
          expect(tokens, 'the sample has highlighted code').toBeGreaterThan(3);
          // Code is read closely whatever its size: every token is held to 4.5:1.
          expect(await measureContrast(page, 'pre code.hljs', true)).toEqual([]);
        } finally {
          await page.close();
        }
      });
    });
  }
});
