/** Offsets of line starts in a text, for turning offsets into 1-based line numbers in O(log n). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line of the character at `offset`. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}

/**
 * The 1-based line of the first match of `pattern` on or after line `from` of `text` (undefined when there is none).
 * For messages: where a slide writes a reference or an attribute, searched from the slide's first line.
 */
export function lineMatching(text: string, from: number, pattern: string | RegExp): number | undefined {
  let offset = 0;
  for (let line = 1; line < from && offset !== -1; line++) offset = text.indexOf('\n', offset) + 1 || -1;
  if (offset === -1) return undefined;
  const rest = text.slice(offset);
  const found = typeof pattern === 'string' ? rest.indexOf(pattern) : rest.search(pattern);
  return found === -1 ? undefined : from + (rest.slice(0, found).match(/\n/g)?.length ?? 0);
}
