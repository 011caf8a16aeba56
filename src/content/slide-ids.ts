import { DeckError, ErrorCode } from '../core/errors.js';
import type { Section, Slide } from './types.js';

/** Slide ids the author set (or that clash with generated ones): each must be unique, or links and the PDF break. */
export function duplicateIds(slides: readonly Slide[]): DeckError[] {
  const seen = new Map<string, Slide>();
  const problems: DeckError[] = [];
  for (const slide of slides) {
    const earlier = seen.get(slide.id);
    if (earlier) {
      problems.push(
        new DeckError(
          ErrorCode.BadInput,
          `slide id "${slide.id}" is used twice (first at ${earlier.file}:${earlier.origins.id ?? earlier.line})`,
          {
            file: slide.file,
            line: slide.origins.id ?? slide.line,
            hint: 'give each slide its own id',
          },
        ),
      );
    } else seen.set(slide.id, slide);
  }
  return problems;
}

/**
 * Links to a slide by id, as reveal.js writes them (`#/intro`), become `#intro`: reveal.js reads both, and only
 * the plain fragment is a link Chromium can keep inside the PDF.
 */
export function linkSlideIds(sections: readonly Section[]): Section[] {
  const ids = new Set(sections.flatMap((section) => section.stacks.flat().map((slide) => slide.id)));
  const rewrite = (html: string) =>
    html.includes('#/')
      ? html.replace(/(\shref=["'])#\/([^"'/]+)(["'])/g, (whole, before: string, id: string, after: string) =>
          ids.has(decodeId(id)) ? `${before}#${id}${after}` : whole,
        )
      : html;
  return sections.map((section) => ({
    ...section,
    stacks: section.stacks.map((stack) => stack.map((slide) => ({ ...slide, html: rewrite(slide.html) }))),
  }));
}

function decodeId(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}
