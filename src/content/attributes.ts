import { parse, TextNode, type HTMLElement, type Node as HtmlNode } from 'node-html-parser';

/**
 * `<!-- .element: ... -->` and `<!-- .slide: ... -->` comments, applied as reveal.js's markdown plugin applies
 * them: an element comment sets attributes on the element before it (the last item of a list it directly
 * follows), a slide comment on the slide's <section>.
 */
export const ELEMENT_ATTRIBUTES = '\\.element\\s*?(.+?)$';
export const SLIDE_ATTRIBUTES = '\\.slide:\\s*?(\\S.+?)$';
/**
 * Pandoc's slide-heading attributes (src/content/pandoc-inline.ts) travel in a comment of their own whose values are
 * HTML-escaped (so a `"`, `&` or `-->` in one cannot end it) and decoded here: a reveal.js `.slide:` value is taken
 * as written, entities and all, as the plugin takes it.
 */
export const PANDOC_SLIDE_ATTRIBUTES = '\\.pandoc-slide:\\s*?(\\S.+?)$';
const ATTRIBUTE = /([^"= ]+?)="([^"]+?)"|(data-[^"= ]+?)(?=[" ])/gm;

const ELEMENT_NODE = 1;
const COMMENT_NODE = 8;

/** Something attributes can be set on: an element, or the slide's own attribute list. */
interface Target {
  setAttribute(name: string, value: string): unknown;
}

const isElement = (node: HtmlNode | undefined): node is HTMLElement => node?.nodeType === ELEMENT_NODE;

const decoded = (value: string) => (value.includes('&') ? new TextNode(value).text : value);

function apply(comment: HtmlNode, target: Target | undefined, pattern: string, decode = false): boolean {
  if (!target) return false;
  const regex = new RegExp(pattern, 'mg');
  const value = comment.rawText;
  const match = regex.exec(value);
  if (!match) return false;
  (comment as { rawText: string }).rawText = value.slice(0, match.index) + value.slice(regex.lastIndex);
  const attributes = match[1] ?? '';
  let attr: RegExpExecArray | null;
  ATTRIBUTE.lastIndex = 0;
  while ((attr = ATTRIBUTE.exec(attributes)) !== null) {
    if (attr[2]) target.setAttribute(attr[1]!, decode ? decoded(attr[2]) : attr[2]);
    else target.setAttribute(attr[3]!, '');
  }
  return true;
}

/** The walk of reveal.js's markdown plugin, over node-html-parser's tree (which has no sibling links). */
function walk(slide: Target, node: HtmlNode, previous: Target | undefined, previousNode: HtmlNode | undefined): void {
  const children = node.childNodes;
  let target: Target | undefined = isElement(node) ? node : slide;
  for (let a = 0; a < children.length; a++) {
    const child = children[a]!;
    for (let e = a - 1; e >= 0; e--) {
      const candidate = children[e]!;
      if (isElement(candidate) && candidate.tagName !== 'BR') {
        target = candidate;
        break;
      }
    }
    if (isElement(child) || child.nodeType === COMMENT_NODE) walk(slide, child, target, children[a - 1]);
  }
  if (node.nodeType === COMMENT_NODE) {
    let chosen = previous;
    const blankLineBefore = /\n[ \t]*\n/.test(previousNode && previousNode.nodeType !== ELEMENT_NODE ? previousNode.rawText : '');
    const list = chosen as unknown as HtmlNode;
    if (isElement(list) && /^(UL|OL)$/.test(list.tagName) && !blankLineBefore) {
      const items = list.childNodes.filter(isElement);
      chosen = items[items.length - 1] ?? chosen;
    }
    if (!apply(node, chosen, ELEMENT_ATTRIBUTES) && !apply(node, slide, PANDOC_SLIDE_ATTRIBUTES, true))
      apply(node, slide, SLIDE_ATTRIBUTES);
  }
}

export interface AppliedAttributes {
  html: string;
  /** Attributes for the slide's <section>. */
  slide: Record<string, string>;
  /** Fragment steps: fragments with the same data-fragment-index count once. */
  fragments: number;
}

/** A code block's opening tag with line-highlight steps and a first fragment index, in any attribute order. */
const INDEXED_CODE = /<code\b(?=[^>]*\sdata-line-numbers="([^"]*)")(?=[^>]*\sdata-fragment-index="(\d+)")[^>]*>/g;

function countFragments(root: HTMLElement, html: string): number {
  const indices = new Set<string>();
  let count = 0;
  // A code block's line-highlight steps with a first index (Slidev's, src/content/slidev-clicks.ts): reveal.js's
  // highlight plugin makes each step after the first a fragment at the next index, and the PDF gives it a page.
  // (<pre> is raw text to node-html-parser, so its <code> is read from the HTML.)
  for (const match of html.matchAll(INDEXED_CODE)) {
    const first = Number(match[2]);
    for (let index = first; index < first + match[1]!.split('|').length - 1; index++) indices.add(String(index));
  }
  count = indices.size;
  const visit = (element: HTMLElement) => {
    if ((element.getAttribute('class') ?? '').split(/\s+/).includes('fragment')) {
      const index = element.getAttribute('data-fragment-index');
      if (index === undefined) count++;
      else if (!indices.has(index)) {
        indices.add(index);
        count++;
      }
    }
    for (const child of element.childNodes) if (isElement(child)) visit(child);
  };
  visit(root);
  return count;
}

function removeEmptyComments(node: HTMLElement): void {
  for (const child of [...node.childNodes]) {
    if (child.nodeType === COMMENT_NODE && !child.rawText.trim()) node.removeChild(child);
    else if (isElement(child)) removeEmptyComments(child);
  }
}

/** Quick test: does the HTML need the attribute pass at all? */
export function needsAttributePass(html: string): boolean {
  return html.includes('<!--') || html.includes('fragment');
}

export function applyAttributes(html: string): AppliedAttributes {
  if (!needsAttributePass(html)) return { html, slide: {}, fragments: 0 };
  const root = parse(html, { comment: true, voidTag: { closingSlash: false } });
  const slide: Record<string, string> = {};
  const slideTarget: Target = { setAttribute: (name, value) => (slide[name] = value) };
  walk(slideTarget, root, undefined, undefined);
  removeEmptyComments(root);
  const result = root.toString();
  return { html: result, slide, fragments: countFragments(root, result) };
}
