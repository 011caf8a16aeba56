/** Pandoc's simple tables in a deck written for Pandoc; in any other deck the lines stay text, as marked reads them. */
import { describe, expect, it } from 'vitest';
import { createMarkdown, renderMarkdown } from '../../src/content/markdown.js';

const render = (text: string, pandoc = true) => renderMarkdown(createMarkdown({ pandoc }), text).replace(/>\s+</g, '><').trim();

describe('Pandoc simple tables', () => {
  it('read the columns from the dash runs and the alignment from the header against them, as Pandoc 2.18 does', () => {
    // jqno/talks enoughcs (jfall 2021), whose Pandoc output is <th style="text-align: center;"> for each truth-table column.
    const truth = ' `a`   `b`   `!(a || b)`\n----- ----- -------------\n  0     0         1\n  1     1         0\n';
    expect(render(truth)).toBe(
      '<table><thead><tr><th style="text-align: center"><code>a</code></th><th style="text-align: center"><code>b</code></th><th style="text-align: center"><code>!(a || b)</code></th></tr></thead>' +
        '<tbody><tr><td style="text-align: center">0</td><td style="text-align: center">0</td><td style="text-align: center">1</td></tr>' +
        '<tr><td style="text-align: center">1</td><td style="text-align: center">1</td><td style="text-align: center">0</td></tr></tbody></table>',
    );
    const bigO = 'N                 name\n---               ----\nO(1)              constant\nO(2<sup>N</sup>)  exponential\n\nafter';
    expect(render(bigO)).toBe(
      '<table><thead><tr><th style="text-align: left">N</th><th>name</th></tr></thead><tbody>' +
        '<tr><td style="text-align: left">O(1)</td><td>constant</td></tr><tr><td style="text-align: left">O(2<sup>N</sup>)</td><td>exponential</td></tr>' +
        '</tbody></table><p>after</p>',
    );
    expect(render('  right  left\n-------  ------\n      1  a\n')).toContain(
      '<th style="text-align: right">right</th><th style="text-align: left">left</th>',
    );
  });

  it('read the headerless form, and leave lists, setext headings and pipe tables alone', () => {
    expect(render('-----  -----\n a      b\n-----  -----\n')).toBe('<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>');
    expect(render('Title\n---\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n')).toBe(
      '<h2>Title</h2><ul><li>a</li><li>b</li></ul><table><thead><tr><th>x</th><th>y</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
    );
  });

  it('give a column with a blank header no alignment, and may end the file with no newline', () => {
    expect(render('Name         Age\n----  -----  ---\nAda   x      36\n')).toBe(
      '<table><thead><tr><th>Name</th><th></th><th>Age</th></tr></thead><tbody><tr><td>Ada</td><td>x</td><td>36</td></tr></tbody></table>',
    );
    expect(render('N     name\n---   ----\nO(1)  constant')).toBe(
      '<table><thead><tr><th style="text-align: left">N</th><th>name</th></tr></thead><tbody><tr><td style="text-align: left">O(1)</td><td>constant</td></tr></tbody></table>',
    );
  });

  it('need a row: a header or a dash line with no row under it, or a headerless table with no closing dash line, is not one', () => {
    expect(render('a    b\n---  ---\n')).toBe('<p>a    b</p><hr>');
    expect(render('-----  -----\n-----  -----\n')).toBe('<hr><hr>');
    expect(render('-----  -----\n a      b\n')).toBe('<hr><p> a      b</p>');
    expect(render('-----  -----\n a      b\n c      d\n')).toBe('<hr><p> a      b\n c      d</p>');
  });

  it('are not read in a reveal.js deck, as reveal.js’s plugin does not read them', () => {
    expect(render('N     name\n---   ----\nO(1)  constant\n', false)).toBe('<p>N     name</p><hr><p>O(1)  constant</p>');
  });
});
