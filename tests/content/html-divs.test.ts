/** `<div>` blocks read as Pandoc reads them: a notes div in any deck, every div in a deck written for Pandoc. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/index.js';
import { createMarkdown, renderMarkdown } from '../../src/content/markdown.js';

const render = (text: string, pandoc = false) => renderMarkdown(createMarkdown({ pandoc }), text).replace(/>\s+</g, '><').trim();

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
async function deckOf(name: string, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'deck-html-divs-'));
  dirs.push(dir);
  writeFileSync(join(dir, name), text);
  return loadDeck(join(dir, name));
}

describe('a <div class="notes"> block', () => {
  it('is the slide’s speaker notes, its Markdown rendered, in a reveal-md deck: not on the slide, where the room sees it', async () => {
    const deck = await deckOf(
      'slides.md',
      '# Plain deck\n\nOn the slide.\n\n<div class="notes">\nRemember to say **this**.\n- and that\n</div>\n\n---\n\n## Two\n\nMore.\n',
    );
    const [first, second] = deck.slides;
    expect(first!.html).toContain('On the slide.');
    expect(first!.html).not.toMatch(/Remember|class="notes"/);
    expect(first!.notesHtml).toContain('Remember to say <strong>this</strong>.');
    expect(first!.notesHtml).toMatch(/<li>and that<\/li>/);
    expect(first!.notes).toContain('Remember to say this.');
    expect(second!.notesHtml).toBe('');
  });

  it('ends at its own closing line past a div nested in it, with other classes beside notes and blank lines inside', () => {
    expect(render('<div class="speaker notes" id="n1">\nOne\n\n<div class="tip">\n*Two*\n</div>\n\nThree\n</div>\n')).toBe(
      '<aside class="notes"><p>One</p><div class="tip">\n*Two*\n</div><p>Three</p></aside>',
    );
  });

  it('written on one line is notes too; a line holding more than the div stays HTML', () => {
    expect(render('Text\n\n<div class="notes">Say **this**.</div>\n\nMore\n')).toBe(
      '<p>Text</p><aside class="notes"><p>Say <strong>this</strong>.</p></aside><p>More</p>',
    );
    expect(render('<div class="notes">A</div> <div>B</div>\n')).toBe('<div class="notes">A</div><div>B</div>');
  });

  it('is notes right under a line of text too, indented or written in capitals, and its text starts no code block', () => {
    const notes = '<p>Text</p><aside class="notes"><p>Say this.</p></aside>';
    expect(render('Text\n  <div class="notes">\nSay this.\n</div>\n')).toBe(notes);
    expect(render('Text\n<DIV class="notes">\nSay this.\n</DIV>\n')).toBe(notes);
    expect(render('Text\n<div CLASS="notes">\nSay this.\n</div>\n')).toBe(notes);
    expect(render('Text\n\n<div class="notes">    Say this.</div>\n')).toBe(notes);
  });

  it('keeps a fenced code block that shows a </div> in its notes, and closes at its own line after it', () => {
    expect(render('<div class="notes">\nType:\n```html\n</div>\n```\n</div>\n\nOn the slide.\n')).toBe(
      '<aside class="notes"><p>Type:</p><pre><code class="html">&lt;/div&gt;</code></pre></aside><p>On the slide.</p>',
    );
  });

  it('stays code inside fenced code, and stays HTML when it is not closed by a line of its own', () => {
    expect(render('```html\n<div class="notes">\nX\n</div>\n```\n')).toBe(
      '<pre><code class="html">&lt;div class=&quot;notes&quot;&gt;\nX\n&lt;/div&gt;</code></pre>',
    );
    expect(render('<div class="notes">\nX\n')).toBe('<div class="notes">\nX');
    expect(render('<div class="notes">\nX</div>\n')).toBe('<div class="notes">\nX</div>');
  });
});

describe('other <div> blocks', () => {
  it('in a reveal-md deck stay as CommonMark reads them: raw HTML up to a blank line', () => {
    expect(render('<div class="box">\n**not bold**\n</div>\n')).toBe('<div class="box">\n**not bold**\n</div>');
    expect(render('<div class="box">\n\n**bold**\n\n</div>\n')).toBe('<div class="box"><p><strong>bold</strong></p></div>');
  });

  it('in a Pandoc deck hold Markdown (native_divs): columns sit side by side, classes, id and attributes are kept', () => {
    expect(
      render(
        '<div class="columns">\n<div class="column" width="40%">\n**Left**\n</div>\n<div class="column">\n*Right*\n</div>\n</div>\n',
        true,
      ),
    ).toBe(
      '<div class="columns" style="display:flex;gap:1em;align-items:flex-start;text-align:left">' +
        '<div class="column" style="flex:0 1 40%;min-width:0"><p><strong>Left</strong></p></div>' +
        '<div class="column" style="flex:1 1 0;min-width:0"><p><em>Right</em></p></div></div>',
    );
    expect(render('<div id="box" class="callout" data-tone="warm" title="a &amp; b">\n- item\n</div>\n', true)).toBe(
      '<div id="box" class="callout" data-tone="warm" title="a &amp; b"><ul><li>item</li></ul></div>',
    );
  });

  it('in a Pandoc deck get no class attribute when they name no class, and one space between classes', () => {
    expect(render('<div>\n*a*\n</div>\n\n<div id="b">*b*</div>\n\n<div class=" wide  dark ">\nc\n</div>\n', true)).toBe(
      '<div><p><em>a</em></p></div><div id="b"><p><em>b</em></p></div><div class="wide dark"><p>c</p></div>',
    );
  });

  it('written inside a line of text stay in its paragraph', () => {
    expect(render('Press <div class="key">Esc</div> to leave.\n', true)).toBe('<p>Press <div class="key">Esc</div> to leave.</p>');
  });
});
