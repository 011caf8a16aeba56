/** A slide's own speaker notes written as HTML: its `<aside class="notes">` elements, taken out of its HTML. */

/** An aside with the notes class (Pandoc's `::: notes` divs become these), or a <section> tag opening or closing. */
const TOKEN = /<aside\b[^>]*class="[^"]*\bnotes\b[^"]*"[^>]*>([\s\S]*?)<\/aside>|<(\/?)section\b[^>]*>/gi;

/**
 * The slide's own notes asides, in order, and its HTML without them. An aside inside a nested `<section>` belongs
 * to that section (reveal.js shows a section inside a slide as a slide of its own, with its own notes), so it stays.
 */
export function takeOwnNotes(html: string): { html: string; asides: string[] } {
  const asides: string[] = [];
  let rest = '';
  let from = 0;
  let depth = 0;
  for (const match of html.matchAll(TOKEN)) {
    if (match[1] === undefined) {
      depth = Math.max(0, depth + (match[2] ? -1 : 1));
    } else if (depth === 0) {
      asides.push(match[1].trim());
      rest += html.slice(from, match.index);
      from = match.index + match[0].length;
    }
  }
  return { html: rest + html.slice(from), asides };
}
