import { parse, type HTMLElement, type Node as HtmlNode } from 'node-html-parser';

/**
 * Raw `<section>` elements in a slide's HTML. In reveal.js a <section> inside a horizontal slide's <section> is
 * a slide of its own (the outer one becomes a vertical stack), so HTML-written slides such as auto-animate pairs
 * are navigable one by one. This finds them so the deck can make each a slide.
 */
export interface RawSection {
  /** The section's attributes (id included) and inner HTML. */
  attributes: Record<string, string>;
  html: string;
}

export interface RawSections {
  sections: RawSection[];
  /** HTML outside the sections, when there is any besides white space and comments. */
  loose: string;
}

const ELEMENT_NODE = 1;
const COMMENT_NODE = 8;

/** The top-level <section> elements of a slide's HTML, or undefined when it has none. */
export function rawSections(html: string): RawSections | undefined {
  if (!/<section[\s>]/i.test(html)) return undefined;
  const root = parse(html, { comment: true, voidTag: { closingSlash: false } });
  const sections: RawSection[] = [];
  const loose: HtmlNode[] = [];
  for (const child of root.childNodes) {
    if (child.nodeType === ELEMENT_NODE && (child as HTMLElement).tagName === 'SECTION') {
      const element = child as HTMLElement;
      sections.push({ attributes: { ...element.attributes }, html: element.innerHTML });
    } else if (child.nodeType !== COMMENT_NODE && child.toString().trim() !== '') {
      loose.push(child);
    }
  }
  if (sections.length === 0) return undefined;
  return {
    sections,
    loose: loose
      .map((node) => node.toString())
      .join('')
      .trim(),
  };
}
