/**
 * What Slidev's components need the whole deck for, filled in once every slide is numbered: `<SlideCurrentNo>`
 * (the slide's number), `<SlidesTotal>` (the number of slides) and `<Toc>` (the slides with a level-1 heading,
 * as Slidev's table of contents lists them, each a link to its slide, but those whose front matter says
 * `hideInToc: true`). src/content/slidev-components.ts leaves
 * their placeholders.
 */
import { escapeHtml } from './escape.js';
import type { Section, Slide } from './types.js';

const CURRENT = '<span class="slidev-current-no"></span>';
const TOTAL = '<span class="slidev-slides-total"></span>';
const TOC = '<nav class="slidev-toc"></nav>';

/** The table of contents: each slide whose first heading is an <h1>, by its title. */
function tocHtml(slides: readonly Slide[]): string {
  const items = slides
    .filter((slide) => /<h([1-6])[\s>]/.exec(slide.html)?.[1] === '1' && !('data-hide-in-toc' in slide.attributes))
    .map((slide) => `<li><a href="#${escapeHtml(slide.id)}">${escapeHtml(slide.title)}</a></li>`);
  return `<nav class="slidev-toc"><ul>${items.join('')}</ul></nav>`;
}

/** The sections with their slides' Slidev placeholders filled. */
export function fillSlidevPlaceholders(sections: readonly Section[]): Section[] {
  const slides = sections.flatMap((section) => section.stacks.flat());
  const total = String(slides.length);
  const toc = tocHtml(slides);
  const fill = (slide: Slide): Slide => ({
    ...slide,
    html: slide.html
      .replaceAll(CURRENT, `<span class="slidev-current-no">${slide.index + 1}</span>`)
      .replaceAll(TOTAL, `<span class="slidev-slides-total">${total}</span>`)
      .replaceAll(TOC, toc),
  });
  return sections.map((section) => ({ ...section, stacks: section.stacks.map((stack) => stack.map(fill)) }));
}
