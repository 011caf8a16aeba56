/**
 * Which of /_deck/notes.json's entries (src/serve/notes.ts: every slide of the build, with its id, notes and planned
 * time) belong to a slide on screen. By the slide's id, not by its place: reveal.js takes hidden slides
 * (data-visibility="hidden") out of the page and leaves uncounted ones out of getSlides(), so from the first of
 * those on the order shown is not the order of the notes (tests/serve/presenter.browser.test.ts, "hidden and
 * uncounted slides").
 */

/** One slide's entry as the server lists it (src/serve/protocol.ts's SlideNotes). */
export interface NotesEntry {
  readonly id: string;
  readonly html: string;
}

/** The entry of `slide` (at `index` in the order shown): the one with its id, else (a slide without an id) the index's. */
export function entryOf<Entry extends { readonly id: string }>(
  entries: readonly Entry[],
  slide: { readonly id: string } | undefined,
  index: number,
): Entry | undefined {
  if (!slide) return undefined;
  if (slide.id) {
    const own = entries.find((entry) => entry.id === slide.id);
    if (own) return own;
  }
  return entries[index];
}

/** The notes of `slide` (at `index` in the order shown). */
export function notesOf(notes: readonly NotesEntry[], slide: { readonly id: string } | undefined, index: number): string {
  return entryOf(notes, slide, index)?.html ?? '';
}
