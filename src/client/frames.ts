/** The deck copies the presenter view and the remote show: frames of the deck that neither drive nor follow. */

/** Query for a copy of the deck in a frame: ?receiver (src/client/entries/client.ts neither drives nor follows), no controls or animations. */
export const FRAME_QUERY =
  'receiver&controls=false&progress=false&transition=none&backgroundTransition=none&keyboard=false' +
  '&hash=false&history=false&slideNumber=false&autoSlide=0&overview=false&touch=false&help=false&scrollActivationWidth=false';

/**
 * Sent to the current slide's frame each time the presenter view (or the remote) has put it where the talk is, once
 * the server has said where that is: the rehearsal recorder in that frame starts recording from there.
 */
export const PLACED_EVENT = 'deck:placed';

/** Load the deck into a frame; `onReady` runs once its reveal.js is ready, and again after every reload or update. */
export function loadDeckFrame(frame: HTMLIFrameElement, onReady: () => void): void {
  frame.addEventListener('load', () => {
    const win = frame.contentWindow as (Window & { Reveal?: { isReady(): boolean; on(e: string, f: () => void): void } }) | null;
    if (!win) return;
    win.addEventListener('deck:updated', onReady);
    if (win.Reveal?.isReady()) onReady();
    else win.Reveal?.on('ready', onReady);
  });
  frame.src = `/?${FRAME_QUERY}`;
}
