import type { Token } from 'marked';

/**
 * Pandoc's pause: a paragraph of three dots separated by spaces (`. . .`). Everything after it, up to the end of
 * the slide (or of the div it is in), is one more fragment step, as `pandoc -t revealjs` makes it: the blocks after
 * each pause go in a `<div class="fragment">`. Code is never read (a fenced `. . .` is a code token).
 */
export function isPause(token: Token): boolean {
  return token.type === 'paragraph' && token.raw.trim() === '. . .';
}

/** The tokens with each run after a pause given to `wrap` (which makes the fragment); unchanged without pauses. */
export function wrapPauses(tokens: Token[], wrap: (run: Token[]) => Token): Token[] {
  const first = tokens.findIndex(isPause);
  if (first === -1) return tokens;
  const result = tokens.slice(0, first);
  let run: Token[] = [];
  for (const token of tokens.slice(first)) {
    if (isPause(token)) {
      run = [];
      result.push(wrap(run));
    } else run.push(token);
  }
  return result;
}
