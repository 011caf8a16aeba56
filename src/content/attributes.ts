import { parseHTML } from 'linkedom';

/**
 * `<!-- .element: ... -->` and `<!-- .slide: ... -->` comments, applied as reveal.js's markdown plugin applies
 * them: an element comment sets attributes on the element before it (the last item of a list it directly
 * follows), a slide comment on the slide's <section>.
 */
export const ELEMENT_ATTRIBUTES = '\\.element\\s*?(.+?)$';
export const SLIDE_ATTRIBUTES = '\\.slide:\\s*?(\\S.+?)$';
const ATTRIBUTE = /([^"= ]+?)="([^"]+?)"|(data-[^"= ]+?)(?=[" ])/gm;

const COMMENT_NODE = 8;

/* Minimal DOM shapes used below (linkedom's nodes). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  previousSibling: DomNode | null;
  parentNode: DomNode | null;
  tagName?: string;
  lastElementChild?: DomNode | null;
  setAttribute?: (name: string, value: string) => void;
  remove?: () => void;
}

function apply(comment: DomNode, target: DomNode | null, pattern: string): boolean {
  if (!target?.setAttribute) return false;
  const regex = new RegExp(pattern, 'mg');
  const value = comment.nodeValue ?? '';
  const match = regex.exec(value);
  if (!match) return false;
  comment.nodeValue = value.slice(0, match.index) + value.slice(regex.lastIndex);
  const attributes = match[1] ?? '';
  let attr: RegExpExecArray | null;
  ATTRIBUTE.lastIndex = 0;
  while ((attr = ATTRIBUTE.exec(attributes)) !== null) {
    if (attr[2]) target.setAttribute(attr[1]!, attr[2]);
    else target.setAttribute(attr[3]!, '');
  }
  return true;
}

function walk(section: DomNode, node: DomNode, previous: DomNode | null): void {
  const children = node.childNodes;
  if (children && children.length > 0) {
    let target: DomNode | null = node;
    for (let a = 0; a < children.length; a++) {
      const child = children[a]!;
      for (let e = a - 1; e >= 0; e--) {
        const candidate = children[e]!;
        if (typeof candidate.setAttribute === 'function' && candidate.tagName !== 'BR') {
          target = candidate;
          break;
        }
      }
      if (typeof child.setAttribute === 'function' || child.nodeType === COMMENT_NODE) walk(section, child, target);
    }
  }
  if (node.nodeType === COMMENT_NODE) {
    let target = previous;
    const blankLineBefore = /\n[ \t]*\n/.test(node.previousSibling?.nodeValue ?? '');
    if (target && (target.tagName === 'UL' || target.tagName === 'OL') && !blankLineBefore) {
      target = target.lastElementChild ?? target;
    }
    if (!apply(node, target, ELEMENT_ATTRIBUTES)) apply(node, section, SLIDE_ATTRIBUTES);
  }
}

export interface AppliedAttributes {
  html: string;
  /** Attributes for the slide's <section>. */
  slide: Record<string, string>;
  /** Fragment steps: fragments with the same data-fragment-index count once. */
  fragments: number;
}

/** Quick test: does the HTML need the DOM pass at all? */
export function needsAttributePass(html: string): boolean {
  return html.includes('<!--') || html.includes('fragment');
}

export function applyAttributes(html: string): AppliedAttributes {
  if (!needsAttributePass(html)) return { html, slide: {}, fragments: 0 };
  const { document } = parseHTML('<!doctype html><html><body><section></section></body></html>');
  const section = document.querySelector('section')!;
  section.innerHTML = html;
  walk(section as unknown as DomNode, section as unknown as DomNode, null);
  const slide: Record<string, string> = {};
  for (const attr of Array.from(section.attributes)) slide[attr.name] = attr.value;
  // Comments emptied by the pass are noise in the output.
  const walker = document.createTreeWalker(section, 128 /* NodeFilter.SHOW_COMMENT */);
  const empty: { remove(): void }[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.nodeValue ?? '').trim()) empty.push(node as unknown as { remove(): void });
  }
  for (const node of empty) node.remove();
  const indices = new Set<string>();
  let fragments = 0;
  for (const element of Array.from(section.querySelectorAll('.fragment'))) {
    const index = element.getAttribute('data-fragment-index');
    if (index === null) fragments++;
    else if (!indices.has(index)) {
      indices.add(index);
      fragments++;
    }
  }
  return { html: section.innerHTML, slide, fragments };
}
