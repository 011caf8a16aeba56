/**
 * reveal.js's own blackout on the presenter's deck (/?token=…: B, . or V pause it) is the room's black screen:
 * pausing it blacks out every audience page, as B does in the presenter view, and resuming brings them back; a
 * server that says the room sees the slides again resumes it. While paused, reveal.js ignores the arrow keys, so a
 * move key resumes and moves at once, as in PowerPoint: the server lifts the room's cover after the move, so the
 * slide changes under it (src/serve/hub.ts).
 */
import type { ScreenMode } from '../serve/protocol.js';
import { keyAction } from './keys.js';
import { positionOf, samePosition, type RevealLike } from './reveal.js';

export interface PauseLink {
  /** The server says what the room sees. */
  screen(mode: ScreenMode): void;
}

export interface PauseOptions {
  /** Whether this page drives the room now (the presenter's deck, connected). */
  readonly drives: () => boolean;
  /** Ask the server for a screen. */
  readonly send: (mode: Extract<ScreenMode, 'black' | 'slides'>) => void;
}

const MOVES = new Set(['next', 'prev', 'first', 'last']);

export function linkPause(reveal: RevealLike, doc: Document, options: PauseOptions): PauseLink {
  /** A pause change this page made itself, to follow the server: not sent back. */
  let following = false;
  /** A resume for a move: the move lifts the room's cover (the server does), so the resume is not sent. */
  let resumingForMove = false;
  reveal.on('paused', () => {
    if (!following && options.drives()) options.send('black');
  });
  reveal.on('resumed', () => {
    if (!following && !resumingForMove && options.drives()) options.send('slides');
  });
  // Capture: before reveal.js's own handler, which drops the key while paused.
  doc.addEventListener(
    'keydown',
    (event) => {
      const action = keyAction(event);
      if (!action || !MOVES.has(action) || !reveal.isPaused() || !options.drives()) return;
      const at = positionOf(reveal);
      resumingForMove = true;
      try {
        reveal.togglePause(false);
      } finally {
        resumingForMove = false;
      }
      // reveal.js moves in this same key event; a key that moved nothing (→ on the last slide) still resumes.
      setTimeout(() => {
        if (samePosition(positionOf(reveal), at)) options.send('slides');
      }, 0);
    },
    true,
  );
  return {
    screen(mode) {
      if (mode !== 'slides' || !reveal.isPaused()) return;
      following = true;
      try {
        reveal.togglePause(false);
      } finally {
        following = false;
      }
    },
  };
}
