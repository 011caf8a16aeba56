import type { Token, Tokens } from 'marked';
import { parse, type HTMLElement, type Node as HtmlNode } from 'node-html-parser';
import type { FencedDivToken } from './fenced-divs.js';

/**
 * Pandoc's incremental lists, as `pandoc -t revealjs` (2.17) writes them: a list's items appear one by one when
 * the deck is incremental (`incremental: true`, Pandoc's `-i`) or the list is in `::: incremental`, and not in
 * `::: nonincremental`; the innermost div decides. In a Pandoc-style deck a blockquote that is only a list
 * (`> - item`) toggles: it steps in a deck or div that does not, and not in one that does. Lists nested in items follow their list, speaker notes
 * never step. Pandoc marks each item with `class="fragment"`; so does this.
 */

/** A list token marked by markIncremental: its own items are fragments when `incremental` is true. */
export type MarkedList = Tokens.List & { incremental?: boolean };

const isElement = (node: HtmlNode): node is HTMLElement => node.nodeType === 1;

/**
 * One list's HTML as marked renders it (a `<ul>` or `<ol>` whose elements are `<li>`), with each of its own items
 * (not those of lists nested in them) a fragment.
 */
export function fragmentItems(listHtml: string): string {
  const root = parse(listHtml, { comment: true });
  // The text between the tags ("\n") has no children; only elements have a classList.
  for (const list of root.childNodes) for (const item of list.childNodes.filter(isElement)) item.classList.add('fragment');
  return root.toString();
}

/** The one list a blockquote holds and nothing else, or undefined. */
export function quotedList(quote: Tokens.Blockquote): Tokens.List | undefined {
  const blocks = quote.tokens.filter((token) => token.type !== 'space');
  return blocks.length === 1 && blocks[0]!.type === 'list' ? (blocks[0] as Tokens.List) : undefined;
}

/** A fenced div token (src/content/fenced-divs.ts), or undefined for any other token. */
const fencedDiv = (token: Token): FencedDivToken | undefined => (token.type === 'fencedDiv' ? (token as FencedDivToken) : undefined);

/**
 * Mark every list in `tokens` incremental or not, by the deck's setting (`incremental`) and the divs around it;
 * `quotedLists`: a blockquote that is only a list toggles (Pandoc's reading; elsewhere it is a quote like any other).
 */
export function markIncremental(tokens: readonly Token[], incremental: boolean, quotedLists: boolean): void {
  for (const token of tokens) {
    const div = fencedDiv(token);
    if (token.type === 'list') {
      (token as MarkedList).incremental = incremental;
      for (const item of (token as Tokens.List).items) markIncremental(item.tokens, incremental, quotedLists);
    } else if (quotedLists && token.type === 'blockquote' && quotedList(token as Tokens.Blockquote)) {
      markIncremental([quotedList(token as Tokens.Blockquote)!], !incremental, quotedLists);
    } else if (div) {
      const { classes } = div.attributes;
      const off = classes.includes('notes') || classes.includes('nonincremental');
      markIncremental(div.tokens, !off && (classes.includes('incremental') || incremental), quotedLists);
    } else if (token.type === 'blockquote') {
      markIncremental((token as Tokens.Blockquote).tokens, incremental, quotedLists);
    }
  }
}
