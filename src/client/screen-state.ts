/**
 * The audience screen (slides, black or white) as a driving page knows it: a key press toggles what this page last
 * asked for at once, and the server's answers confirm it in order. Toggling from the last confirmed state instead
 * lost a fast second press (B B stayed black: both presses sent "black").
 */
import type { ScreenMode } from '../serve/protocol.js';

export interface ScreenState {
  /** What the server last said the audience sees. */
  readonly confirmed: ScreenMode;
  /** What this page asked for and the server has not answered yet, oldest first. */
  readonly pending: readonly ScreenMode[];
}

export const screenState = (confirmed: ScreenMode): ScreenState => ({ confirmed, pending: [] });

/** What the audience sees once the server has answered everything this page sent. */
export function shownScreen(state: ScreenState): ScreenMode {
  return state.pending[state.pending.length - 1] ?? state.confirmed;
}

/** Press B (mode black) or W (white): that screen, or the slides when it is already (about to be) shown. */
export function toggleScreen(state: ScreenState, mode: Exclude<ScreenMode, 'slides'>): { state: ScreenState; send: ScreenMode } {
  const send: ScreenMode = shownScreen(state) === mode ? 'slides' : mode;
  return { state: { confirmed: state.confirmed, pending: [...state.pending, send] }, send };
}

/** Ask for one screen (a button that sets, not toggles). */
export function requestScreen(state: ScreenState, mode: ScreenMode): ScreenState {
  return { confirmed: state.confirmed, pending: [...state.pending, mode] };
}

/**
 * The server says the audience sees `mode`. The answer to our oldest request takes it off the list; anything else
 * (another presenter page changed the screen first) wins over what we still wait for.
 */
export function confirmScreen(state: ScreenState, mode: ScreenMode): ScreenState {
  if (state.pending[0] === mode) return { confirmed: mode, pending: state.pending.slice(1) };
  return screenState(mode);
}
