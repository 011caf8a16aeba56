import { describe, expect, it } from 'vitest';
import { ErrorCode, isDeckError } from '../../src/core/errors.js';
import { splitNotes } from '../../src/serve/notes.js';

const page = (slides: string) =>
  `<!doctype html><html><body><div class="reveal"><div class="slides">${slides}</div></div>` +
  '<script>var s = "<section>";</script></body></html>';

describe('splitNotes', () => {
  it('takes every note out of the page and numbers them in the order slides are shown', () => {
    const { html, notes } = splitNotes(
      page(
        '<section id="one" data-notes="said &amp; done"><h2>One</h2></section>' +
          '<section class="stack"><section id="two"><p>Two</p><aside class="notes"><p>secret two</p></aside></section>' +
          '<section id="three"><p class="fragment">F<aside class="notes">step note</aside></p></section></section>' +
          '<section id="four"><p>Four</p></section>',
      ),
    );
    expect(html).not.toMatch(/secret|step note|said|data-notes|aside/);
    expect(html).toContain('<section id="one"><h2>One</h2></section>');
    expect(html).toContain('<p class="fragment">F</p>');
    expect(html).toContain('<script>var s = "<section>";</script>');
    expect(notes.map((n) => n.id)).toEqual(['one', 'two', 'three', 'four']);
    expect(notes[0]!.html).toBe('<p>said &amp; done</p>');
    expect(notes[1]!.html).toBe('<p>secret two</p>');
    expect(notes[2]!.html).toBe('<div data-step="1">step note</div>');
    expect(notes[3]!.html).toBe('');
  });

  it('leaves a page without notes byte for byte', () => {
    const html = page('<section id="a"><p>x</p></section>');
    expect(splitNotes(html).html).toBe(html);
  });
});

describe('splitNotes on HTML with a tag left open', () => {
  const deck = (note: string, slide: string) =>
    page(
      `<section id="a"><h1>A ${slide}</h1><aside class="notes"><p>NOTE-A ${note}</p></aside></section>` +
        '<section><section id="b"><h1>B</h1><aside class="notes"><p>NOTE-B</p></aside></section>' +
        '<section id="c" data-notes="NOTE-C"><p>C</p></section></section>',
    );
  // Markdown passes raw HTML through: "explain the <video> tag" in a note, or a <span> left open on a slide.
  const open = ['<b>', '<span>', '<div>', '<video>', '<code>', '<li>', '<table>', '<a href="x">', '<pre>', '<noscript>', '<aside>'];

  it.each(open)('%s left open in a note or on a slide leaves no note in the page, and every slide keeps its own', (tag) => {
    for (const [note, slide] of [
      [tag, ''],
      ['', tag],
    ]) {
      const { html, notes } = splitNotes(deck(note!, slide!));
      expect(html).not.toMatch(/NOTE-|data-notes/);
      expect(notes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
      expect(notes.map((n) => n.html.includes(`NOTE-${n.id.toUpperCase()}`))).toEqual([true, true, true]);
    }
  });

  it.each(['<section>', '</div>', '</section>', '</body>', '<style>', '<script>', '<textarea>'])(
    'a page where %s hides notes from the parser is refused, never served with notes in it',
    (tag) => {
      for (const [note, slide] of [
        [tag, ''],
        ['', tag],
      ]) {
        let html: string | undefined;
        try {
          html = splitNotes(deck(note!, slide!)).html;
        } catch (error) {
          expect(isDeckError(error) && error.code === ErrorCode.BadInput).toBe(true);
          expect((error as Error).message).toMatch(/speaker notes/);
          continue;
        }
        expect(html).not.toMatch(/NOTE-|data-notes/);
      }
    },
  );
});

describe('splitNotes on attributes holding ">"', () => {
  it('cuts the whole data-notes attribute, a ">" in its value or in one before it included', () => {
    const { html, notes } = splitNotes(
      page(
        `<section id="a" title='x > y' data-notes='NOTE-A > more'><p>A</p></section><section id="b"><p data-notes="NOTE-B > b">B</p></section>`,
      ),
    );
    expect(html).not.toMatch(/NOTE-|data-notes|more|> b/);
    expect(html).toContain(`<section id="a" title='x > y'><p>A</p></section>`);
    expect(notes[0]!.html).toBe('<p>NOTE-A &gt; more</p>');
  });
});
