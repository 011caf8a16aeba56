import type { Slide } from '../content/types.js';
import type { LostContent } from './page/print-view.js';

export type ProblemKind = 'page-count' | 'overflow' | 'missing-glyphs' | 'blocked-request';

/** Something an export check found wrong. */
export interface ExportProblem {
  kind: ProblemKind;
  /** Which PDF: the slides or the handout. */
  pdf: 'deck' | 'handout';
  message: string;
  /** The slide it is about, where there is one. */
  file?: string;
  line?: number;
  slide?: number;
  title?: string;
}

/** `root` is how the deck's folder is shown (e.g. relative to the working directory). */
export function slideProblem(kind: ProblemKind, pdf: ExportProblem['pdf'], slide: Slide, message: string, root = ''): ExportProblem {
  const file = root && root !== '.' ? `${root.replace(/\/$/, '')}/${slide.file}` : slide.file;
  return { kind, pdf, message, file, line: slide.line, slide: slide.index + 1, title: slide.title };
}

/** One line per problem: "slides/03-gpt-1.md:21: slide 6 “小模型，大潛力”: …" (file relative to the deck). */
export function formatProblem(problem: ExportProblem): string {
  const file = problem.file ? `${problem.file}${problem.line ? `:${problem.line}` : ''}: ` : '';
  const slide = problem.slide ? `slide ${problem.slide}${problem.title ? ` “${problem.title}”` : ''}: ` : '';
  return `${file}${slide}${problem.message} [${problem.pdf}.pdf, ${problem.kind}]`;
}

export function formatReport(problems: readonly ExportProblem[]): string {
  return problems.map((problem) => `  - ${formatProblem(problem)}`).join('\n');
}

/** "2 list items (from “l”) fall below the slide", "an image runs past the right edge". */
function lostSentence(lost: LostContent): string {
  const kinds = lost.count === 1 ? lost.kind : lost.kind.endsWith('y') ? `${lost.kind.slice(0, -1)}ies` : `${lost.kind}s`;
  const article = /^[aeiou]/.test(lost.kind) ? 'an' : 'a';
  const what = `${lost.count === 1 ? article : `${lost.count}`} ${kinds}${lost.first ? ` (from “${lost.first}”)` : ''}`;
  const one = lost.count === 1;
  if (lost.edge === 'right') return `${what} ${one ? 'runs' : 'run'} past the right edge`;
  return `${what} ${lost.whole ? (one ? 'falls' : 'fall') : one ? 'reaches' : 'reach'} below the slide`;
}

/** Overflow, from the page's measurement, as a sentence that says what is lost, then by how much. */
export function describeOverflow(
  edges: { right: number; bottom: number; left: number; top: number; lost?: readonly LostContent[] },
  clipped: string[],
  size: { width: number; height: number },
): string | undefined {
  const parts: string[] = [];
  if (edges.bottom > 0) parts.push(`${edges.bottom} px past the bottom`);
  if (edges.right > 0) parts.push(`${edges.right} px past the right edge`);
  if (edges.top > 0) parts.push(`${edges.top} px above the top`);
  if (edges.left > 0) parts.push(`${edges.left} px left of the left edge`);
  if (parts.length > 0) {
    const lost = (edges.lost ?? []).map(lostSentence);
    const what = lost.length > 0 ? `${lost.join('; ')}: cut off in the PDF and on screen` : 'content is cut off';
    return `${what} (${parts.join(', ')} of the ${size.width}×${size.height} slide); shorten the slide, split it, or let it shrink with <!-- .slide: data-fit -->`;
  }
  if (clipped.length > 0)
    return `content is cut off inside ${clipped.slice(0, 3).join(', ')}${clipped.length > 3 ? ` and ${clipped.length - 3} more` : ''}`;
  return undefined;
}
