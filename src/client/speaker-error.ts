/**
 * Where the presenter's own deck (/?token=…) shows a build error: in reveal.js's speaker view (S) while that is
 * open, since the deck window is then the one on the projector (reveal.js's way: the deck on the projector, the
 * speaker view on the laptop) and the error names the speaker's files; over the slides only while no speaker view
 * is open (tests/serve/presenter.browser.test.ts, "a build error on the presenter’s deck").
 */
import type { BuildErrorInfo } from '../serve/protocol.js';
import { showBuildError } from './overlays.js';

/** How often an open speaker view is looked at: closed (the error goes back to the deck), or its document rewritten. */
const CHECK_MS = 500;

export interface ErrorPlace {
  /** The build error now (null: fixed). */
  show(error: BuildErrorInfo | null): void;
  speakerOpened(speaker: Window): void;
}

export function createErrorPlace(doc: Document = document): ErrorPlace {
  let error: BuildErrorInfo | null = null;
  let speaker: Window | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  const speakerDocument = (): Document | null => {
    if (!speaker || speaker.closed) return null;
    try {
      return speaker.document.body ? speaker.document : null;
    } catch {
      return null; // another origin: not a speaker view we can write into
    }
  };
  const place = () => {
    const there = speakerDocument();
    if (there) showBuildError(error, there);
    showBuildError(there ? null : error, doc);
  };
  return {
    show(next) {
      error = next;
      place();
    },
    speakerOpened(opened) {
      speaker = opened;
      clearInterval(timer);
      timer = setInterval(() => {
        if (speaker?.closed) {
          speaker = null;
          clearInterval(timer);
          place();
        } else if (error && !speakerDocument()?.getElementById('deck-serve-error')) place();
      }, CHECK_MS);
      place();
    },
  };
}
