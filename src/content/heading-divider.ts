/**
 * Marp's `headingDivider`: a slide starts before each heading of the given levels (`2`: `#` and `##`), as if a
 * `---` stood there, as marpit divides them. A heading with nothing but blank lines and comments before it in
 * its slide starts no new one, so a `---` before a heading (or a heading first in the file) makes no empty slide.
 */
import { type Chunk, fencedRanges } from './split.js';

const ATX_HEADING = /^ {0,3}(#{1,6})(?=[ \t]|\r?$)/gm;

/** A chunk divided before its headings of `levels`, outside code. */
function divide(chunk: Chunk, levels: readonly number[]): Chunk[] {
  const code = fencedRanges(chunk.text);
  const starts = [0];
  for (const match of chunk.text.matchAll(ATX_HEADING)) {
    if (!levels.includes(match[1]!.length)) continue;
    if (code.some(([start, end]) => match.index > start && match.index < end)) continue;
    const before = chunk.text.slice(starts[starts.length - 1], match.index);
    if (before.replace(/<!--[\s\S]*?-->/g, '').trim() === '') continue;
    starts.push(match.index);
  }
  return starts.map((start, i) => ({ text: chunk.text.slice(start, starts[i + 1]), offset: chunk.offset + start }));
}

/** Stacks of chunks with each chunk divided at its headings: a horizontal slide becomes several, a stack keeps them. */
export function divideAtHeadings(stacks: readonly (readonly Chunk[])[], levels: readonly number[]): Chunk[][] {
  return stacks.flatMap((stack) => {
    const pieces = stack.map((chunk) => divide(chunk, levels));
    return stack.length === 1 ? pieces[0]!.map((piece) => [piece]) : [pieces.flat()];
  });
}
