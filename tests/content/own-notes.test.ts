import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/index.js';
import { takeOwnNotes } from '../../src/content/own-notes.js';

describe('takeOwnNotes', () => {
  it('takes every notes aside of the slide itself, in order, and leaves the rest of its HTML', () => {
    const taken = takeOwnNotes(
      '<p>a</p><aside class="notes"> one </aside><p>b</p><aside class="x notes y">two</aside><aside>not notes</aside>',
    );
    expect(taken.asides).toEqual(['one', 'two']);
    expect(taken.html).toBe('<p>a</p><p>b</p><aside>not notes</aside>');
  });

  it('leaves the asides of nested sections (slides of their own) where they are', () => {
    const html =
      '<aside class="notes">outer</aside><section><h1>A</h1><aside class="notes">inner A</aside></section>' +
      '<SECTION data-x="1"><section><aside class="notes">deep</aside></section><aside class="notes">inner B</aside></SECTION>' +
      '<aside class="notes">outer again</aside>';
    const taken = takeOwnNotes(html);
    expect(taken.asides).toEqual(['outer', 'outer again']);
    for (const inner of ['inner A', 'deep', 'inner B']) expect(taken.html).toContain(`<aside class="notes">${inner}</aside>`);
    expect(taken.html).not.toContain('outer');
  });
});

describe('a vertical stack written as raw sections', () => {
  it('keeps each inner slide’s notes on that slide; the stack’s own notes are the stack’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-own-notes-'));
    try {
      writeFileSync(
        join(dir, 'talk.md'),
        [
          '<section>',
          '<aside class="notes">STACK</aside>',
          '<section>',
          '',
          '# A',
          '',
          '<aside class="notes">FOR-A</aside>',
          '',
          '</section>',
          '<section>',
          '',
          '# B',
          '',
          '<aside class="notes">FOR-B</aside>',
          '',
          '</section>',
          '</section>',
          '',
          '---',
          '',
          '# Pandoc',
          '',
          '::: notes',
          'first',
          ':::',
          '',
          'text',
          '',
          '::: notes',
          'second',
          ':::',
          '',
        ].join('\n'),
      );
      const deck = await loadDeck(dir);
      const [stack, pandoc] = deck.slides;
      expect(stack!.notes).toBe('STACK');
      expect(stack!.html).toMatch(/<h1>A<\/h1>\s*<aside class="notes">FOR-A<\/aside>/);
      expect(stack!.html).toMatch(/<h1>B<\/h1>\s*<aside class="notes">FOR-B<\/aside>/);
      expect(pandoc!.notes).toBe('first\n\nsecond');
      expect(pandoc!.html).toContain('text');
      expect(pandoc!.html).not.toContain('first');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
