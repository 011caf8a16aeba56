export * from './types.js';
export { loadDeck, parseDeck, type LoadDeckOptions } from './deck.js';
export { readSources, type Sources, type SourceFile } from './sources.js';
export { splitSlides, splitNotes, fencedRanges, matchesOutsideCode } from './split.js';
export { parseFrontMatter } from './front-matter.js';
export { escapeHtml } from './markdown.js';
