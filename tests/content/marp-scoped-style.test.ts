/** Marp's `<style scoped>`: CSS for its own slide only, `section` being that slide; in Chromium as in Marp. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPage } from '../../src/browser/index.js';
import { loadDeck } from '../../src/content/deck.js';
import { scopeMarpStyles } from '../../src/content/marp-scoped-style.js';
import { closeBrowser, startChromium, type Browser } from '../helpers/chromium.js';
import { builtDeckUrl, openDeck } from '../helpers/deck-page.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const { folder } = useTempFolder('deck-marp-scoped-');

describe('scopeMarpStyles', () => {
  it('roots a scoped style at the slide, section being the slide itself; other styles and text stay as written', () => {
    const css = 'section { background: #fee; }\nsection.lead h1, h2 { color: red }\n@media print { section::after { content: "x" } }';
    expect(scopeMarpStyles(`# A\n\n<style scoped>\n${css}\n</style>\n\nsection text`, 'talk.md:3')).toEqual({
      body:
        '# A\n\n<style>@scope ([data-marp-scope="talk.md:3"]) { :scope { & { background: #fee; }\n' +
        '&.lead h1, h2 { color: red }\n@media print { &::after { content: "x" } } } }</style>\n\nsection text',
      scoped: true,
    });
    expect(scopeMarpStyles('<STYLE media="screen" scoped id="s">h1{x:y}</STYLE>', 'k').body).toBe(
      '<style media="screen" id="s">@scope ([data-marp-scope="k"]) { :scope { h1{x:y} } }</style>',
    );
    const kept = '<style>h1 { color: red }</style>\n<style data-scoped>p{}</style>\n<p>sections { }</p>';
    expect(scopeMarpStyles(kept, 'k')).toEqual({ body: kept, scoped: false });
  });

  it('applies in a Marp deck only, naming the slide by file and line', async () => {
    const slides = '# One\n\n---\n\n# Two\n\n<style scoped>h1 { color: red }</style>\n';
    const marp = await loadDeck(folder('marp', { 'talk.md': `---\nmarp: true\n---\n\n${slides}` }));
    expect(marp.slides.map((slide) => slide.attributes['data-marp-scope'])).toEqual([undefined, 'talk.md:9']);
    expect(marp.slides[1]!.html).toContain('@scope ([data-marp-scope="talk.md:9"])');
    const reveal = await loadDeck(folder('reveal', { 'talk.md': slides }));
    expect(reveal.slides[1]!.attributes).toEqual({});
    expect(reveal.slides[1]!.html).toContain('<style scoped>h1 { color: red }</style>');
  });
});

describe('a Marp deck with <style scoped> in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startChromium();
  });
  afterAll(async () => closeBrowser(browser));

  it('colours its own slide and heading, not the other slides', async () => {
    const url = await builtDeckUrl(mkdtempSync(join(tmpdir(), 'deck-marp-scoped-')), {
      'talk.md':
        '---\nmarp: true\n---\n\n# One\n\n---\n\n<style scoped>\nsection { background: rgb(255, 240, 200); }\nh1 { color: rgb(200, 0, 0); }\n</style>\n\n# Two\n\n---\n\n# Three\n',
    });
    const looks = await withPage(browser, async (page) => {
      await openDeck(page, url);
      return page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.reveal .slides > section')].map((slide) => ({
          background: getComputedStyle(slide).backgroundColor,
          heading: getComputedStyle(slide.querySelector('h1')!).color,
        })),
      );
    });
    expect(looks[1]).toEqual({ background: 'rgb(255, 240, 200)', heading: 'rgb(200, 0, 0)' });
    for (const other of [looks[0]!, looks[2]!]) {
      expect(other.background).not.toBe('rgb(255, 240, 200)');
      expect(other.heading).not.toBe('rgb(200, 0, 0)');
    }
  });
});
