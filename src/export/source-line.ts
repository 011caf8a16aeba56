/**
 * The source line of an element the exports report (a picture PowerPoint cannot edit, an image that cannot be
 * read): the rendered HTML keeps no line numbers, so the slide's own lines in its Markdown file are searched for
 * what the element was written with: its id, its image file, its tag and class, or its text.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Deck, Slide } from '../content/types.js';

/** What the page tells of an element, to find where it was written. */
export interface ElementSignature {
  /** Lower-case tag name. */
  tag: string;
  id?: string;
  classes: string[];
  /** An image's src as the page has it. */
  src?: string;
  /** The start of its text, spaces collapsed. */
  text?: string;
}

/** Lines of one slide in its file: `first` is the slide's 1-based start line. */
export interface SlideLines {
  first: number;
  lines: readonly string[];
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Tests on a source line, most telling first; the first one some line passes decides. */
function testsFor(element: ElementSignature): ((line: string) => boolean)[] {
  const tests: ((line: string) => boolean)[] = [];
  if (element.id) {
    const id = new RegExp(`(\\bid\\s*=\\s*["']?${literal(element.id)}(["'\\s>]|$))|\\{#${literal(element.id)}[\\s}]`);
    tests.push((line) => id.test(line));
  }
  if (element.src) {
    // As the page has it, or decoded: Markdown may spell a space as %20 or as a space in <…>.
    const file = basename(element.src.split(/[?#]/)[0]!);
    const decoded = safeDecode(file);
    if (file) tests.push((line) => line.includes(file) || line.includes(decoded));
  }
  const opening = new RegExp(`<${literal(element.tag)}[\\s>/]`, 'i');
  for (const name of element.classes) {
    const inClass = new RegExp(`class\\s*=\\s*["'][^"']*\\b${literal(name)}\\b|\\.${literal(name)}\\b`);
    tests.push((line) => opening.test(line) && inClass.test(line));
    tests.push((line) => inClass.test(line));
  }
  if (element.text) {
    const start = squash(element.text).slice(0, 24);
    if (start.length >= 3) tests.push((line) => squash(line).includes(start));
  }
  tests.push((line) => opening.test(line));
  return tests;
}

/**
 * The 1-based line of `element` among the slide's lines, or the slide's first line when nothing matches. Lines
 * from `after` on are searched first, so several alike elements of one slide get their own lines in order.
 */
export function lineOfElement(slide: SlideLines, element: ElementSignature, after = slide.first): number {
  const from = Math.max(0, after - slide.first);
  const order = [...slide.lines.keys()].slice(from).concat([...slide.lines.keys()].slice(0, from));
  for (const test of testsFor(element)) {
    const found = order.find((i) => test(slide.lines[i]!));
    if (found !== undefined) return slide.first + found;
  }
  return slide.first;
}

/** Each slide's lines in its file, from its start line to the next slide's start (or the file's end). */
export async function slideLines(deck: Deck): Promise<Map<string, SlideLines>> {
  const files = new Map<string, Promise<string[]>>();
  const textOf = (file: string) => {
    let lines = files.get(file);
    if (!lines) {
      lines = readFile(join(deck.root, file), 'utf8').then(
        (text) => text.split(/\r?\n/),
        () => [],
      );
      files.set(file, lines);
    }
    return lines;
  };
  const out = new Map<string, SlideLines>();
  for (const slide of deck.slides) {
    const lines = await textOf(slide.file);
    const next = nextStart(deck.slides, slide) ?? lines.length + 1;
    out.set(slide.id, { first: slide.line, lines: lines.slice(slide.line - 1, next - 1) });
  }
  return out;
}

function nextStart(slides: readonly Slide[], slide: Slide): number | undefined {
  const later = slides.filter((other) => other.file === slide.file && other.line > slide.line).map((other) => other.line);
  return later.length > 0 ? Math.min(...later) : undefined;
}
