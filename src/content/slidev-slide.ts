/**
 * One slide written for Slidev, in HTML: its layout placed by one of this tool's (src/content/slidev-layouts.ts),
 * the parts between its slot markers rendered and arranged (src/content/slidev-slots.ts), its components
 * resolved (src/content/slidev-components.ts), its styles kept to it (src/content/slidev-styles.ts) and its clicks made
 * reveal.js fragments (src/content/slidev-clicks.ts).
 */
import { slidevClicks } from './slidev-clicks.js';
import { dropSnippetImports } from './slidev-code.js';
import { fencedRanges } from './split.js';
import { dropColonIcons, slidevComponents } from './slidev-components.js';
import type { SlidevLayoutCall } from './slidev-front-matter.js';
import { placeSlidevLayout } from './slidev-layouts.js';
import { scopeSlideStyles } from './slidev-styles.js';
import { arrangeSlots, pageLinkHtml, slotParts, unplacedSlots } from './slidev-slots.js';

export interface SlidevWarning {
  /** Text of the slide's Markdown at whose line the warning goes; none: at the line of the slide's layout. */
  readonly at?: string;
  readonly message: string;
}

export interface SlidevSlide {
  readonly html: string;
  /** For the slide's <section>: its layout here (data-layout) and what that adds (a background, a class). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly warnings: readonly SlidevWarning[];
}

/** The slide's HTML from its Markdown (notes already taken out); `render` turns Markdown into HTML. */
export function slidevSlide(markdown: string, layout: SlidevLayoutCall | undefined, render: (markdown: string) => string): SlidevSlide {
  const placement = placeSlidevLayout(layout?.name, layout?.props ?? {}, markdown);
  const warnings: SlidevWarning[] = placement.warning ? [{ message: placement.warning }] : [];
  const snippets = dropSnippetImports(markdown, fencedRanges(markdown));
  for (const line of snippets.dropped) {
    warnings.push({
      at: line,
      message: `Slidev's snippet import (${line}) is left out: this tool does not read code from files; paste the code in a code block`,
    });
  }
  const icons = dropColonIcons(snippets.markdown);
  const parts = slotParts(icons.markdown);
  const unplaced = unplacedSlots(parts, placement.slots);
  if (unplaced.length > 0) {
    warnings.push({
      at: unplaced[0],
      message: `Slidev's slot${unplaced.length > 1 ? 's' : ''} ${unplaced.join(', ')} ${unplaced.length > 1 ? 'have' : 'has'} no place in layout ${layout?.name ?? 'default'}: ${unplaced.length > 1 ? 'their parts follow' : 'its part follows'} the slide's text`,
    });
  }
  const arranged = arrangeSlots(
    parts.map((part) => ({ name: part.name, html: render(part.markdown) })),
    placement.slots,
    placement.panel,
  );
  const components = slidevComponents(placement.page ? `${arranged}\n${pageLinkHtml(placement.page)}` : arranged);
  for (const dropped of [...icons.dropped, ...components.dropped]) {
    warnings.push({ at: dropped.text, message: `Slidev's ${dropped.name} is left out: ${dropped.reason}` });
  }
  return {
    html: slidevClicks(scopeSlideStyles(components.html)),
    attributes: { 'data-layout': placement.layout, ...placement.attributes },
    warnings,
  };
}
