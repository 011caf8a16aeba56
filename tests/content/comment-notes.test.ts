/** Speaker notes written as HTML comments in Marp and Slidev decks, and only there. */
import { describe, expect, it } from 'vitest';
import { commentNotes } from '../../src/content/comment-notes.js';
import { loadDeck } from '../../src/content/deck.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const { folder } = useTempFolder('deck-comment-notes-');

describe('notes in HTML comments', () => {
  it('in Marp: every comment but directives and reveal.js’s own, joined; they leave the slide', () => {
    const slide = [
      '<!-- _class: title -->',
      '# The Fast and the Curious',
      '<!-- _paginate: false -->',
      '<!--\n_backgroundColor: black\n_color: white\n-->',
      '<!-- Welcome to The Fast and the Curious. -->',
      'Text <!-- .element: class="fragment" -->',
      '```html\n<!-- not a note: code -->\n```',
      '<!-- and a second\nnote -->',
    ].join('\n\n');
    const { notes, body } = commentNotes(slide, 'marp');
    expect(notes).toBe('Welcome to The Fast and the Curious.\n\nand a second\nnote');
    expect(body).not.toMatch(/Welcome|second/);
    expect(body).toContain('<!-- _class: title -->');
    expect(body).toContain('<!-- .element: class="fragment" -->');
    expect(body).toContain('<!-- not a note: code -->');
  });

  it('in Slidev: the comment that ends the slide, and no other', () => {
    expect(commentNotes('# Hi\n\n<!-- not last -->\n\nText\n\n<!--\nThe last comment block is the notes.\n-->\n', 'slidev')).toEqual({
      notes: 'The last comment block is the notes.',
      body: '# Hi\n\n<!-- not last -->\n\nText\n\n\n',
    });
    expect(commentNotes('# Hi\n\n<!-- a comment -->\n\nText after it\n', 'slidev').notes).toBe('');
  });

  it('start right after a code block, and an empty comment is no note', () => {
    const slide = '```sh\nnpm run build\n```\n<!-- Explain the build step. -->\n\n<!-- -->\n';
    expect(commentNotes(slide, 'marp')).toEqual({ notes: 'Explain the build step.', body: '```sh\nnpm run build\n```\n\n\n<!-- -->\n' });
  });

  it('in Slidev: a last comment that reads like a Marp directive is still the notes', () => {
    // Slidev has no directives: `footer: …` is what the speaker wrote.
    expect(commentNotes('# Thanks\n\n<!-- footer: thank the sponsors -->\n', 'slidev').notes).toBe('footer: thank the sponsors');
  });

  it('are the only notes in a Marp or Slidev deck: a `Note:` line stays on the slide, unless the deck sets a notesSeparator', async () => {
    // As m4dz/slidev-theme-divriots: "Note: If you add a `logo` prop …" is text on its slide in Slidev.
    const slide = '# Clicks\n\nNote: If you add a `logo` prop, a logo is embedded.\n\n<!-- said aloud -->\n';
    const slidev = await loadDeck(folder('slidev-note', { 'slides.md': `---\ncolorSchema: dark\n---\n${slide}` }));
    expect([slidev.slides[0]!.notes, slidev.slides[0]!.html.includes('Note: If you add')]).toEqual(['said aloud', true]);
    const marker = await loadDeck(folder('marp-marker', { 'talk.md': `---\nmarp: true\nnotesSeparator: '^Note:'\n---\n${slide}` }));
    expect(marker.slides[0]!.notes).toBe('If you add a `logo` prop, a logo is embedded.\n\n<!-- said aloud -->');
  });

  it('are read in a deck with Marp’s or Slidev’s keys; in a reveal.js deck a comment stays one and Note: starts the notes', async () => {
    // As ljpetkovic/L2HN001 (marp: true) and slidevjs/slidev's demo/starter (drawings:, info:).
    const slides = '# One\n\n<!-- said on one -->\n\n---\n\n# Two\n\nNote: marked notes win (reveal.js)\n\n<!-- a comment -->\n';
    const marp = await loadDeck(folder('marp', { 'talk.md': `---\nmarp: true\n---\n${slides}` }));
    const slidev = await loadDeck(folder('slidev', { 'slides.md': `---\ndrawings:\n  persist: false\n---\n${slides}` }));
    const reveal = await loadDeck(folder('reveal', { 'slides.md': slides }));
    expect([marp, slidev, reveal].map((deck) => deck.slides.map((slide) => slide.notes))).toEqual([
      ['said on one', 'a comment'],
      ['said on one', 'a comment'],
      ['', 'marked notes win (reveal.js)\n\n<!-- a comment -->'],
    ]);
    expect(marp.slides[0]!.html).not.toContain('said on one');
    expect(reveal.slides[0]!.html).toContain('<!-- said on one -->');
  });
});
