/**
 * Slidev's click animations (sli.dev/guide/animations) as reveal.js fragments, stepping in the order Slidev steps
 * them: `<v-click>` around content and a `v-click` attribute on an element are the next click, `v-after` the
 * click before it again, `v-click="3"` click 3 and `v-click="+2"` two clicks on; `<v-click hide>`, `v-click.hide`
 * and `v-click-hide` hide their content at their click; `<v-clicks>` makes each item of the list it wraps a click
 * (`depth="2"` the items of lists inside too, `every="2"` two items a click), or each element it wraps;
 * `<v-switch>` shows each of its `<template #n>` at its click, one at a time. A code
 * block with line-highlight steps (` ```ts {1|2-3} `, reveal.js's `data-line-numbers`) takes its steps' clicks in
 * its place. Every fragment gets its click as data-fragment-index: reveal.js steps through the indices in order,
 * those without one after all the rest.
 */
import { parse, type HTMLElement, type Node as HtmlNode } from 'node-html-parser';

const ELEMENT_NODE = 1;
const isElement = (node: HtmlNode): node is HTMLElement => node.nodeType === ELEMENT_NODE;

/** Elements that make a `<v-click>` a block (a <div>) rather than text in a line (a <span>). */
const BLOCK =
  /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DETAILS|DIV|DL|FIELDSET|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|MAIN|NAV|OL|P|PRE|SECTION|TABLE|UL|V-CLICKS?)$/;

/** Quick test: does the HTML have anything of Slidev's clicks (or line-highlight steps, which take clicks)? */
export function hasSlidevClicks(html: string): boolean {
  return /<v-(clicks?|switch)[\s>]|\sv-(click|after)[\s.=>-]|data-line-numbers="[^"]*\|/.test(html);
}

interface Click {
  /** The click it shows (or hides) at; 0 is shown from the start: no fragment. */
  readonly at: number;
  readonly hide: boolean;
  /** The click it is hidden again at (`v-click="[2, 4]"`, `<template #2-4>`): shown from `at` up to it. */
  readonly until?: number;
}

/** The slide's clicks so far: the last relative click. */
interface Counter {
  last: number;
}

/**
 * A `v-click` value: '' the next click, `3` click 3, `+2` two on, `[4, 5]` from 4 up to 5; anything else the next
 * click. It is a JavaScript expression in Slidev, so blanks in it change nothing. Whether it hides is the caller's.
 */
function clickOf(value: string, counter: Counter): Omit<Click, 'hide'> {
  const written = value.replace(/\s/g, '');
  const range = /^\[(\d+),(\d+)\]$/.exec(written);
  if (range) return { at: Number(range[1]), until: Number(range[2]) };
  if (/^\d+$/.test(written)) return { at: Number(written) };
  counter.last += /^\+\d+$/.test(written) ? Number(written) : 1;
  return { at: counter.last };
}

function markFragment(element: HTMLElement, click: Click): void {
  const { at, hide, until } = click;
  // Shown from the start up to a click is hidden at that click.
  if (at <= 0 && until !== undefined && !hide) {
    markFragment(element, { at: until, hide: true });
    return;
  }
  if (at <= 0) return;
  element.classList.add('fragment');
  if (hide) element.classList.add('fade-out');
  else if (until === at + 1) element.classList.add('fade-in-then-out');
  element.setAttribute('data-fragment-index', String(at));
  // A hidden range (`v-click.hide="[2, 4]"`) takes its clicks too; reveal.js cannot show it again at the last.
  if (until !== undefined && until > at + 1) hideAt(element, until);
}

/**
 * Hide an element again at a later click than the next. reveal.js gives an element one fragment, so the hiding is a
 * wrapper's: a fade-out fragment with no box of its own (`display: contents`), whose `visibility: hidden` the
 * element's shown fragment inherits (reveal.js's `.fragment.visible { visibility: inherit }`).
 */
function hideAt(element: HTMLElement, at: number): void {
  const wrapper = parse(`<span class="fragment fade-out" data-fragment-index="${at}" style="display:contents"></span>`)
    .firstChild as HTMLElement;
  element.replaceWith(wrapper);
  wrapper.appendChild(element);
}

/** The click an element's own attributes give it (`v-click`, `v-after`, with Slidev's modifiers), if any. */
function attributeClick(element: HTMLElement, counter: Counter): Click | undefined {
  for (const [name, value] of Object.entries(element.attributes)) {
    const match = /^v-(click|after)(-hide)?((?:\.[\w-]+)*)$/.exec(name);
    if (!match) continue;
    element.removeAttribute(name);
    const hide = match[2] !== undefined || match[3]!.split('.').includes('hide');
    if (match[1] === 'after') return { at: counter.last, hide };
    return { ...clickOf(value, counter), hide };
  }
  return undefined;
}

