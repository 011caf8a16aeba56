/** What the slides PDF should hold: pages per slide, and its outline. */
import type { Deck, Slide } from '../content/types.js';
import type { OutlineEntry } from './pdf/amend.js';

/** Whether a slide's fragment steps get pages of their own: its data-pdf-fragments attribute, else the config. */
export function splitsFragments(slide: Slide, all: boolean): boolean {
  const wanted = slide.attributes['data-pdf-fragments'];
  if (wanted === 'true') return slide.fragments > 0;
  if (wanted === 'false') return false;
  return all && slide.fragments > 0;
}

/** Pages a slide takes in deck.pdf: one, or one per fragment step plus its initial state. */
export function pagesForSlide(slide: Slide, all: boolean): number {
  return splitsFragments(slide, all) ? slide.fragments + 1 : 1;
}

export function expectedDeckPages(deck: Deck): number {
  return deck.slides.reduce((n, slide) => n + pagesForSlide(slide, deck.config.pdf.fragments), 0);
}

/**
 * Bookmarks: one per section (source file) opening its first slide, with its slides beneath unless the
 * section is one slide of the same title. `firstPage(slide)` is the 0-based page a slide starts on.
 */
export function deckOutline(deck: Deck, firstPage: (slide: Slide) => number | undefined): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  for (const section of deck.sections) {
    const slides = section.stacks.flat();
    const pages = slides.map((slide) => ({ slide, page: firstPage(slide) }));
    const present = pages.filter((entry): entry is { slide: Slide; page: number } => entry.page !== undefined);
    if (present.length === 0) continue;
    const lone = present.length === 1 && present[0]!.slide.title === section.title;
    entries.push({
      title: section.title || present[0]!.slide.title,
      page: present[0]!.page,
      children: lone ? [] : present.map(({ slide, page }) => ({ title: slide.title, page })),
    });
  }
  return entries;
}
