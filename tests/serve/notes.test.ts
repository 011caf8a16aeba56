import { describe, expect, it } from 'vitest';
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
