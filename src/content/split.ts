/**
 * Splitting a Markdown section into slides the way reveal.js's markdown plugin does (its `slidify`): one regular
 * expression made of the horizontal and vertical separators, matched across the whole text; a horizontal match
 * closes the current stack, a vertical one extends it. Unlike the plugin, a separator inside a closed fenced code
 * block is not a separator.
 */
import { opensNotesDiv } from './div-fences.js';

export interface Chunk {
  readonly text: string;
  /** Offset of the chunk's first character in the text that was split. */
  readonly offset: number;
}

export interface SplitOptions {
  separator: string;
  verticalSeparator?: string;
}

export interface FenceScan {
  /** [start, end) offsets of fenced code blocks that are closed. */
  ranges: [number, number][];
  /** Offsets of the opening lines of fences that are never closed. */
  unclosed: number[];
}

/**
 * Fenced code blocks (``` or ~~~, up to 3 spaces of indent, closed by a like fence). reveal.js's plugin splits
 * before Markdown is parsed, so it never sees a fence; here a separator inside a closed fence is not a separator.
 * A fence that is never closed does not hide separators: it ends where reveal.js would end it, at the next
 * separator. A fence line with an info string (```js) while a fence is open means the open one was never
 * closed (a closing fence has none), e.g. `foo()```` written on the code's last line.
 */
export function scanFences(text: string): FenceScan {
  const ranges: [number, number][] = [];
  const unclosed: number[] = [];
  const line = /^.*(?:\r?\n|$)/gm;
  let open: { char: string; length: number; start: number } | undefined;
  let match: RegExpExecArray | null;
  while ((match = line.exec(text)) !== null && match[0] !== '') {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(match[0].replace(/\r?\n$/, ''));
    if (!fence) continue;
    const char = fence[1]![0]!;
    const info = fence[2]!.trim();
    const opens = !(char === '`' && info.includes('`'));
    if (open && char === open.char && fence[1]!.length >= open.length && info === '') {
      ranges.push([open.start, match.index + match[0].length]);
      open = undefined;
    } else if (open && info !== '' && opens && char === open.char && fence[1]!.length === open.length) {
      unclosed.push(open.start);
      open = { char, length: fence[1]!.length, start: match.index };
    } else if (!open && opens) {
      open = { char, length: fence[1]!.length, start: match.index };
    }
  }
  if (open) unclosed.push(open.start);
  return { ranges, unclosed };
}

/** [start, end) offsets of closed fenced code blocks (see scanFences). */
export function fencedRanges(text: string): [number, number][] {
  return scanFences(text).ranges;
}

function inside(ranges: [number, number][], index: number): boolean {
  return ranges.some(([start, end]) => index > start && index < end);
}

/** All matches of `pattern` (global, multiline) that do not start inside a fenced code block. */
export function matchesOutsideCode(text: string, pattern: string, flags = 'mg'): RegExpExecArray[] {
  const ranges = fencedRanges(text);
  const regex = new RegExp(pattern, flags);
  const found: RegExpExecArray[] = [];
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    if (match[0] === '') {
      regex.lastIndex++;
      continue;
    }
    // A separator like \r?\n---\r?\n starts on the newline before the line; test the line itself.
    const lineStart = match.index + (/^\r?\n/.exec(match[0])?.[0].length ?? 0);
    if (!inside(ranges, lineStart)) found.push(match);
  }
  return found;
}

/** Split into horizontal stacks of vertical chunks. A stack of one chunk is a plain horizontal slide. */
export function splitSlides(text: string, options: SplitOptions): Chunk[][] {
  const pattern = options.separator + (options.verticalSeparator ? `|${options.verticalSeparator}` : '');
  // Sticky, so a separator with a lookahead (e.g. one slide per heading) is tested where it matched, in context.
  const horizontal = new RegExp(options.separator, 'my');
  const stacks: Chunk[][] = [];
  let last = 0;
  let wasHorizontal = true;
  for (const match of matchesOutsideCode(text, pattern)) {
    horizontal.lastIndex = match.index;
    const isHorizontal = horizontal.exec(text)?.[0].length === match[0].length;
    const chunk = { text: text.slice(last, match.index), offset: last };
    if (!isHorizontal && wasHorizontal) stacks.push([]);
    if (isHorizontal && wasHorizontal) stacks.push([chunk]);
    else stacks[stacks.length - 1]!.push(chunk);
    last = match.index + match[0].length;
    wasHorizontal = isHorizontal;
  }
  const tail = { text: text.slice(last), offset: last };
  if (wasHorizontal) stacks.push([tail]);
  else stacks[stacks.length - 1]!.push(tail);
  return stacks;
}

export interface NotesSplit {
  body: string;
  notes: string;
  /**
   * Offsets of the notes markers' first characters when there is more than one: then, as in reveal.js, all
   * stays on the slide.
   */
  extraMarkers: number[];
}

/**
 * Split a slide's Markdown at its notes separator (outside code): [body, notes]. Like reveal.js's plugin, only
 * a slide with exactly one marker has notes; with two or more, everything stays on the slide.
 */
export function splitNotes(text: string, notesSeparator: string): NotesSplit {
  // A marker on Pandoc's `::: notes` line (the old advice `'^::: *notes'`) is not a split: the div is the notes,
  // its closing fence not among them and text after it still on the slide (src/content/fenced-divs.ts).
  const matches = matchesOutsideCode(text, notesSeparator, 'mgi').filter((match) => !opensPandocNotes(text, match.index));
  if (matches.length === 0) return { body: text, notes: '', extraMarkers: [] };
  if (matches.length > 1) {
    return { body: text, notes: '', extraMarkers: matches.map((match) => match.index + /^\s*/.exec(match[0])![0].length) };
  }
  const match = matches[0]!;
  return { body: text.slice(0, match.index), notes: text.slice(match.index + match[0].length).trim(), extraMarkers: [] };
}

/** The line at `offset` (after the blank lines a separator match may start with) opens Pandoc's notes div. */
function opensPandocNotes(text: string, offset: number): boolean {
  const from = text.slice(offset).search(/\S/);
  if (from < 0) return false;
  const start = text.lastIndexOf('\n', offset + from) + 1;
  const end = text.indexOf('\n', start);
  return opensNotesDiv(text.slice(start, end < 0 ? undefined : end).replace(/\r$/, ''));
}
