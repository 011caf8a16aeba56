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

/**
 * The talk's sections as an agenda, seen from one slide: every section with a title except the title slide's
 * (front matter `layout: title`) and those with `agenda: false`; `current` is the slide's own section, `done`
 * the ones before it.
 */
export function sectionsFor(deck: Deck, slide: Slide) {
  return deck.sections
    .filter((section) => section.data.layout !== 'title' && section.data.agenda !== false && section.title)
    .map((section, i) => ({
      number: i + 1,
      title: typeof section.data.agenda === 'string' ? section.data.agenda : section.title,
      model: section.data.model,
      year: section.data.year,
      slideId: section.stacks[0]?.[0]?.id,
      current: section.index === slide.section,
      done: section.index < slide.section,
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
    /** The named visual the slide shows (`<!-- .slide: data-visual="name" -->`), drawn by the `visual` helper. */
    visual: slide.attributes['data-visual'],
  };
}
