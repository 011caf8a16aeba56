/**
 * Whether a rendered deck has code blocks for reveal.js's highlight plugin to colour. The plugin (about 920 KB of
 * script, with its theme's stylesheet) is linked only then: a deck without code (the default talk) does not make
 * every audience phone, presenter frame and export page download and parse it (tests/render/code-blocks.test.ts).
 */

/** The plugin colours `pre code` blocks; a `<pre>` (any case, with or without attributes) is one. */
export function hasCodeBlocks(html: string): boolean {
  return /<pre[\s>]/i.test(html);
}
