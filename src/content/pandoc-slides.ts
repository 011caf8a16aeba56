/**
 * Pandoc's slide structure (`pandoc -t revealjs`, checked against 2.17): headings at the slide level start slides,
 * headings above it are section title slides, and each section of the top heading level is a vertical stack in
 * reveal.js with its slides under its title slide; a horizontal rule (the deck's separator) starts a slide with no
 * title; headings below the slide level stay in their slide. The slide level is the `slideLevel` setting, else
 * Pandoc's default: the highest level of a heading followed at once by content (not a heading or a rule).
 */
import { closesDiv, opensDiv, opensNotesDiv } from './div-fences.js';
import { scanFences, splitSlides, type Chunk, type SplitOptions } from './split.js';

/** Pandoc's default when no heading is followed by content (its getSlideLevel starts from 6). */
const NO_CONTENT_LEVEL = 6;

const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;

interface HeadingLine {
  /** Offset of the heading's line in the text, and its level. */
  index: number;
  level: number;
  /** The next line with text is content (not a heading); false when the chunk ends first. */
  content: boolean;
}

/**
 * The ATX headings at the top of `text` (not in fenced code or inside a fenced div), each with what follows it. A
 * div that starts with a heading is a slide in Pandoc (its section): that heading counts, at the div's first line
 * (a notes div never does). Nothing inside raw `<section>` elements is read.
 */
function headingLines(text: string): HeadingLine[] {
  const { ranges, unclosed } = scanFences(text);
  const codeFrom = Math.min(Infinity, ...unclosed);
  const found: HeadingLine[] = [];
  let depth = 0;
  let last: HeadingLine | undefined;
  let divStart: number | undefined;
  let sections = 0;
  const line = /^.*(?:\r?\n|$)/gm;
  let match: RegExpExecArray | null;
  while ((match = line.exec(text)) !== null && match[0] !== '') {
    const index = match.index;
    const content = match[0].replace(/\r?\n$/, '');
    if (content.trim() === '') continue;
    const code = index >= codeFrom || ranges.some(([start, end]) => index >= start && index < end);
    if (!code) {
      // Slides written as raw <section> elements are the author's: a heading in them is theirs, not a cut.
      sections += (content.match(/<section[\s>]/gi)?.length ?? 0) - (content.match(/<\/section\s*>/gi)?.length ?? 0);
      if (sections > 0 || /<\/section\s*>/i.test(content)) continue;
    }
    const heading = !code && (depth === 0 || divStart !== undefined) ? ATX.exec(content) : null;
    if (last) last.content = !heading;
    last = undefined;
    if (heading) {
      last = { index: divStart ?? index, level: heading[1]!.length, content: false };
      found.push(last);
    }
    divStart = undefined;
    if (heading || code) continue;
    if (opensDiv(content)) {
      // Speaker notes stay notes, whatever they start with.
      if (depth === 0 && !opensNotesDiv(content)) divStart = index;
      depth++;
    } else if (closesDiv(content) && depth > 0) depth--;
  }
  return found;
}

/** Every heading of a deck's files that can start a slide or a section (`headingLines` of each chunk). */
function deckHeadings(bodies: readonly string[], options: SplitOptions): HeadingLine[] {
  return bodies.flatMap((body) =>
    splitSlides(body, options)
      .flat()
      .flatMap((chunk) => headingLines(chunk.text)),
  );
}

export interface SlideLevels {
  slideLevel: number;
  /** The highest level of the headings that start slides or sections (those at or above the slide level), if any. */
  topLevel: number | undefined;
}

/**
 * A deck's slide level, `slideLevel` when the author set it, else Pandoc's default (the highest level of a heading
 * followed at once by content), and its top heading level, from one reading of its headings.
 */
export function slideLevels(bodies: readonly string[], options: SplitOptions, slideLevel?: number): SlideLevels {
  const headings = deckHeadings(bodies, options);
  const level = slideLevel ?? Math.min(NO_CONTENT_LEVEL, ...headings.filter((heading) => heading.content).map((heading) => heading.level));
  const tops = headings.filter((heading) => heading.level <= level).map((heading) => heading.level);
  return { slideLevel: level, topLevel: tops.length > 0 ? Math.min(...tops) : undefined };
}

export interface PandocSplitOptions extends SplitOptions {
  slideLevel: number;
  /** The deck's highest slide or section heading level (slideLevels): its sections are the vertical stacks. */
  topLevel: number | undefined;
}

/**
 * Split a file's Markdown into stacks of slides as Pandoc does. The separators still split first (a rule, or a
 * vertical separator, whose slide joins the stack it follows); each piece is then cut before every heading at or
 * above the slide level. A file starts with no section open: its stacks never run on from the file before it.
 */
export function splitPandocSlides(text: string, options: PandocSplitOptions): Chunk[][] {
  const { slideLevel, topLevel } = options;
  const stacks: Chunk[][] = [];
  let section: Chunk[] | undefined;
  const place = (chunk: Chunk, level: number | undefined, vertical: boolean) => {
    if (level !== undefined && level === topLevel && level < slideLevel) {
      section = [chunk];
      stacks.push(section);
    } else if (vertical && stacks.length > 0) stacks[stacks.length - 1]!.push(chunk);
    else if (section) section.push(chunk);
    else stacks.push([chunk]);
  };
  for (const stack of splitSlides(text, options)) {
    stack.forEach((chunk, v) => {
      const cuts = headingLines(chunk.text).filter((heading) => heading.level <= slideLevel);
      const pieces: { start: number; level?: number }[] = cuts.map((heading) => ({ start: heading.index, level: heading.level }));
      // What comes before the first slide heading (after a rule, or at the top) is a slide with no title.
      if (chunk.text.slice(0, pieces[0]?.start).trim() !== '') pieces.unshift({ start: 0 });
      pieces.forEach((piece, i) => {
        const end = pieces[i + 1]?.start ?? chunk.text.length;
        place({ text: chunk.text.slice(piece.start, end), offset: chunk.offset + piece.start }, piece.level, v > 0 && i === 0);
      });
    });
  }
  return stacks;
}
