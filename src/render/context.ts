import type { Deck, Section, Slide } from '../content/types.js';

/** What templates see of the deck: its settings. */
export function deckContext(deck: Deck) {
  const c = deck.config;
  return {
    title: c.title,
    subtitle: c.subtitle,
    author: c.author,
    description: c.description,
    keywords: c.keywords,
    date: c.date,
    lang: c.lang,
    width: c.width,
    height: c.height,
    slideCount: deck.slides.length,
  };
}

/** One entry per section whose front matter names a `model`: the data the overview and charts are drawn from. */
export function modelsOf(deck: Deck) {
  return deck.sections
    .filter((section) => section.data.model !== undefined)
    .map((section: Section) => ({
      ...section.data,
      title: section.title,
      slideId: section.stacks[0]?.[0]?.id,
    }));
}

export function slideContext(slide: Slide) {
  return {
    id: slide.id,
    title: slide.title,
    index: slide.index,
    number: slide.index + 1,
    h: slide.h,
    v: slide.v,
    layout: slide.layout,
    fragments: slide.fragments,
    first: slide.first,
    file: slide.file,
  };
}
