/** Problems the PPTX and PNG exports find, and the report that names each slide's file and line. */
import type { Slide } from '../content/types.js';

export type ShareProblemKind = 'slide-count' | 'notes' | 'empty-text' | 'broken-image' | 'blocked-request';

export interface ShareProblem {
  kind: ShareProblemKind;
  message: string;
  file?: string;
  line?: number;
  slide?: number;
  title?: string;
}

/** An element that became a picture because it cannot be editable PowerPoint content. */
export interface PicturedElement {
  file: string;
  line: number;
  slide: number;
  reason: string;
}

/** `root` is how the deck's folder is shown (e.g. relative to the working directory). */
export function sourceOf(slide: Slide, root: string): { file: string; line: number; slide: number; title: string } {
  const file = root && root !== '.' ? `${root.replace(/\/$/, '')}/${slide.file}` : slide.file;
  return { file, line: slide.line, slide: slide.index + 1, title: slide.title };
}

export function formatShareProblem(problem: ShareProblem): string {
  const file = problem.file ? `${problem.file}${problem.line ? `:${problem.line}` : ''}: ` : '';
  const slide = problem.slide ? `slide ${problem.slide}${problem.title ? ` “${problem.title}”` : ''}: ` : '';
  return `${file}${slide}${problem.message} [${problem.kind}]`;
}

export function formatShareReport(problems: readonly ShareProblem[]): string {
  return problems.map((problem) => `  - ${formatShareProblem(problem)}`).join('\n');
}
