import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ErrorCode, isDeckError } from '../../src/core/errors.js';
import { createMarkdown, renderMarkdown } from '../../src/content/markdown.js';
import { MathError, renderTex } from '../../src/content/math.js';

type Katex = typeof import('katex').default;
const katex = createRequire(import.meta.url)('katex') as Katex;

/** A slide's Markdown with `math: true`, as the deck renders it. */
const withMath = (text: string) => renderMarkdown(createMarkdown({ math: true }), text);

/** The error a formula gives, for the tests that read it. */
function mathErrorOf(run: () => unknown): MathError {
  try {
    run();
  } catch (error) {
    if (error instanceof MathError) return error;
    throw error;
  }
  throw new Error('expected a MathError, nothing was thrown');
}

describe('math in Markdown', () => {
  it('renders $$ lines as a display block after a paragraph, not inside it', () => {
    const html = withMath('Text\n$$\nx^2\n$$');
    expect(html).toMatch(/^<p>Text<\/p>\s*<div class="math math-display"><span class="katex-display">/);
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(html).toContain('<annotation encoding="application/x-tex">\nx^2\n</annotation>');
    expect(html).not.toContain('$$');
  });

  it('renders a $$ block indented up to three spaces', () => {
    expect(withMath('Text\n   $$ y $$')).toMatch(/^<p>Text<\/p>\s*<div class="math math-display">/);
  });

  it('renders $$…$$ inside a sentence as display math in the same paragraph', () => {
    const html = withMath('Energy $$E=mc^2$$ here');
    expect(html).toMatch(/^<p>Energy <span class="math math-display"><span class="katex-display">/);
    expect(html).toMatch(/<\/span> here<\/p>\s*$/);
    expect(html.match(/<p>/g)).toHaveLength(1);
  });

  it('renders $…$ after other text as inline math (KaTeX HTML and MathML, no display mode)', () => {
    const html = withMath('a $x$');
    expect(html).toMatch(/^<p>a <span class="math math-inline"><span class="katex">/);
    expect(html).toContain('<annotation encoding="application/x-tex">x</annotation>');
    expect(html).toContain('<span class="katex-html" aria-hidden="true">');
    expect(html).not.toContain('katex-display');
    expect(html).not.toContain('display="block"');
  });

  it('renders one-character and multi-character inline formulas at the start of a line', () => {
    expect(withMath('$y$ and $a+b$')).toMatch(/^<p><span class="math math-inline">.*<\/span> and <span class="math math-inline">/s);
  });

  it('leaves prices, a lone dollar and \\$ as text', () => {
    expect(withMath('$5 and $10')).toBe('<p>$5 and $10</p>\n');
    expect(withMath('costs 5 $ only')).toBe('<p>costs 5 $ only</p>\n');
    expect(withMath('a \\$ b')).toBe('<p>a $ b</p>\n');
  });

  it('leaves dollar signs alone without math: true', () => {
    expect(renderMarkdown(createMarkdown(), 'a $x$')).toBe('<p>a $x$</p>\n');
  });

  it('does not touch code spans', () => {
    expect(withMath('run `echo $x$`')).toBe('<p>run <code>echo $x$</code></p>\n');
  });
});

describe('math in raw HTML', () => {
  it('is typeset in the text of an HTML block or a line that starts with a comment, as reveal.js’s math plugin typesets the page', () => {
    // engeir/slides's EGU talk: `- <!-- .element: class="fragment" --> $\mathrm{SO_2}$ injected at $18$–$20$`.
    const html = withMath(
      '- <!-- .element: class="fragment" --> $\\mathrm{SO_2}$ injected at $18$–$20$\n\n<div>\n$$x^2$$ and $a &lt; b$\n</div>\n',
    );
    expect(html).toContain('<!-- .element: class="fragment" -->');
    expect(html.match(/<annotation encoding="application\/x-tex">[^<]*</g)).toEqual([
      '<annotation encoding="application/x-tex">\\mathrm{SO_2}<',
      '<annotation encoding="application/x-tex">18<',
      '<annotation encoding="application/x-tex">20<',
      '<annotation encoding="application/x-tex">x^2<',
      '<annotation encoding="application/x-tex">a &lt; b<',
    ]);
    expect(html).toContain('<span class="math math-display"><span class="katex-display">');
  });

  it('leaves tags, comments, code, pre, script and dollars in prose alone', () => {
    const html = '<div title="$x$">costs $5 and $10 <code>$y$</code> <pre>$z$</pre> <script>let a = "$w$"</script> <!-- $c$ --></div>\n';
    expect(withMath(html)).toBe(html);
  });
});

describe('bad TeX', () => {
  it('is a MathError naming the inline formula, without KaTeX prefix, with a hint and the cause', () => {
    const error = mathErrorOf(() => withMath('x $\\foo$'));
    expect(isDeckError(error) && error.code === ErrorCode.BadInput).toBe(true);
    expect(error.message).toMatch(/^math: Undefined control sequence: \\foo at position 1: .* in \$\\foo\$$/);
    expect(error.message).not.toContain('KaTeX parse error');
    expect(error.message).not.toContain('Please report this');
    expect(error.formula).toBe('\\foo');
    expect(error.hint).toBe('fix the TeX, write \\$ for a literal dollar sign, or set `math: false` to turn math off');
    expect((error.cause as Error).message).toMatch(/^KaTeX parse error: Undefined control sequence/);
  });

  it('quotes a display formula between $$, trimmed', () => {
    const error = mathErrorOf(() => withMath('Text\n$$\n\\bar{\n$$'));
    expect(error.message).toMatch(/^math: .* in \$\$\\bar\{\$\$$/s);
    expect(error.formula).toBe('\n\\bar{\n');
  });

  it('renderTex throws for a bad formula instead of rendering KaTeX error markup', () => {
    expect(() => renderTex(katex, '\\frac{', false)).toThrow(MathError);
    const error = mathErrorOf(() => renderTex(katex, ' \\frac{ ', true));
    expect(error.message).toMatch(/^math: .* in \$\$\\frac\{\$\$$/s);
  });

  it('renderTex names a thrown non-Error value', () => {
    const throwing = { renderToString: () => raise('no KaTeX here') } as unknown as Katex;
    expect(mathErrorOf(() => renderTex(throwing, 'x', false)).message).toBe('math: no KaTeX here in $x$');
  });
});

/** Throw a plain string, as a broken library might. */
function raise(value: string): never {
  throw value;
}