/** The items `<v-clicks>` steps through, in document order: list items to `depth` lists deep, else its elements. */
function clickItems(wrapper: HTMLElement, depth: number): HTMLElement[] {
  const children = wrapper.childNodes.filter(isElement);
  const lists = children.filter((child) => child.tagName === 'UL' || child.tagName === 'OL');
  if (lists.length === 0) return children;
  const items: HTMLElement[] = [];
  const visit = (list: HTMLElement, level: number) => {
    for (const item of list.querySelectorAll(':scope > li')) {
      items.push(item);
      if (level < depth) for (const inner of item.querySelectorAll(':scope > ul, :scope > ol')) visit(inner, level + 1);
    }
  };
  for (const list of lists) visit(list, 1);
  return items;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * `<v-switch>`: each `<template #2>` shows its content at the switch's second click and hides it at the next
 * (`#2-4` from the second click up to the fourth; `#0` until the first), one over the other in reveal.js's r-stack;
 * the switch takes its clicks.
 */
function switchSteps(element: HTMLElement, counter: Counter): void {
  const base = counter.last;
  let last = base;
  element.tagName = 'div';
  element.classList.add('r-stack');
  for (const template of element.childNodes.filter(isElement)) {
    const name = Object.keys(template.attributes).find((key) => /^(#|v-slot:)\d+(-\d+)?$/.test(key));
    // Vue allows a slot's name (#2) only on a <template>.
    if (!name) continue;
    const [from, to] = name
      .replace(/^(#|v-slot:)/, '')
      .split('-')
      .map(Number) as [number, number | undefined];
    template.removeAttribute(name);
    template.tagName = 'div';
    const end = base + (to ?? from + 1);
    if (from === 0) markFragment(template, { at: end, hide: true });
    else markFragment(template, { at: base + from, hide: false, until: end });
    last = Math.max(last, end - 1);
  }
  counter.last = last;
}

function walk(node: HtmlNode, counter: Counter): void {
  for (const child of [...node.childNodes]) {
    if (!isElement(child)) continue;
    const tag = child.tagName;
    if (tag === 'V-CLICK' || tag === 'V-AFTER') {
      const hide = child.hasAttribute('hide');
      const at = child.getAttribute('at');
      child.removeAttribute('hide');
      child.removeAttribute('at');
      const click = tag === 'V-AFTER' ? { at: counter.last, hide } : { ...clickOf(at ?? '', counter), hide };
      child.tagName = child.childNodes.some((inner) => isElement(inner) && BLOCK.test(inner.tagName)) ? 'div' : 'span';
      markFragment(child, click);
    } else if (tag === 'V-CLICKS') {
      const every = positive(child.getAttribute('every'), 1);
      clickItems(child, positive(child.getAttribute('depth'), 1)).forEach((item, i) => {
        if (i % every === 0) counter.last++;
        markFragment(item, { at: counter.last, hide: false });
      });
      walk(child, counter);
      child.replaceWith(...child.childNodes);
      continue;
    } else if (tag === 'V-SWITCH') {
      switchSteps(child, counter);
    } else if (tag === 'CODE') {
      const steps = highlightSteps(child);
      if (steps > 1) {
        child.setAttribute('data-fragment-index', String(counter.last + 1));
        counter.last += steps - 1;
      }
    } else {
      const click = attributeClick(child, counter);
      if (click) markFragment(child, click);
    }
    walk(child, counter);
  }
}

/** How many line-highlight steps a `<code>` has (reveal.js's `data-line-numbers`, steps between `|`); 1 for none. */
const highlightSteps = (code: HTMLElement) => (code.getAttribute('data-line-numbers') ?? '').split('|').length;

/** The slide's HTML with Slidev's clicks as reveal.js fragments (see the file's comment). */
export function slidevClicks(html: string): string {
  if (!hasSlidevClicks(html)) return html;
  // <pre> is parsed (node-html-parser keeps it as raw text by default) for its <code>'s line-highlight steps.
  const root = parse(html, {
    comment: true,
    blockTextElements: { script: true, style: true },
  });
  walk(root, { last: 0 });
  fillClickGaps(root);
  return root.toString();
}

/**
 * reveal.js steps only through the fragment indices a slide has, where Slidev counts every click up to its last:
 * with `v-click="1"` and `v-click="3"`, click 2 shows nothing new but is a click. Each click no fragment takes gets
 * an empty one, so the slide takes as many clicks as in Slidev and each element appears at its own.
 */
function fillClickGaps(root: HTMLElement): void {
  const taken = new Set<number>();
  for (const element of root.querySelectorAll('[data-fragment-index]')) {
    const at = Number(element.getAttribute('data-fragment-index'));
    // A code block's highlight steps take the clicks after its own (reveal.js's highlight plugin).
    const steps = element.tagName === 'CODE' ? highlightSteps(element) - 1 : 1;
    for (let step = 0; step < steps; step++) taken.add(at + step);
  }
  const last = Math.max(0, ...taken);
  for (let at = 1; at < last; at++) {
    if (!taken.has(at))
      root.appendChild(parse(`<span class="fragment" data-fragment-index="${at}" aria-hidden="true"></span>`).firstChild!);
  }
}
