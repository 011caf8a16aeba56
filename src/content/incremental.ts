import { parse, type HTMLElement, type Node as HtmlNode } from 'node-html-parser';

/**
 * Pandoc's incremental lists: the items of a list in `::: incremental`, or of a list that is all of a blockquote
 * (`> - item`), appear one by one. Pandoc marks each item of the list itself (not of lists nested in its items)
 * with `class="fragment"`; so does this.
 */
const isElement = (node: HtmlNode): node is HTMLElement => node.nodeType === 1;

export function fragmentItems(listHtml: string): string {
  const root = parse(listHtml, { comment: true, voidTag: { closingSlash: false } });
  for (const list of root.childNodes.filter(isElement)) {
    if (!/^(UL|OL)$/.test(list.tagName)) continue;
    for (const item of list.childNodes.filter(isElement)) if (item.tagName === 'LI') item.classList.add('fragment');
  }
  return root.toString();
}
