/**
 * Which of /_deck/notes.json's notes (src/serve/notes.ts: every slide of the build, with its id) belong to a slide
 * on screen. By the slide's id, not by its place: reveal.js takes hidden slides (data-visibility="hidden") out of
 * the page and leaves uncounted ones out of getSlides(), so from the first of those on the order shown is not the
 * order of the notes (tests/serve/presenter.browser.test.ts, "hidden and uncounted slides").
 */

/** One slide's notes as the server lists them. */
export interface NotesEntry {
  readonly id: string;
  readonly html: string;
}

/** The notes of `slide` (at `index` in the order shown): those with its id, else (a slide without an id) the index's. */
export function notesOf(notes: readonly NotesEntry[], slide: { readonly id: string } | undefined, index: number): string {
  if (!slide) return '';
  if (slide.id) {
    const own = notes.find((entry) => entry.id === slide.id);
    if (own) return own.html;
  }
  return notes[index]?.html ?? '';
}
