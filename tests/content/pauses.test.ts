/** Pandoc's pause, `. . .`: what follows it on the slide is one more fragment, never inside code. */
import { describe, expect, it } from 'vitest';
import { createMarkdown, renderMarkdown } from '../../src/content/markdown.js';

const render = (text: string) => renderMarkdown(createMarkdown(), text).replace(/>\s+</g, '><').trim();

describe('pauses', () => {
  it('wrap what follows each pause in a fragment div, as pandoc -t revealjs does (plain text too)', () => {
    expect(render('One\n\n. . .\n\nTwo\n\n. . .\n\nThree\n\nand more\n')).toBe(
      '<p>One</p><div class="fragment"><p>Two</p></div><div class="fragment"><p>Three</p><p>and more</p></div>',
    );
  });

  it('work inside a fenced div, and not in fenced code or in a paragraph line', () => {
    expect(render('::: box\nA\n\n. . .\n\nB\n:::\n')).toBe('<div class="box"><p>A</p><div class="fragment"><p>B</p></div></div>');
    expect(render('```\n. . .\n```\n')).toBe('<pre><code>. . .</code></pre>');
    expect(render('Wait for it\n. . .\n')).toBe('<p>Wait for it\n. . .</p>');
  });

  it('may be indented up to three spaces, as any paragraph; four make it indented code, shown as written', () => {
    expect(render('One\n\n   . . .  \n\nTwo\n')).toBe('<p>One</p><div class="fragment"><p>Two</p></div>');
    expect(render('One\n\n    . . .\n\nTwo\n')).toBe('<p>One</p><pre><code>. . .</code></pre><p>Two</p>');
  });
});
