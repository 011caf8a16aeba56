/**
 * The presenter's own deck (/?token=…) gets its speaker notes back for reveal.js's speaker view (S): the served
 * page has none (src/serve/notes.ts), so they come from /_deck/notes.json, sanitised, into each slide, with the
 * timing plan the speaker view's clock panel paces against (src/client/speaker-clock.ts). The speaker view window
 * is given the deck's language, so CJK text is drawn with the right glyph forms.
 */
import type { NotesPayload } from '../serve/protocol.js';
import { sanitizeNotes } from './notes-view.js';
import type { RevealLike } from './reveal.js';
import { notesOf } from './slide-notes.js';

/** Put the notes back into the slides; the notes and plan as fetched, or null when they could not be. */
export async function restoreNotes(reveal: RevealLike, token: string): Promise<NotesPayload | null> {
  const response = await fetch(`/_deck/notes.json?token=${encodeURIComponent(token)}`, { cache: 'no-store' });
  if (!response.ok) return null;
  const body = (await response.json()) as NotesPayload;
  // Every slide on the page, uncounted ones included (getSlides() leaves them out, but the speaker view shows them).
  const slides = [...(reveal.getSlidesElement()?.querySelectorAll<HTMLElement>('section:not(.stack)') ?? [])];
  const shown = reveal.getSlides();
  for (const slide of slides) {
    const html = notesOf(body.slides, slide, shown.indexOf(slide));
    // The served page has no notes (src/serve/notes.ts): an aside is one put back earlier, maybe of an older edit.
    slide.querySelector(':scope > aside.notes')?.remove();
    if (!html) continue;
    const aside = document.createElement('aside');
    aside.className = 'notes';
    aside.innerHTML = sanitizeNotes(html.replace(/\[(?:step|click)\]\s*/gi, ''));
    slide.append(aside);
  }
  return body;
}

/** reveal.js's notes plugin names its window "reveal.js - Notes" and writes the speaker view into it. */
const SPEAKER_WINDOW = 'reveal.js - Notes';

/**
 * When reveal.js's speaker view opens: give it the deck's lang (it writes lang="en" whatever the deck is, and CJK
 * text then takes Japanese glyph forms), then hand the window to `onOpen` (src/client/speaker-clock.ts).
 */
export function onSpeakerView(win: Window, lang: string, onOpen: (speaker: Window) => void): void {
  const open = win.open.bind(win);
  win.open = (url?: string | URL, target?: string, features?: string) => {
    const opened = open(url, target, features);
    if (opened && target === SPEAKER_WINDOW) {
      // The plugin writes the document right after open() returns: set the language once it is there.
      setTimeout(() => {
        try {
          if (lang) opened.document.documentElement.lang = lang;
        } catch {
          return; // another origin: nothing to fix
        }
        onOpen(opened);
      }, 0);
    }
    return opened;
  };
}
