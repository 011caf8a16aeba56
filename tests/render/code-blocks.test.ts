/**
 * reveal.js's highlight plugin is in the page only when the deck has a code block (src/render/code-blocks.ts):
 * its 920 KB script and the theme's stylesheet are linked and copied then, and neither otherwise.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeckError } from '../../src/core/errors.js';
import { hasCodeBlocks } from '../../src/render/code-blocks.js';
import { buildDeck } from '../../src/render/index.js';

const SCRIPT = 'assets/reveal/plugin/highlight.js';
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'deck-code-blocks-'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A one-file deck in a folder of its own. */
function deck(name: string, markdown: string): string {
  const dir = mkdtempSync(join(work, `${name}-`));
  writeFileSync(join(dir, 'slides.md'), markdown);
  return dir;
}

/** What the built page links and copies of the highlight plugin. */
async function highlightIn(dir: string) {
  const { rendered } = await buildDeck(dir);
  return {
    script: rendered.html.includes(`<script src="${SCRIPT}"></script>`),
    plugin: /plugins: \[RevealNotes, RevealHighlight\]/.test(rendered.html),
    stylesheet: /<link rel="stylesheet" href="assets\/(reveal\/plugin\/)?highlight\/[^"]+\.css">/.test(rendered.html),
    files: rendered.files.map((file) => file.target).filter((target) => target.includes('highlight')),
  };
}

describe('code blocks', () => {
  it('a <pre> block is one, in any case and with attributes; inline code is not', () => {
    expect(hasCodeBlocks('<pre><code class="js">x</code></pre>')).toBe(true);
    expect(hasCodeBlocks('<PRE class="x">text</PRE>')).toBe(true);
    expect(hasCodeBlocks('<pre\n>text</pre>')).toBe(true);
    expect(hasCodeBlocks('<p>Inline <code>code</code> only, <preview> is no pre</p>')).toBe(false);
  });

  it('a deck without code blocks links and copies no highlight plugin or stylesheet', async () => {
    const found = await highlightIn(deck('plain', '# Plain\n\nInline `code` only.\n\n---\n\n## Two\n\n- a\n- b\n'));
    expect(found).toEqual({ script: false, plugin: false, stylesheet: false, files: [] });
  });

  it('a fenced block, a raw <pre> or a code block in the notes brings the plugin, its stylesheet and both files', async () => {
    const decks = {
      fenced: '# Code\n\n```js\nconst answer = 42;\n```\n',
      raw: '# Raw\n\n<pre><code>plain text</code></pre>\n',
      notes: '# Notes\n\nNo code here.\n\nNote:\n\n```sh\nnpm test\n```\n',
    };
    for (const [name, markdown] of Object.entries(decks)) {
      const found = await highlightIn(deck(name, markdown));
      expect(found, name).toEqual({
        script: true,
        plugin: true,
        stylesheet: true,
        files: [SCRIPT, 'assets/reveal/plugin/highlight/monokai.css'],
      });
    }
  });

  it('the highlightTheme the deck names is copied with the plugin, and an unknown one is an error with or without code', async () => {
    const found = await highlightIn(deck('github', '---\nhighlightTheme: github\n---\n# Code\n\n```js\nlet x;\n```\n'));
    expect(found.files).toEqual([SCRIPT, 'assets/highlight/github.css']);
    const error = await buildDeck(deck('unknown', '---\nhighlightTheme: no-such-theme\n---\n# No code\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeckError);
    expect((error as DeckError).message).toContain('no-such-theme');
  });
});
